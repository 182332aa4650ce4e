#pragma once
// Byte-level CSV scanning shared by the index scan, the readers and the sniffer: where the
// record starting at a byte ends, which bytes are line ends, where a text is not UTF-8. One
// definition of a record boundary, so the index and every reader always agree.
//
// The grammar (RFC 4180, relaxed as pandas reads it): a quote opens a quoted field only at the
// start of a field; elsewhere it is an ordinary byte. Inside quotes, "" is a quote and line
// ends are data. Outside quotes LF, CRLF and a lone CR end a record. Blank lines are not
// records. `quote == 0` disables quoting.
#include <cstdint>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

namespace sf::csv {

// First byte in [p, e) equal to a, b or c; e if none. SSE2 where available. Inline: it runs
// once per field.
inline const char *findAny3(const char *p, const char *e, char a, char b, char c)
{
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    const __m128i vc = _mm_set1_epi8(c);
    while (e - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                         _mm_cmpeq_epi8(v, vc));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0) return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < e && *p != a && *p != b && *p != c)
        ++p;
    return p;
}

// Bit masks of one 64-byte block: bit i describes byte p[i].
struct BlockMasks {
    std::uint64_t delimiter = 0;
    std::uint64_t quote = 0;   // 0 when quoting is off
    std::uint64_t lineEnd = 0; // LF or CR
    std::uint64_t cr = 0;      // CR alone (CRLF ends one line: the index counts lines)
    std::uint64_t unusual = 0; // NUL or a byte >= 0x80: needs the UTF-8/NUL check

    // The bytes a record splitter must look at: the quote and unusual ones stop its fast path.
    std::uint64_t stops() const { return quote | unusual; }
    std::uint64_t events() const { return delimiter | lineEnd | stops(); }
};

// The masks of p[0..63] (all 64 bytes must be readable). SSE2 where available.
inline BlockMasks blockMasks(const char *p, char delimiter, char quote)
{
    BlockMasks m;
#if defined(__SSE2__)
    const __m128i vd = _mm_set1_epi8(delimiter);
    const __m128i vq = _mm_set1_epi8(quote);
    const __m128i vlf = _mm_set1_epi8('\n');
    const __m128i vcr = _mm_set1_epi8('\r');
    const __m128i zero = _mm_setzero_si128();
    for (int i = 0; i < 4; ++i) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * i));
        const int shift = 16 * i;
        m.delimiter |= std::uint64_t(unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, vd)))) << shift;
        m.quote |= std::uint64_t(unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq)))) << shift;
        const __m128i cr = _mm_cmpeq_epi8(v, vcr);
        m.cr |= std::uint64_t(unsigned(_mm_movemask_epi8(cr))) << shift;
        m.lineEnd |= std::uint64_t(unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, vlf), cr))))
                     << shift;
        m.unusual |=
            std::uint64_t(unsigned(_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, zero)))))
            << shift;
    }
    if (quote == 0) m.quote = 0;
#else
    for (int i = 0; i < 64; ++i) {
        const char c = p[i];
        const std::uint64_t b = std::uint64_t(1) << i;
        if (c == delimiter) m.delimiter |= b;
        if (quote != 0 && c == quote) m.quote |= b;
        if (c == '\n' || c == '\r') m.lineEnd |= b;
        if (c == '\r') m.cr |= b;
        if (c == 0 || static_cast<unsigned char>(c) >= 0x80) m.unusual |= b;
    }
#endif
    return m;
}

// The same masks with AVX2 (two 32-byte loads instead of four 16-byte ones): about half the
// instructions. Only for code built for that target (SF_ISA_AVX2) and chosen at run time by
// isa::hasAvx2(); the baseline x86-64 ISA of a Debian build has SSE2 only.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SF_SCAN_AVX2 1
#define SF_ISA_AVX2 gnu::target("avx2,popcnt,bmi,bmi2")
namespace avx2 {
// Bit i of the result: the top bit of byte i of a (i < 32) or of b (i >= 32).
[[SF_ISA_AVX2]] inline std::uint64_t bits(__m256i a, __m256i b)
{
    return std::uint64_t(unsigned(_mm256_movemask_epi8(a))) |
           (std::uint64_t(unsigned(_mm256_movemask_epi8(b))) << 32);
}
[[SF_ISA_AVX2]] inline std::uint64_t equal(__m256i lo, __m256i hi, char c)
{
    const __m256i v = _mm256_set1_epi8(c);
    return bits(_mm256_cmpeq_epi8(lo, v), _mm256_cmpeq_epi8(hi, v));
}
} // namespace avx2

[[SF_ISA_AVX2]] inline BlockMasks blockMasksAvx2(const char *p, char delimiter, char quote)
{
    const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
    const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 32));
    BlockMasks m;
    m.delimiter = avx2::equal(lo, hi, delimiter);
    m.quote = quote ? avx2::equal(lo, hi, quote) : 0;
    m.cr = avx2::equal(lo, hi, '\r');
    m.lineEnd = avx2::equal(lo, hi, '\n') | m.cr;
    const __m256i zero = _mm256_setzero_si256();
    m.unusual = avx2::bits(_mm256_or_si256(lo, _mm256_cmpeq_epi8(lo, zero)),
                           _mm256_or_si256(hi, _mm256_cmpeq_epi8(hi, zero)));
    return m;
}
#else
#define SF_SCAN_AVX2 0
#endif

// Which blockMasks a loop inlines: loops are templates on one of these, built once for the
// baseline and (SF_SCAN_AVX2) once more for AVX2 inside a function with [[SF_ISA_AVX2]].
struct BaselineMasks {
    [[gnu::always_inline]] static BlockMasks of(const char *p, char delimiter, char quote)
    {
        return blockMasks(p, delimiter, quote);
    }
};
#if SF_SCAN_AVX2
struct Avx2Masks {
    [[SF_ISA_AVX2]] static BlockMasks of(const char *p, char delimiter, char quote)
    {
        return blockMasksAvx2(p, delimiter, quote);
    }
};
#endif

// True when this CPU runs the AVX2 builds (AVX2, POPCNT, BMI1/2) and SUPERFLOW_NO_AVX2 is not
// set (tests run the baseline builds that way), asked once. Not an ifunc: a resolver runs
// before a sanitizer's runtime is up and crashed every TSan binary.
bool hasAvx2();

struct RecordEnd {
    const char *end = nullptr;       // the record's line end, or e
    std::int64_t innerLines = 0;     // line ends inside quoted fields
    const char *openQuote = nullptr; // set when the record runs into e inside quotes
};

// `p` is a record start (not a line end).
RecordEnd findRecordEnd(const char *p, const char *e, char delimiter, char quote);

// Steps over the line end at `p` (if any) and any blank lines after it, counting lines.
const char *skipLineEnds(const char *p, const char *e, std::int64_t *line);

// 1-based physical line and byte column of `pos` inside the record that starts at `begin` on
// line `beginLine`.
struct Location {
    std::int64_t line = 0;
    std::int64_t column = 0;
};
Location locate(const char *begin, std::int64_t beginLine, const char *pos);

// Offset of the first NUL byte or invalid UTF-8 sequence in `text`, or -1; `*nul` tells which.
std::int64_t findBadByte(std::string_view text, bool *nul);

} // namespace sf::csv
