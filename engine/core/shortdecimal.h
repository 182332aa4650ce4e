#pragma once
// The fast path of parseInt64/parseDouble (valueparse.h), inline so a column's parse loop
// runs it without a call: most numbers in data files are short.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sf::detail {

// Texts of up to 8 bytes (most numbers in data files) are read as one word: at most one '.'
// found and squeezed out, the rest checked to be digits and converted by SWAR (D. Lemire,
// "Parsing series of integers with SIMD", 8 digits with three multiplies), instead of a
// multiply-add per digit in a dependency chain.
struct ShortDecimal {
    std::uint64_t mantissa = 0;
    int fractionDigits = 0; // digits after the '.'
};

inline std::uint64_t lowBytes(int n) // the low n (0..8) bytes of a word
{
    return n >= 8 ? ~std::uint64_t(0) : (std::uint64_t(1) << (8 * n)) - 1;
}

// p[0, n), 1 <= n <= 8, as the low bytes of a word (little-endian: p[0] lowest), never
// reading outside it. Inlined where a caller passes a short literal, GCC's -Warray-bounds
// flags the 4-byte loads of the branch that n < 4 never takes: silenced here alone.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#pragma GCC diagnostic ignored "-Wstringop-overread"
#endif
[[gnu::always_inline]] inline std::uint64_t loadShort(const char *p, int n)
{
    if (n >= 4) {
        std::uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        return std::uint64_t(lo) | (std::uint64_t(hi) << (8 * (n - 4)));
    }
    const auto byte = [p](int i) { return std::uint64_t(static_cast<unsigned char>(p[i])); };
    return byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)));
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// False when the text is not 1-8 digits with at most one '.' and at least one digit; the
// caller then reads it the general way.
[[gnu::always_inline]] inline bool parseShortDecimal(const char *p, int n, bool allowDot,
                                                     ShortDecimal *out)
{
    if (n < 1 || n > 8) return false;
    std::uint64_t w = loadShort(p, n);
    int digits = n;
    out->fractionDigits = 0;
    if (allowDot) {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
        const std::uint64_t x = w ^ (0x2E2E2E2E2E2E2E2EULL & lowBytes(n)); // '.' -> 0
        const std::uint64_t zero = (x - kOnes) & ~x & kHighs & lowBytes(n);
        if (zero != 0) { // the lowest zero byte is exact: the first '.'
            const int dot = std::countr_zero(zero) / 8;
            w = (w & lowBytes(dot)) | ((w >> 8) & ~lowBytes(dot));
            digits = n - 1;
            out->fractionDigits = digits - dot;
            if (digits == 0) return false;
        }
    }
    // Right-align behind '0's: the first digit is the most significant.
    if (digits < 8) w = (w << (8 * (8 - digits))) | (0x3030303030303030ULL >> (8 * digits));
    if ((((w & 0xF0F0F0F0F0F0F0F0ULL) |
          (((w + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4)) != 0x3333333333333333ULL))
        return false;
    w -= 0x3030303030303030ULL;
    w = (w * 10) + (w >> 8);
    w = (((w & 0x000000FF000000FFULL) * 0x000F424000000064ULL) +
         (((w >> 16) & 0x000000FF000000FFULL) * 0x0000271000000001ULL)) >>
        32;
    out->mantissa = std::uint32_t(w);
    return true;
}

// An optional sign, then parseShortDecimal of the rest (up to 8 bytes): the short path both
// parseInt64 and parseDouble try first.
[[gnu::always_inline]] inline bool parseShortSigned(std::string_view text, bool allowDot,
                                                    bool *negative, ShortDecimal *out)
{
    const char *p = text.data();
    const char *e = p + text.size();
    *negative = false;
    if (p < e && (*p == '-' || *p == '+')) *negative = *p++ == '-';
    return parseShortDecimal(p, int(std::min<std::ptrdiff_t>(e - p, 9)), allowDot, out);
}

} // namespace sf::detail
