#pragma once
// The index scan's inner loop (csvindexer.cpp's only client): record starts and physical lines
// of a CSV range, 64 bytes at a time, handed to a sink. Two sinks: CheckpointSink keeps every
// `stride`-th start (the RowIndex), StartSink keeps every start, delta-coded (a segment of a
// parallel scan, whose first record number is not known until the segments before it are done).
#include "core/prefault.h"
#include "data/csvdialect.h"
#include "data/csvscan.h"
#include "data/rowindex.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace sf::csv::scan {

// The scan counts bits; the baseline x86-64 ISA has no POPCNT, and a libgcc call per count cost
// a fifth of the scan. The window loop is built three times (baseline, POPCNT, AVX2 masks with
// POPCNT/BMI) and chosen on the first call, as csvscan.h's hasAvx2().
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SF_SCAN_POPCNT 1
#define SF_TARGET_POPCNT [[gnu::target("popcnt")]]
#else
#define SF_SCAN_POPCNT 0
#define SF_TARGET_POPCNT
#endif

// The bits at and above position i of a 64-bit mask (none for i >= 64).
inline std::uint64_t from(int i)
{
    return i >= 64 ? 0 : ~std::uint64_t(0) << i;
}

// Where a scan stands between two bytes: what the next block needs to know about the bytes
// before it, and the counts so far. Lines are physical lines (they do not depend on quoting).
struct State {
    bool inQuote = false;
    bool skipFirst = false;             // the next byte closes a "" pair
    std::uint64_t afterEnd = 1;         // the byte before is a line end outside quotes
    std::uint64_t afterSeparator = 1;   // ... a delimiter or line end outside quotes
    std::uint64_t afterCr = 0;          // ... a CR
    std::int64_t line = 1;              // the line of the next byte
    std::int64_t rows = 0;              // record starts so far
    std::int64_t openQuote = 0;         // file offset of the open quote (when inQuote)
    std::int64_t lastStart = -1;        // file offset of the last record start (-1: none yet)
    std::int64_t lastStartLine = 0;

    // The state at the first byte of a line (after an LF outside quotes), `line` 0: how a
    // parallel scan guesses a segment's start.
    static State atLineStart()
    {
        State s;
        s.line = 0;
        return s;
    }
};

// Every `stride`-th record start, from record `rows` of the scan on, into `index`.
struct CheckpointSink {
    RowIndex *index = nullptr;
    std::int64_t stride = 128;
    std::int64_t untilCheckpoint = 0; // record starts to pass before the next checkpoint

    // `starts`: the block's record starts (n of them) at file offset `offset`; `line`: the
    // line of the block's first byte; `terminators`: its bytes that end a line.
    [[gnu::always_inline]] void add(std::uint64_t starts, int n, std::uint64_t terminators,
                                    std::int64_t offset, std::int64_t line)
    {
        // Visit only the starts that take a checkpoint.
        std::int64_t next = untilCheckpoint; // 0-based, among this block's starts
        std::uint64_t s = starts;
        for (std::int64_t k = 0; next < n; next += stride) {
            for (; k < next; ++k)
                s &= s - 1;
            const int at = std::countr_zero(s);
            index->checkpoints.push_back({offset + at, line + std::popcount(terminators & ~from(at))});
        }
        untilCheckpoint = next - n;
    }
};

// Every record start: a byte per record when it begins 1-255 bytes after the previous one and
// one line later (the usual case), else a 0 and two LEB128 numbers (bytes, lines). Kept in
// huge pages (a segment of 250 MB has some 4 million records).
struct StartSink {
    PageBuffer store;
    std::size_t size = 0;
    std::int64_t prevOffset = 0; // where the segment begins, then the last start
    std::int64_t prevLine = 0;

    [[gnu::always_inline]] void add(std::uint64_t starts, int, std::uint64_t terminators,
                                    std::int64_t offset, std::int64_t line)
    {
        for (std::uint64_t s = starts; s != 0; s &= s - 1) {
            const int at = std::countr_zero(s);
            const std::int64_t pos = offset + at;
            const std::int64_t ln = line + std::popcount(terminators & ~from(at));
            const std::uint64_t dBytes = std::uint64_t(pos - prevOffset);
            const std::uint64_t dLines = std::uint64_t(ln - prevLine);
            if (store.capacity() - size < kMaxEntry) grow();
            auto *out = reinterpret_cast<std::uint8_t *>(store.data());
            if (dLines == 1 && dBytes - 1 < 255) {
                out[size++] = std::uint8_t(dBytes);
            } else {
                out[size++] = 0;
                putNumber(out, dBytes);
                putNumber(out, dLines);
            }
            prevOffset = pos;
            prevLine = ln;
        }
    }

