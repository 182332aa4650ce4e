#include "data/csvreader.h"

#include "core/valueparse.h"
#include "data/csvscan.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace sf::csv {

namespace {

QString shown(std::string_view text)
{
    constexpr std::size_t kMax = 40;
    if (text.size() <= kMax) return QString::fromUtf8(text.data(), qsizetype(text.size()));
    return QString::fromUtf8(text.data(), qsizetype(kMax)) + QStringLiteral("…");
}

} // namespace

CsvReader::CsvReader(std::shared_ptr<const Layout> layout, const ChunkRange &range,
                     RejectSink &sink, bool checkTypes)
    : m_layout(std::move(layout))
    , m_sink(sink)
    , m_checkTypes(checkTypes && m_layout->strictTypes && !m_layout->types.empty())
    , m_parser(m_layout->dialect.delimiter, m_layout->dialect.quote)
{
    const RowIndex &index = m_layout->index;
    const std::int64_t first = std::clamp<std::int64_t>(range.firstRow, 0, index.rowCount);
    m_firstRow = first;
    m_endRow = std::min(index.rowCount, first + std::max<std::int64_t>(range.rowCount, 0));
    m_row = first;
    if (first >= index.rowCount || index.checkpoints.empty()) {
        m_window = m_begin = m_p = m_e = m_layout->bytes.data() + index.dataEnd;
        m_windowOffset = index.dataEnd;
        return;
    }
    // The bytes from the checkpoint at or before the first record to the one after the last.
    const std::size_t k = std::size_t(first / index.stride);
    const std::size_t kEnd = std::size_t((m_endRow + index.stride - 1) / index.stride);
    const std::int64_t from = index.checkpoints[k].offset;
    const std::int64_t to = kEnd < index.checkpoints.size() ? index.checkpoints[kEnd].offset : index.dataEnd;
    if (m_layout->file && to - from <= kMaxBufferedBytes) {
        m_buffer = m_layout->buffers.take(std::size_t(to - from));
        QString error;
        if (!m_layout->file->read(from, std::size_t(to - from), m_buffer.data(), &error))
            throw std::runtime_error(error.toStdString());
        m_window = m_buffer.data();
    } else {
        m_window = m_layout->bytes.data() + from;
    }
    m_windowOffset = from;
    m_p = m_window;
    m_e = m_window + (to - from);
    m_line = index.checkpoints[k].line;
    for (std::int64_t r = std::int64_t(k) * index.stride; r < first; ++r) {
        const RecordEnd end =
            findRecordEnd(m_p, m_e, m_layout->dialect.delimiter, m_layout->dialect.quote);
        m_line += end.innerLines;
        m_p = skipLineEnds(end.end, m_e, &m_line);
    }
    m_begin = m_p;
}

bool CsvReader::advance(std::int64_t *row, std::int64_t *line)
{
    while (m_row < m_endRow && m_p < m_e) {
        m_parser.parse(m_p, m_e, &m_rec);
        *row = m_row++;
        *line = m_line;
        m_line += m_rec.innerLines;
        m_p = skipLineEnds(m_rec.end, m_e, &m_line);

        const char *at = nullptr;
        const QString reason = check(*line, &at);
        if (reason.isEmpty()) return true;
        reject(*row, *line, at, reason);
    }
    return false;
}

bool CsvReader::next(Record &out)
{
    std::int64_t row = 0;
    std::int64_t line = 0;
    if (!advance(&row, &line)) return false;
    const std::size_t n = m_rec.fields.size();
    m_nulls.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m_nulls[i] = m_layout->nulls.isNull(m_rec.fields[i]) ? 1 : 0;
    out.fields = std::span<const std::string_view>(m_rec.fields.data(), n);
    out.nulls = std::span<const std::uint8_t>(m_nulls.data(), n);
    out.row = row;
    out.line = line;
    out.offset = offsetOf(m_rec.begin);
    out.raw = m_rec.raw();
    return true;
}

