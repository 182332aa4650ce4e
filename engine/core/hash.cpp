#include "core/hash.h"

#include <bit>
#include <cmath>
#include <cstring>

namespace sf {

namespace {

using detail::mum;
constexpr std::uint64_t kP0 = detail::kHashP0;
constexpr std::uint64_t kP1 = detail::kHashP1;
constexpr std::uint64_t kP2 = 0x8ebc6af09c88c6e3ULL;
constexpr std::uint64_t kP3 = 0x589965cc75374cc3ULL;

std::uint64_t read64(const char *p)
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
    return v;
}

std::uint64_t read32(const char *p)
{
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
    return v;
}

// Up to 3 bytes: first, middle and last byte, so every length 1..3 reads each byte once.
std::uint64_t read3(const char *p, std::size_t k)
{
    const auto b = [p](std::size_t i) { return std::uint64_t(static_cast<unsigned char>(p[i])); };
    return (b(0) << 16) | (b(k >> 1) << 8) | b(k - 1);
}

} // namespace

std::uint64_t hashBytes(std::string_view bytes)
{
    const char *p = bytes.data();
    std::size_t len = bytes.size();
    std::uint64_t seed = kP0;
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    if (len <= 16) {
        if (len >= 4) {
            a = (read32(p) << 32) | read32(p + ((len >> 3) << 2));
            b = (read32(p + len - 4) << 32) | read32(p + len - 4 - ((len >> 3) << 2));
        } else if (len > 0) {
            a = read3(p, len);
        }
    } else {
        std::size_t i = len;
        if (i > 48) {
            std::uint64_t s1 = seed;
            std::uint64_t s2 = seed;
            do {
                seed = mum(read64(p) ^ kP1, read64(p + 8) ^ seed);
                s1 = mum(read64(p + 16) ^ kP2, read64(p + 24) ^ s1);
                s2 = mum(read64(p + 32) ^ kP3, read64(p + 40) ^ s2);
                p += 48;
                i -= 48;
            } while (i > 48);
            seed ^= s1 ^ s2;
        }
        while (i > 16) {
            seed = mum(read64(p) ^ kP1, read64(p + 8) ^ seed);
            i -= 16;
            p += 16;
        }
        a = read64(p + i - 16);
        b = read64(p + i - 8);
    }
    return mum(kP1 ^ std::uint64_t(len), mum(a ^ kP1, b ^ seed));
}

} // namespace sf
