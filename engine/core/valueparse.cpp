#include "core/valueparse.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <charconv>
#include <limits>
#include <system_error>

namespace sf {

namespace {

// from_chars rejects a leading '+', which spreadsheets and pandas accept; a sign after it is not.
std::string_view stripPlus(std::string_view text, bool *ok)
{
    *ok = true;
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (text.empty() || text.front() == '-' || text.front() == '+') *ok = false;
    }
    return text;
}

// `Count` digits at s[pos..]: unrolled (dates and times are parsed once per value).
template <std::size_t Count> inline bool digits(std::string_view s, std::size_t pos, int *out)
{
    if (pos + Count > s.size()) return false;
    int v = 0;
    bool ok = true;
    for (std::size_t i = 0; i < Count; ++i) {
        const unsigned d = unsigned(s[pos + i]) - unsigned('0');
        ok &= d <= 9;
        v = v * 10 + int(d);
    }
    *out = v;
    return ok;
}

constexpr bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr std::int64_t daysFromCivil(std::int64_t y, int m, int d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// daysFromCivil of the first of each month of the years most data is from, computed by the
// compiler: a date there costs one load instead of the divisions.
constexpr int kTableFirstYear = 1900;
constexpr int kTableYears = 250;
constexpr auto kMonthStarts = [] {
    std::array<std::int32_t, kTableYears * 12 + 1> t{}; // and the month after the last
    for (int i = 0; i <= kTableYears * 12; ++i)
        t[std::size_t(i)] = std::int32_t(daysFromCivil(kTableFirstYear + i / 12, i % 12 + 1, 1));
    return t;
}();

// Days since 1970-01-01 of a month 1-12 and day >= 1, false when the month has no such day.
bool daysOf(int y, int m, int d, std::int64_t *days)
{
    const unsigned month = unsigned(unsigned(y - kTableFirstYear) * 12 + unsigned(m - 1));
    if (unsigned(y - kTableFirstYear) < unsigned(kTableYears)) {
        const std::int32_t start = kMonthStarts[month];
        if (d > kMonthStarts[month + 1] - start) return false;
        *days = start + (d - 1);
        return true;
    }
    if (d > daysInMonth(y, m)) return false;
    *days = daysFromCivil(y, m, d);
    return true;
}

// "YYYY-MM-DD" at p (10 readable bytes) as numbers, by SWAR: the first 8 bytes as a word whose
// dashes are checked and replaced by '0', every byte then checked to be a digit at once, and
// digit pairs combined in one multiply (each byte stays below 100: no carries).
bool parseIsoDate(const char *p, int *year, int *month, int *day)
{
    constexpr std::uint64_t kDashBytes = 0xFF0000FF00000000ULL; // bytes 4 and 7
    constexpr std::uint64_t kDashes = 0x2D00002D00000000ULL;
    constexpr std::uint64_t kZeros = 0x3000003000000000ULL;
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if ((w & kDashBytes) != kDashes) return false;
    w = (w & ~kDashBytes) | kZeros;
    const std::uint16_t dd = std::uint16_t(std::uint8_t(p[8]) | std::uint8_t(p[9]) << 8);
    const std::uint64_t digitsOk =
        (w & 0xF0F0F0F0F0F0F0F0ULL) | (((w + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4);
    const unsigned d0 = unsigned(dd & 0xFF) - '0', d1 = unsigned(dd >> 8) - '0';
    if (digitsOk != 0x3333333333333333ULL || d0 > 9 || d1 > 9) return false;
    const std::uint64_t v = w - 0x3030303030303030ULL;
    const std::uint64_t pairs = v * 10 + (v >> 8); // byte k: 10 * digit k + digit k + 1
    *year = int(pairs & 0xFF) * 100 + int((pairs >> 16) & 0xFF);
    *month = int((pairs >> 40) & 0xFF);
    *day = int(d0 * 10 + d1);
    return true;
}


} // namespace

bool detail::parseInt64Long(std::string_view text, std::int64_t *out)
{
    // An optional sign and up to 18 digits cannot overflow; anything else (longer texts, odd
    // signs) takes from_chars, which decides exactly as before. (Up to 8 digits were tried.)
    const char *p = text.data();
    const char *e = p + text.size();
    bool negative = false;
    if (p < e && (*p == '-' || *p == '+')) negative = *p++ == '-';
    if (p < e && e - p <= 18) {
        std::int64_t v = 0;
        for (const char *q = p; q < e; ++q) {
            const unsigned d = unsigned(*q) - unsigned('0');
            if (d > 9) return false;
            v = v * 10 + std::int64_t(d);
        }
        *out = negative ? -v : v;
        return true;
    }
    bool ok = false;
    text = stripPlus(text, &ok);
    if (!ok || text.empty()) return false;
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, 10);
    if (ec != std::errc() || end != text.data() + text.size()) return false;
    *out = v;
    return true;
}

namespace {

// Clinger's fast path: a decimal with at most 19 significant digits whose mantissa is below
// 2^53 and whose power of ten is exact (|k| <= 22) is correctly rounded by one multiply or
// divide. False (out untouched) for anything else, which from_chars then reads.
bool parseSimpleDecimal(std::string_view text, double *out)
{
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char *p = text.data();
    const char *e = p + text.size();
    bool negative = false;
    if (p < e && (*p == '-' || *p == '+')) negative = *p++ == '-';
    // (Texts of up to 8 digits and a '.' were tried inline: valueparse.h.)
    // All mantissa digits count toward the 19 (leading zeros too: rare, and only slower).
    std::uint64_t mantissa = 0;
    const char *intStart = p;
    for (; p < e && unsigned(*p) - unsigned('0') <= 9; ++p)
        mantissa = mantissa * 10 + std::uint64_t(*p - '0');
    std::ptrdiff_t mantissaDigits = p - intStart;
    int exponent = 0;
    if (p < e && *p == '.') {
        const char *fracStart = ++p;
        for (; p < e && unsigned(*p) - unsigned('0') <= 9; ++p)
            mantissa = mantissa * 10 + std::uint64_t(*p - '0');
        exponent = -int(std::min<std::ptrdiff_t>(p - fracStart, 64));
        mantissaDigits += p - fracStart;
    }
    if (mantissaDigits == 0 || mantissaDigits > 19)
        return false; // beyond 19 digits the mantissa may wrap
    if (p < e && (*p == 'e' || *p == 'E')) {
        ++p;
        bool negExp = false;
        if (p < e && (*p == '-' || *p == '+')) negExp = *p++ == '-';
        int value = 0;
        int expDigits = 0;
        for (; p < e && unsigned(*p) - unsigned('0') <= 9; ++p) {
            if (++expDigits > 4) return false;
            value = value * 10 + (*p - '0');
        }
        if (expDigits == 0) return false;
        exponent += negExp ? -value : value;
    }
    if (p != e || mantissa > (std::uint64_t(1) << 53)) return false;
    double v = double(mantissa);
    if (mantissa != 0) {
        if (exponent < -22 || exponent > 22) return false;
        v = exponent < 0 ? v / kPow10[-exponent] : v * kPow10[exponent];
    }
    *out = negative ? -v : v;
    return true;
}

// The power of ten of the first nonzero digit of a decimal text that from_chars accepted
// ("123e4" -> 6, "0.05" -> -2), saturated far beyond any double's range. Only for texts with
// a nonzero digit (from_chars reads all-zero texts as 0, never out of range).
std::int64_t decimalMagnitude(std::string_view text)
{
    constexpr std::int64_t kSaturate = std::int64_t(1) << 40;
    std::size_t i = text.front() == '-' ? 1 : 0;
    std::int64_t magnitude = 0;
    bool found = false;
    for (; i < text.size() && unsigned(text[i]) - unsigned('0') <= 9; ++i) {
        if (found)
            ++magnitude;
        else
            found = text[i] != '0';
    }
    if (i < text.size() && text[i] == '.') {
        std::int64_t zeros = 0;
        for (++i; i < text.size() && unsigned(text[i]) - unsigned('0') <= 9; ++i) {
            if (!found && text[i] != '0') {
                found = true;
                magnitude = -(zeros + 1);
            } else if (!found) {
                zeros = std::min(zeros + 1, kSaturate);
            }
        }
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        const bool negExp = i < text.size() && text[i] == '-';
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        std::int64_t exp = 0;
        for (; i < text.size() && unsigned(text[i]) - unsigned('0') <= 9; ++i)
            exp = std::min(exp * 10 + (text[i] - '0'), kSaturate);
        magnitude += negExp ? -exp : exp;
    }
    return magnitude;
}

} // namespace

bool detail::parseDoubleLong(std::string_view text, double *out)
{
    if (parseSimpleDecimal(text, out)) return true;
    bool ok = false;
    text = stripPlus(text, &ok);
    if (!ok || text.empty()) return false;
    double v = 0;
    const auto [end, ec] =
        std::from_chars(text.data(), text.data() + text.size(), v, std::chars_format::general);
    // out-of-range is reported as an error but 1e999 is a legitimate (infinite) double text.
    if (end != text.data() + text.size()) return false;
    if (ec == std::errc::result_out_of_range) {
        // from_chars leaves v unspecified here: the value is too large (infinite) or too small
        // (zero), which the magnitude says, not the exponent's sign ("1000…0e-5" overflows,
        // "0.000…01" underflows).
        const bool neg = text.front() == '-';
        const double inf = std::numeric_limits<double>::infinity();
        v = decimalMagnitude(text) > 0 ? (neg ? -inf : inf) : (neg ? -0.0 : 0.0);
    } else if (ec != std::errc()) {
        return false;
    }
    *out = v;
    return true;
}

bool parseDateTime(std::string_view s, std::int64_t *msSinceEpoch)
{
    int year = 0, month = 0, day = 0;
    if (s.size() < 10 || !parseIsoDate(s.data(), &year, &month, &day)) return false;
    std::int64_t days = 0;
    if (month < 1 || month > 12 || day < 1 || !daysOf(year, month, day, &days)) return false;
    std::int64_t ms = days * 86400000LL;
    std::size_t pos = 10;
    if (pos == s.size()) {
        *msSinceEpoch = ms;
        return true;
    }
    if (s[pos] != 'T' && s[pos] != ' ') return false;
    ++pos;
    int hour = 0, minute = 0, second = 0;
    if (!digits<2>(s, pos, &hour) || pos + 2 >= s.size() || s[pos + 2] != ':' ||
        !digits<2>(s, pos + 3, &minute))
        return false;
    pos += 5;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits<2>(s, pos + 1, &second)) return false;
        pos += 3;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            int fracDigits = 0;
            int millis = 0;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                if (fracDigits < 3) millis = millis * 10 + (s[pos] - '0');
                ++fracDigits;
                ++pos;
            }
            if (fracDigits == 0 || fracDigits > 9) return false;
            for (int i = fracDigits; i < 3; ++i)
                millis *= 10;
            ms += millis;
        }
    }
    if (hour > 23 || minute > 59 || second > 59) return false;
    ms += (hour * 3600LL + minute * 60LL + second) * 1000LL;
    if (pos < s.size()) {
        if (s[pos] == 'Z') {
            ++pos;
        } else if (s[pos] == '+' || s[pos] == '-') {
            const int sign = s[pos] == '+' ? 1 : -1;
            int offH = 0, offM = 0;
            if (!digits<2>(s, pos + 1, &offH) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
                !digits<2>(s, pos + 4, &offM) || offH > 23 || offM > 59)
                return false;
            // Local time = UTC + offset, so UTC = local - offset.
            ms -= sign * (offH * 3600LL + offM * 60LL) * 1000LL;
            pos += 6;
        } else {
            return false;
        }
    }
    if (pos != s.size()) return false;
    *msSinceEpoch = ms;
    return true;
}

bool valueFitsType(ColumnType type, std::string_view text)
{
    std::int64_t i;
    double d;
    bool b;
    switch (type) {
    case ColumnType::Int64: return parseInt64(text, &i);
    case ColumnType::Double: return parseDouble(text, &d);
    case ColumnType::Bool: return parseBool(text, &b);
    case ColumnType::DateTime: return parseDateTime(text, &i);
    case ColumnType::String: break;
    }
    return true;
}

} // namespace sf