template <class Masks>
[[gnu::noinline]] CsvReader::QuotedField
CsvReader::quotedField(const char *blk, BlockMasks m, std::uint64_t events) const
{
    // `events`: the block's events after the opening quote. The content must hold no quote
    // (a "" pair needs unescaping), line end, NUL or non-ASCII byte, and the closing quote must
    // stand right before a delimiter or line end; the content is then a view of the buffer.
    const char delimiter = m_layout->dialect.delimiter;
    const char quote = m_layout->dialect.quote;
    for (;;) {
        const std::uint64_t q = events & m.quote;
        const std::uint64_t before = q ? (q & -q) - 1 : ~std::uint64_t(0);
        if (events & (m.lineEnd | m.unusual) & before) return {};
        if (q != 0) {
            const std::uint64_t qbit = q & -q;
            const char *close = blk + std::countr_zero(qbit);
            if (m_e - close < 2) return {};
            const char after = close[1];
            if (after != delimiter && after != '\n' && after != '\r') return {};
            return {blk, m, events & ~(qbit | (qbit - 1)), close}; // delimiters inside are data
        }
        blk += 64;
        if (m_e - blk < 64) return {};
        m = Masks::of(blk, delimiter, quote);
        events = m.events();
    }
}

template <class Masks>
[[gnu::always_inline]] inline int CsvReader::takePlainWith(RecordBlock &block)
{
    const int columns = block.columns();
    const NullTokens &nulls = m_layout->nulls;
    const char delimiter = m_layout->dialect.delimiter;
    const char quote = m_layout->dialect.quote;
    const char *p = m_p;
    if (m_e - p < 64) return 0;
    // The block being split (64 bytes from blk) and its bytes not yet taken that end a field
    // (delimiter, line end) or need a closer look (quote, NUL, non-ASCII).
    const char *blk = p;
    BlockMasks m = Masks::of(blk, delimiter, quote);
    std::uint64_t stops = m.stops();
    std::uint64_t events = m.events();
    int taken = 0;
    while (!block.full() && m_row < m_endRow) {
        std::string_view *fields = block.rowFields();
        std::uint8_t *isNull = block.rowNulls();
        int n = 0;
        const char *fieldStart = p;
        const char *closeQuote = nullptr; // of the field being taken, when it is quoted
        const char *end = nullptr;
        for (;;) {
            if (events == 0) {
                blk += 64;
                if (m_e - blk < 64) return taken; // too near the end: the general path
                m = Masks::of(blk, delimiter, quote);
                stops = m.stops();
                events = m.events();
                continue;
            }
            const std::uint64_t bit = events & -events;
            if ((stops & bit) || n == columns) {
                // Too many fields, a NUL or non-ASCII byte, or a quote inside a field: the
                // general path. A quote opening a field: out of line (it keeps the common
                // loop's registers), and the delimiter or line end after it ends the field.
                const char *at = blk + std::countr_zero(bit);
                if (n == columns || !(m.quote & bit) || at != fieldStart || closeQuote != nullptr)
                    return taken;
                const QuotedField q = quotedField<Masks>(blk, m, events ^ bit);
                if (q.close == nullptr) return taken;
                blk = q.blk;
                m = q.masks;
                stops = m.stops();
                events = q.events;
                closeQuote = q.close;
                continue;
            }
            events ^= bit;
            const char *at = blk + std::countr_zero(bit);
            const char *fieldBegin = fieldStart;
            const char *fieldEnd = at;
            if (closeQuote != nullptr) [[unlikely]] {
                fieldBegin = fieldStart + 1;
                fieldEnd = closeQuote;
                closeQuote = nullptr;
            }
            const std::string_view field(fieldBegin, std::size_t(fieldEnd - fieldBegin));
            fields[std::size_t(n) * RecordBlock::kStride] = field;
            isNull[std::size_t(n) * RecordBlock::kStride] = nulls.isNull(field) ? 1 : 0;
            ++n;
            fieldStart = at + 1;
            if (m.lineEnd & bit) {
                end = at;
                break;
            }
        }
        if (n != columns) return taken; // too few fields: the general path rejects the record
        block.commitRow(std::size_t(n));
        ++m_row;
        ++taken;
        // A lone LF followed by data (the common case) without a call.
        if (*end == '\n' && m_e - end > 1 && end[1] != '\n' && end[1] != '\r') {
            p = end + 1;
            ++m_line;
        } else {
            p = skipLineEnds(end, m_e, &m_line);
        }
        m_p = p;
        if (p - blk >= 64) {
            if (m_e - p < 64) return taken;
            blk = p;
            m = Masks::of(blk, delimiter, quote);
            stops = m.stops();
            events = m.events();
        } else {
            events &= ~std::uint64_t(0) << (p - blk); // drops the line ends skipped
        }
    }
    return taken;
}

int CsvReader::takePlain(RecordBlock &block)
{
#if SF_SCAN_AVX2
    if (hasAvx2()) return takePlainAvx2(block);
#endif
    return takePlainBaseline(block);
}

