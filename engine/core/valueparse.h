#pragma once
// Strict parsers from field text to typed values: the one copy used by type inference, strict
// validation and every analysis. All take the full text and fail on trailing garbage.
#include "core/columntype.h"
#include "core/shortdecimal.h"
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sf {

namespace detail {
// What the inline parsers below hand over when their short path does not apply.
bool parseInt64Long(std::string_view text, std::int64_t *out);
bool parseDoubleLong(std::string_view text, double *out);
} // namespace detail

[[gnu::always_inline]] inline bool parseInt64(std::string_view text, std::int64_t *out)
{
    bool negative;
    detail::ShortDecimal d;
    if (detail::parseShortSigned(text, false, &negative, &d)) {
        *out = negative ? -std::int64_t(d.mantissa) : std::int64_t(d.mantissa);
        return true;
    }
    return detail::parseInt64Long(text, out);
}

// Accepts ints too, "inf", "nan". Every result is the correctly rounded double (from_chars').
[[gnu::always_inline]] inline bool parseDouble(std::string_view text, double *out)
{
    static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    bool negative;
    detail::ShortDecimal d;
    if (detail::parseShortSigned(text, true, &negative, &d)) {
        // Below 10^8 and at most 8 fraction digits: exact operands, one correctly rounded
        // division (Clinger's fast path).
        double v = double(d.mantissa);
        if (d.mantissa != 0 && d.fractionDigits > 0) v /= kPow10[d.fractionDigits];
        *out = negative ? -v : v;
        return true;
    }
    return detail::parseDoubleLong(text, out);
}

// What a text is as a bool: 0 "false", 1 "true" (any case), 2 neither. Without a branch on
// which of the two words it is, so a column of true and false at random does not mispredict on
// every other value; the one branch (4 or 5 bytes long) follows the column, not the values.
enum BoolCode : unsigned { kBoolFalse = 0, kBoolTrue = 1, kNotBool = 2 };
[[gnu::always_inline]] inline BoolCode boolCode(std::string_view text)
{
    // Every byte of both words is a letter, and OR 0x20 maps a letter's upper case onto its
    // lower case and no other byte onto a lower-case one.
    const std::size_t n = text.size();
    if (n - 4 > 1) return kNotBool;
    constexpr auto word = [](const char *s) {
        return std::uint32_t(std::uint8_t(s[0])) | std::uint32_t(std::uint8_t(s[1])) << 8 |
               std::uint32_t(std::uint8_t(s[2])) << 16 | std::uint32_t(std::uint8_t(s[3])) << 24;
    };
    std::uint32_t head;
    std::memcpy(&head, text.data(), 4);
    head |= 0x20202020u;
    const unsigned last = static_cast<unsigned char>(text[n - 1]) | 0x20u;
    const unsigned isTrue = unsigned(n == 4) & unsigned(head == word("true"));
    const unsigned isFalse = unsigned(n == 5) & unsigned(head == word("fals")) & unsigned(last == 'e');
    return BoolCode(2 - isTrue - 2 * isFalse);
}

[[gnu::always_inline]] inline bool parseBool(std::string_view text, bool *out) // true/false, any case
{
    const BoolCode code = boolCode(text);
    if (code == kNotBool) return false;
    *out = code == kBoolTrue;
    return true;
}
// ISO-8601: YYYY-MM-DD, optionally followed by T or space and hh:mm[:ss[.fff]] and Z or +hh:mm.
// Result in milliseconds since the Unix epoch, UTC.
bool parseDateTime(std::string_view text, std::int64_t *msSinceEpoch);

// Whether `text` is a value of `type` (strings accept anything): the strict-types check every
// reader applies.
bool valueFitsType(ColumnType type, std::string_view text);

} // namespace sf
