#pragma once
// The one fixed, seedless 64-bit hash of the engine (wyhash-style multiply-fold mixing): the
// same bytes give the same hash on every run, thread and machine, so sketches built from it
// merge deterministically.
#include <bit>
#include <cstdint>
#include <string_view>

namespace sf {

std::uint64_t hashBytes(std::string_view bytes);

namespace detail {
inline constexpr std::uint64_t kHashP0 = 0xa0761d6478bd642fULL;
inline constexpr std::uint64_t kHashP1 = 0xe7037ed1a0b428dbULL;

// 64×64→128 multiply folded to 64 bits by xor: the mixing step of wyhash.
inline std::uint64_t mum(std::uint64_t a, std::uint64_t b)
{
    __extension__ typedef unsigned __int128 U128;
    const U128 r = U128(a) * U128(b);
    return std::uint64_t(r) ^ std::uint64_t(r >> 64);
}
} // namespace detail

// hashBytes of the value's 8 little-endian bytes, computed without going through memory
// (inline: it runs once per numeric value in the profile).
inline std::uint64_t hashU64(std::uint64_t value)
{
    using namespace detail;
    const std::uint64_t swapped = (value << 32) | (value >> 32);
    return mum(kHashP1 ^ 8, mum(swapped ^ kHashP1, value ^ kHashP0));
}
// Canonical double hash: 0.0 and -0.0 hash alike, every NaN hashes alike.
inline std::uint64_t hashDouble(double value)
{
    if (value == 0.0) value = 0.0;
    if (value != value) return hashU64(0x7ff8000000000000ULL); // NaN
    return hashU64(std::bit_cast<std::uint64_t>(value));
}

} // namespace sf
