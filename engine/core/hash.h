#pragma once
// The one fixed, seedless 64-bit hash of the engine (wyhash-style multiply-fold mixing): the
// same bytes give the same hash on every run, thread and machine, so sketches built from it
// merge deterministically.
#include <cstdint>
#include <string_view>

namespace sf {

std::uint64_t hashBytes(std::string_view bytes);
std::uint64_t hashU64(std::uint64_t value);
// Canonical double hash: 0.0 and -0.0 hash alike, every NaN hashes alike.
std::uint64_t hashDouble(double value);

} // namespace sf
