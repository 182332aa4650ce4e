#include "data/csvindexer.h"

#include "data/csvscan.h"
#include "data/readahead.h"

#include <bit>
#include <algorithm>
#include <cstring>
#include <vector>

namespace sf::csv {

namespace {

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

constexpr std::int64_t kTickBytes = 8 << 20;    // progress and cancel checks, not per record
constexpr std::size_t kWindowBytes = 1 << 20;   // what the index scan of a file reads at once

// The bits at and above position i of a 64-bit mask (none for i >= 64).
inline std::uint64_t from(int i)
{
    return i >= 64 ? 0 : ~std::uint64_t(0) << i;
}

// The index scan, 64 bytes at a time. Record boundaries follow csvscan.h's grammar exactly
// (findRecordEnd, skipLineEnds), found with bit masks instead of a search per record:
// - a quote opens a quoted field when the byte before it is a delimiter or a line end outside
//   quotes (or it is the first data byte); inside, "" is data and the next lone quote closes;
// - a record starts at each byte that is not a line end and follows a line end outside quotes;
// - physical lines do not depend on quoting: LF, CR and CRLF each end one, wherever they are.
// The bytes inside quoted fields are found by walking the block's quotes in order, so a block
// without quotes, outside quotes, costs a few mask operations.
class BlockScanner {
public:
    BlockScanner(const Dialect &d, std::int64_t stride, RowIndex *index)
        : m_delimiter(d.delimiter)
        , m_quote(d.quote)
        , m_stride(stride)
        , m_line(d.dataLine)
        , m_index(index)
    {}

    // Scans the 64-byte blocks of [p, p + n), whose first byte is at file offset `offset`.
    // `last`: the data ends at p + n. Returns how many bytes it scanned: all of them when
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

    std::int64_t rows() const { return m_rows; }
    bool inQuote() const { return m_inQuote; }
    std::int64_t openQuote() const { return m_openQuote; }
    std::int64_t lastStart() const { return m_lastStart; }
    std::int64_t lastStartLine() const { return m_lastStartLine; }

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
    // the data.
    [[gnu::always_inline]] void block(const char *b, std::int64_t offset, const BlockMasks &c,
                                      std::uint64_t valid)
    {
        const std::uint64_t lineEnd = c.lineEnd & valid;
        const std::uint64_t quote = c.quote & valid;
        std::uint64_t inside = 0;
        if (quote != 0 || m_inQuote)
            inside = quoted(b, offset, quote, (c.delimiter | lineEnd) & valid);
        const std::uint64_t outsideEnd = lineEnd & ~inside;
        std::uint64_t starts = ~lineEnd & ~inside & valid & ((outsideEnd << 1) | m_afterEnd);
        const std::uint64_t cr = c.cr & valid;
        const std::uint64_t terminators = cr | (lineEnd & ~cr & ~((cr << 1) | m_afterCr));
        if (starts != 0) {
            const int n = std::popcount(starts);
            const int last = 63 - std::countl_zero(starts);
            m_lastStart = offset + last;
            m_lastStartLine = m_line + std::popcount(terminators & ~from(last));
            // Checkpoints fall every `stride` records: visit only the starts that take one.
            std::int64_t next = m_untilCheckpoint; // 0-based, among this block's starts
            std::uint64_t s = starts;
            for (std::int64_t k = 0; next < n; next += m_stride) {
                for (; k < next; ++k)
                    s &= s - 1;
                const int at = std::countr_zero(s);
                m_index->checkpoints.push_back(
                    {offset + at, m_line + std::popcount(terminators & ~from(at))});
            }
            m_untilCheckpoint = next - n;
            m_rows += n;
        }
        m_line += std::popcount(terminators);
        m_afterEnd = (outsideEnd >> 63) & 1;
        m_afterSeparator = (((c.delimiter | lineEnd) & ~inside) >> 63) & 1;
        m_afterCr = cr >> 63;
    }

    // The bytes of the block inside quoted fields (after an opening quote, up to and with the
    // closing one), updating the quote state.
    std::uint64_t quoted(const char *b, std::int64_t offset, std::uint64_t quote,
                         std::uint64_t separators)
    {
        const std::uint64_t opens = quote & ((separators << 1) | m_afterSeparator);
        std::uint64_t inside = 0;
        int i = m_skipFirst ? 1 : 0; // the block's first byte closes a "" pair
        m_skipFirst = false;
        int insideFrom = 0;
        for (;;) {
            if (!m_inQuote) {
                const std::uint64_t candidates = opens & from(i);
                if (candidates == 0) break;
                const int o = std::countr_zero(candidates);
                m_inQuote = true;
                m_openQuote = offset + o;
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
                    m_skipFirst = true;
                    inside |= from(insideFrom);
                    break;
                }
                i = j + 2;
                continue;
            }
            inside |= from(insideFrom) & ~from(j + 1);
            m_inQuote = false;
            i = j + 1;
        }
        return inside;
    }

