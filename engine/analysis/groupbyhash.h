#pragma once
// Hash maps keyed by byte strings that are looked up by std::string_view, so a hot loop
// (wordcount terms) allocates only when it meets a new key.
#include "core/hash.h"
#include <string>
#include <string_view>
#include <unordered_map>

namespace sf {

struct ByteStringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::size_t(hashBytes(s)); }
};

template <class T>
using ByteStringMap = std::unordered_map<std::string, T, ByteStringHash, std::equal_to<>>;

} // namespace sf