    // Calls f(offset, line) for every `stride`-th start from the `first`-th (0-based) on;
    // offsets from `begin` (where the segment begins), lines plus `lineBase`.
    template <class F>
    void forEach(std::int64_t begin, std::int64_t lineBase, std::int64_t first, std::int64_t stride,
                 F &&f) const
    {
        const auto *p = reinterpret_cast<const std::uint8_t *>(store.data());
        const std::uint8_t *const e = p + size;
        std::int64_t pos = begin;
        std::int64_t ln = lineBase;
        for (std::int64_t k = 0, next = first; p < e; ++k) {
            const std::uint8_t b = *p++;
            if (b != 0) {
                pos += b;
                ++ln;
            } else {
                pos += std::int64_t(getNumber(p));
                ln += std::int64_t(getNumber(p));
            }
            if (k == next) {
                f(pos, ln);
                next += stride;
            }
        }
    }

private:
    static constexpr std::size_t kMaxEntry = 1 + 2 * 10; // a 0 and two 64-bit LEB128 numbers

    [[gnu::noinline]] void grow()
    {
        PageBuffer bigger(std::max<std::size_t>(2 * store.capacity(), std::size_t(1) << 20));
        if (size != 0) std::memcpy(bigger.data(), store.data(), size);
        store = std::move(bigger);
    }
    void putNumber(std::uint8_t *out, std::uint64_t v)
    {
        for (; v >= 0x80; v >>= 7)
            out[size++] = std::uint8_t(v | 0x80);
        out[size++] = std::uint8_t(v);
    }
    static std::uint64_t getNumber(const std::uint8_t *&p)
    {
        std::uint64_t v = 0;
        for (int shift = 0;; shift += 7) {
            const std::uint8_t b = *p++;
            v |= std::uint64_t(b & 0x7f) << shift;
            if (b < 0x80) return v;
        }
    }
};

// Record boundaries follow csvscan.h's grammar exactly (findRecordEnd, skipLineEnds), found
// with bit masks instead of a search per record:
// - a quote opens a quoted field when the byte before it is a delimiter or a line end outside
//   quotes (or it is the first data byte); inside, "" is data and the next lone quote closes;
// - a record starts at each byte that is not a line end and follows a line end outside quotes;
// - physical lines do not depend on quoting: LF, CR and CRLF each end one, wherever they are.
// The bytes inside quoted fields are found by walking the block's quotes in order, so a block
// without quotes, outside quotes, costs a few mask operations.
template <class Sink>
class BlockScanner {
public:
    BlockScanner(const Dialect &d, const State &start, Sink sink)
        : m_delimiter(d.delimiter)
        , m_quote(d.quote)
        , m_s(start)
        , m_sink(std::move(sink))
    {}

    // Scans the 64-byte blocks of [p, p + n), whose first byte is at file offset `offset`.
    // `last`: the range ends at p + n. Returns how many bytes it scanned: all of them when
    // `last`, else whole blocks that leave at least one byte after them (a "" pair may end on
    // it); the rest must come again at the start of the next window.
    std::size_t window(const char *p, std::size_t n, std::int64_t offset, bool last)
    {
#if SF_SCAN_AVX2
        if (hasAvx2()) return windowAvx2(p, n, offset, last);
#endif
#if SF_SCAN_POPCNT
        static const bool popcnt = __builtin_cpu_supports("popcnt");
        if (popcnt) return windowPopcnt(p, n, offset, last);
#endif
        return windowImpl<BaselineMasks>(p, n, offset, last);
    }

    const State &state() const { return m_s; }
    void setState(const State &s) { m_s = s; }
    Sink &sink() { return m_sink; }

private:
    SF_TARGET_POPCNT std::size_t windowPopcnt(const char *p, std::size_t n, std::int64_t offset,
                                              bool last)
    {
        return windowImpl<BaselineMasks>(p, n, offset, last);
    }
#if SF_SCAN_AVX2
    [[SF_ISA_AVX2]] std::size_t windowAvx2(const char *p, std::size_t n, std::int64_t offset,
                                           bool last)
    {
        return windowImpl<Avx2Masks>(p, n, offset, last);
    }
#endif