    const char *m_limit = nullptr; // the end of the window being scanned
    char m_delimiter;
    char m_quote;
    std::int64_t m_stride;
    std::int64_t m_line;
    RowIndex *m_index;
    std::int64_t m_rows = 0;
    std::int64_t m_untilCheckpoint = 0; // record starts to pass before the next checkpoint
    bool m_inQuote = false;
    bool m_skipFirst = false;
    std::uint64_t m_afterEnd = 1;       // the byte before the block is a line end outside quotes
    std::uint64_t m_afterSeparator = 1; // ... a delimiter or line end outside quotes
    std::uint64_t m_afterCr = 0;        // ... a CR
    std::int64_t m_openQuote = 0; // file offsets
    std::int64_t m_lastStart = 0;
    std::int64_t m_lastStartLine = 0;
};


// The index's end when the scan ended inside quotes: the rest of the data, from the record
// that opened them, is one rejected record. `start` holds that record's bytes from its start
// (at least up to its opening quote), `size` of them.
void rejectUnterminated(const BlockScanner &scan, const char *start, std::int64_t size,
                        RowIndex *idx, QList<RejectedRecord> *rejects)
{
    RejectedRecord r;
    const Location loc = locate(start, scan.lastStartLine(), start + (scan.openQuote() - scan.lastStart()));
    r.line = loc.line;
    r.column = loc.column;
    r.offset = scan.lastStart();
    r.reason = QStringLiteral("unterminated quoted field (the rest of the file is one record)");
    r.raw = rejectRaw(start, qsizetype(size));
    rejects->append(r);
    if ((idx->rowCount - 1) % idx->stride == 0) idx->checkpoints.pop_back(); // it took one
    --idx->rowCount;
    idx->dataEnd = scan.lastStart();
}

bool cancelled(const OpenControl &control)
{
    return control.cancel && control.cancel->load(std::memory_order_relaxed);
}

RowIndex emptyIndex(const Dialect &dialect, std::int64_t total, std::int64_t stride)
{
    RowIndex idx;
    idx.stride = stride;
    idx.dataBegin = dialect.dataBegin;
    idx.dataEnd = total;
    idx.checkpoints.reserve(std::size_t(total / (64 * stride) + 1));
    return idx;
}

} // namespace

bool buildIndex(std::string_view data, const Dialect &dialect, const OpenControl &control,
                RowIndex *index, QList<RejectedRecord> *rejects, std::int64_t stride)
{
    if (cancelled(control)) return false;
    const std::int64_t total = std::int64_t(data.size());
    RowIndex idx = emptyIndex(dialect, total, stride);
    BlockScanner scan(dialect, stride, &idx);
    std::int64_t pos = std::min(dialect.dataBegin, total);
    for (;;) {
        const std::int64_t n = std::min(total - pos, kTickBytes);
        const bool last = pos + n == total;
        pos += std::int64_t(scan.window(data.data() + pos, std::size_t(n), pos, last));
        if (last) break;
        if (cancelled(control)) return false;
        if (control.progress) control.progress(pos, total);
    }
    idx.rowCount = scan.rows();
    if (scan.inQuote())
        rejectUnterminated(scan, data.data() + scan.lastStart(), total - scan.lastStart(), &idx, rejects);
    if (control.progress) control.progress(total, total);
    *index = std::move(idx);
    return true;
}

bool buildIndex(const MappedFile &file, const Dialect &dialect, const OpenControl &control,
                RowIndex *index, QList<RejectedRecord> *rejects, QString *error, std::int64_t stride,
                std::size_t windowBytes)
{
    if (cancelled(control)) return false;
    const std::int64_t total = std::int64_t(file.bytes().size());
    RowIndex idx = emptyIndex(dialect, total, stride);
    BlockScanner scan(dialect, stride, &idx);
    // Windows read one ahead on a helper thread while this one scans; the unscanned end of a
    // window (under 65 bytes: the scanner takes whole blocks) goes into the next one's headroom.
    const std::size_t window = std::max<std::size_t>(ReadAhead::kHeadroom,
                                                     windowBytes ? windowBytes : kWindowBytes);
    const std::int64_t begin = std::min(dialect.dataBegin, total);
    ReadAhead reader(file, begin, total, window, total - begin > 2 * std::int64_t(window));
    char carry[ReadAhead::kHeadroom];
    std::size_t rem = 0;
    std::int64_t nextTick = begin + kTickBytes;
    for (;;) {
        ReadAhead::Window w;
        if (!reader.next(&w, error)) return false;
        char *start = w.data - rem;
        std::memcpy(start, carry, rem);
        const std::size_t have = rem + w.size;
        const std::int64_t offset = w.offset - std::int64_t(rem);
        const std::size_t used = scan.window(start, have, offset, w.last);
        if (w.last) break;
        rem = have - used;
        std::memcpy(carry, start + used, rem);
        if (offset + std::int64_t(used) >= nextTick) {
            nextTick = offset + std::int64_t(used) + kTickBytes;
            if (cancelled(control)) return false;
            if (control.progress) control.progress(offset + std::int64_t(used), total);
        }
    }
    idx.rowCount = scan.rows();
    if (scan.inQuote()) {
        // The record's bytes up to its opening quote and the start of the raw text shown.
        const std::int64_t from = scan.lastStart();
        const std::int64_t to = std::min(
            total, std::max(scan.openQuote() + 1, from + std::int64_t(kMaxRejectRawBytes)));
        std::vector<char> bytes(std::size_t(to - from));
        if (!file.read(from, bytes.size(), bytes.data(), error)) return false;
        rejectUnterminated(scan, bytes.data(), to - from, &idx, rejects);
    }
    if (control.progress) control.progress(total, total);
    *index = std::move(idx);
    return true;
}

} // namespace sf::csv
