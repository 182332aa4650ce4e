#pragma once
// Strict parsers from field text to typed values: the one copy used by type inference, strict
// validation and every analysis. All take the full text and fail on trailing garbage.
#include "core/columntype.h"
#include "core/shortdecimal.h"
#include <cstdint>
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

bool parseBool(std::string_view text, bool *out); // true/false, case-insensitive
// ISO-8601: YYYY-MM-DD, optionally followed by T or space and hh:mm[:ss[.fff]] and Z or +hh:mm.
// Result in milliseconds since the Unix epoch, UTC.
bool parseDateTime(std::string_view text, std::int64_t *msSinceEpoch);

// Whether `text` is a value of `type` (strings accept anything): the strict-types check every
// reader applies.
bool valueFitsType(ColumnType type, std::string_view text);

} // namespace sf