int CsvReader::takePlainBaseline(RecordBlock &block)
{
    return takePlainWith<BaselineMasks>(block);
}

#if SF_SCAN_AVX2
[[SF_ISA_AVX2, gnu::flatten]] int CsvReader::takePlainAvx2(RecordBlock &block)
{
    return takePlainWith<Avx2Masks>(block);
}
#else
int CsvReader::takePlainAvx2(RecordBlock &block)
{
    return takePlainBaseline(block);
}
#endif

bool CsvReader::nextBlock(RecordBlock &block, int columns)
{
    // Straight from the parsed record into the block: fields of an unquoted record are bytes
    // of the file; only unescaped texts (in the parser's scratch) need a copy.
    block.reset(columns);
    const NullTokens &nulls = m_layout->nulls;
    const bool plain = !m_checkTypes && columns == m_layout->dialect.fieldCount;
    std::int64_t row = 0;
    std::int64_t line = 0;
    while (!block.full()) {
        if (plain && m_generalRun == 0) {
            // After a record the fast path could not take, a few go the general way, so a
            // file of quoted records does not mask every block twice.
            if (takePlain(block) == 0) m_generalRun = 4;
            if (block.full()) break;
        }
        if (!advance(&row, &line)) break;
        if (m_generalRun > 0) --m_generalRun;
        std::string_view *fields = block.rowFields();
        std::uint8_t *isNull = block.rowNulls();
        const std::size_t n = std::min(m_rec.fields.size(), std::size_t(columns));
        for (std::size_t i = 0; i < n; ++i) {
            const std::string_view f = m_rec.fields[i];
            const bool inFile =
                m_rec.unquoted || f.empty() || (f.data() >= m_window && f.data() < m_e);
            fields[i * RecordBlock::kStride] = inFile ? f : block.copy(f);
            isNull[i * RecordBlock::kStride] = nulls.isNull(f) ? 1 : 0;
        }
        block.commitRow(n);
    }
    return block.rows() > 0;
}

QString CsvReader::check(std::int64_t line, const char **at) const
{
    const std::string_view raw = m_rec.raw();
    bool nul = false;
    const std::int64_t bad = m_rec.mayHaveBadBytes ? findBadByte(raw, &nul) : -1;
    auto columnOf = [&](const char *pos) { return locate(m_rec.begin, line, pos).column; };
    if (bad >= 0) {
        *at = raw.data() + bad;
        return nul ? QStringLiteral("NUL byte at column %1").arg(columnOf(*at))
                   : QStringLiteral("invalid UTF-8 at column %1").arg(columnOf(*at));
    }
    if (m_rec.problem == ParsedRecord::Problem::TextAfterQuote) {
        *at = m_rec.problemAt;
        return QStringLiteral("text after a closing quote at column %1").arg(columnOf(*at));
    }
    if (m_rec.problem == ParsedRecord::Problem::Unterminated) {
        *at = m_rec.problemAt;
        return QStringLiteral("unterminated quoted field");
    }
    const std::size_t expected = std::size_t(m_layout->dialect.fieldCount);
    if (m_rec.fields.size() != expected) {
        // Point at the first extra field, or at the end where a field is missing.
        *at = m_rec.fields.size() > expected ? m_rec.fieldStart(expected) : m_rec.end;
        return QStringLiteral("expected %1 fields, found %2")
            .arg(expected)
            .arg(m_rec.fields.size());
    }
    if (m_checkTypes) {
        const auto &types = m_layout->types;
        for (std::size_t i = 0; i < expected && i < types.size(); ++i) {
            const std::string_view f = m_rec.fields[i];
            if (types[i] == ColumnType::String || m_layout->nulls.isNull(f)) continue;
            if (!valueFitsType(types[i], f)) {
                *at = m_rec.fieldStart(i);
                return QStringLiteral("column '%1': expected %2, found '%3'")
                    .arg(m_layout->dialect.columnNames.value(int(i)), columnTypeName(types[i]),
                         shown(f));
            }
        }
    }
    return {};
}

void CsvReader::reject(std::int64_t row, std::int64_t line, const char *at, const QString &reason)
{
    const Location loc = locate(m_rec.begin, line, at);
    RejectedRecord r;
    r.row = row;
    r.line = loc.line;
    r.column = loc.column;
    r.offset = offsetOf(m_rec.begin);
    r.reason = reason;
    const std::string_view raw = m_rec.raw();
    r.raw = rejectRaw(raw.data(), qsizetype(raw.size()));
    m_sink.add(std::move(r));
}

} // namespace sf::csv