    template <class Masks>
    [[gnu::always_inline]] std::size_t windowImpl(const char *p, std::size_t n,
                                                  std::int64_t offset, bool last)
    {
        m_limit = p + n;
        std::size_t i = 0;
        for (; n - i >= 65 || (last && n - i >= 64); i += 64)
            block(p + i, offset + std::int64_t(i), Masks::of(p + i, m_delimiter, m_quote),
                  ~std::uint64_t(0));
        if (last && i < n) {
            char tail[64] = {};
            std::memcpy(tail, p + i, n - i);
            block(p + i, offset + std::int64_t(i), Masks::of(tail, m_delimiter, m_quote),
                  ~from(int(n - i)));
            i = n;
        }
        return i;
    }

    // Scans the block at b (file offset `offset`); `valid` has a bit for each byte of it inside
    // the range.
    [[gnu::always_inline]] void block(const char *b, std::int64_t offset, const BlockMasks &c,
                                      std::uint64_t valid)
    {
        const std::uint64_t lineEnd = c.lineEnd & valid;
        const std::uint64_t quote = c.quote & valid;
        std::uint64_t inside = 0;
        if (quote != 0 || m_s.inQuote)
            inside = quoted(b, offset, quote, (c.delimiter | lineEnd) & valid);
        const std::uint64_t outsideEnd = lineEnd & ~inside;
        const std::uint64_t starts = ~lineEnd & ~inside & valid & ((outsideEnd << 1) | m_s.afterEnd);
        const std::uint64_t cr = c.cr & valid;
        const std::uint64_t terminators = cr | (lineEnd & ~cr & ~((cr << 1) | m_s.afterCr));
        if (starts != 0) {
            const int n = std::popcount(starts);
            const int last = 63 - std::countl_zero(starts);
            m_s.lastStart = offset + last;
            m_s.lastStartLine = m_s.line + std::popcount(terminators & ~from(last));
            m_sink.add(starts, n, terminators, offset, m_s.line);
            m_s.rows += n;
        }
        m_s.line += std::popcount(terminators);
        m_s.afterEnd = (outsideEnd >> 63) & 1;
        m_s.afterSeparator = (((c.delimiter | lineEnd) & ~inside) >> 63) & 1;
        m_s.afterCr = cr >> 63;
    }

    // The bytes of the block inside quoted fields (after an opening quote, up to and with the
    // closing one), updating the quote state.
    std::uint64_t quoted(const char *b, std::int64_t offset, std::uint64_t quote,
                         std::uint64_t separators)
    {
        const std::uint64_t opens = quote & ((separators << 1) | m_s.afterSeparator);
        std::uint64_t inside = 0;
        int i = m_s.skipFirst ? 1 : 0; // the block's first byte closes a "" pair
        m_s.skipFirst = false;
        int insideFrom = 0;
        for (;;) {
            if (!m_s.inQuote) {
                const std::uint64_t candidates = opens & from(i);
                if (candidates == 0) break;
                const int o = std::countr_zero(candidates);
                m_s.inQuote = true;
                m_s.openQuote = offset + o;
                i = insideFrom = o + 1;
            }
            const std::uint64_t next = quote & from(i);
            if (next == 0) {
                inside |= from(insideFrom);
                break;
            }
            const int j = std::countr_zero(next);
            const bool pair = j < 63 ? ((quote >> (j + 1)) & 1) != 0
                                     : (b + 64 < m_limit && b[64] == m_quote);
            if (pair) {
                if (j == 63) {
                    m_s.skipFirst = true;
                    inside |= from(insideFrom);
                    break;
                }
                i = j + 2;
                continue;
            }
            inside |= from(insideFrom) & ~from(j + 1);
            m_s.inQuote = false;
            i = j + 1;
        }
        return inside;
    }

    const char *m_limit = nullptr; // the end of the window being scanned
    char m_delimiter;
    char m_quote;
    State m_s;
    Sink m_sink;
};

} // namespace sf::csv::scan
