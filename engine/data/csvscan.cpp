#include "data/csvscan.h"

#include <QtGlobal>
#include <cstring>

namespace sf::csv {

bool hasAvx2()
{
#if SF_SCAN_AVX2
    static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") &&
                            __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") &&
                            qEnvironmentVariableIsEmpty("SUPERFLOW_NO_AVX2");
    return yes;
#else
    return false;
#endif
}

RecordEnd findRecordEnd(const char *p, const char *e, char delimiter, char quote)
{
    RecordEnd r;
    const char *const start = p;
    // Without quoting, search for LF twice rather than branch in the hot loop.
    const char q = quote ? quote : '\n';
    for (;;) {
        p = findAny3(p, e, q, '\n', '\r');
        if (p == e || *p == '\n' || *p == '\r') {
            r.end = p;
            return r;
        }
        if (p != start && p[-1] != delimiter) {
            ++p; // a quote inside an unquoted field is data
            continue;
        }
        const char *open = p++;
        for (;;) {
            p = findAny3(p, e, q, '\n', '\r');
            if (p == e) {
                r.end = e;
                r.openQuote = open;
                return r;
            }
            if (*p == q) {
                if (p + 1 < e && p[1] == q) {
                    p += 2;
                    continue;
                }
                ++p;
                break;
            }
            if (*p == '\r' && p + 1 < e && p[1] == '\n') ++p;
            ++p;
            ++r.innerLines;
        }
    }
}

const char *skipLineEnds(const char *p, const char *e, std::int64_t *line)
{
    while (p < e) {
        if (*p == '\n') {
            ++p;
        } else if (*p == '\r') {
            ++p;
            if (p < e && *p == '\n') ++p;
        } else {
            break;
        }
        ++*line;
    }
    return p;
}

Location locate(const char *begin, std::int64_t beginLine, const char *pos)
{
    Location loc{beginLine, 0};
    const char *lineStart = begin;
    for (const char *q = begin; q < pos; ++q) {
        if (*q == '\n' || *q == '\r') {
            if (*q == '\r' && q + 1 < pos && q[1] == '\n') ++q;
            ++loc.line;
            lineStart = q + 1;
        }
    }
    loc.column = (pos - lineStart) + 1;
    return loc;
}

namespace {

// Length of the valid UTF-8 sequence at s[i] (Unicode 15, table 3-7), or 0.
int utf8SequenceLength(const unsigned char *s, std::size_t i, std::size_t n)
{
    const unsigned char c = s[i];
    auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return i + k < n && s[i + k] >= lo && s[i + k] <= hi;
    };
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (c == 0xF0) return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

} // namespace

std::int64_t findBadByte(std::string_view text, bool *nul)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    while (i < n) {
        // Common case: 8 ASCII non-NUL bytes at a time.
        if (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, s + i, 8);
            const bool hasZero = ((w - ones) & ~w & highs) != 0;
            if (!hasZero && (w & highs) == 0) {
                i += 8;
                continue;
            }
        }
        if (s[i] == 0) {
            *nul = true;
            return std::int64_t(i);
        }
        const int len = utf8SequenceLength(s, i, n);
        if (len == 0) {
            *nul = false;
            return std::int64_t(i);
        }
        i += std::size_t(len);
    }
    return -1;
}

} // namespace sf::csv
