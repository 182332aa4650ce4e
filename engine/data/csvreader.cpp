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
[[gnu::noinline]] CsvReader::QuotedField CsvReader::quotedField(const char *blk,
                                                                 std::uint64_t events) const
{
    // `events`: the block's events after the opening quote. The content must hold no quote
    // (a "" pair needs unescaping), line end, NUL or non-ASCII byte, and the closing quote must
    // stand right before a delimiter or line end; the content is then a view of the buffer.
    const char delimiter = m_layout->dialect.delimiter;
    const char quote = m_layout->dialect.quote;
    BlockMasks m = Masks::of(blk, delimiter, quote);
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
            return {blk, events & ~(qbit | (qbit - 1)), close}; // delimiters inside are data
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
    const char *p = m_p;
    if (m_e - p < 64) return 0;
    const int columns = block.columns();
    const NullTokens &nulls = m_layout->nulls;
    const char delimiter = m_layout->dialect.delimiter;
    const char quote = m_layout->dialect.quote;
    // The records this call may take (room in the block, rows left in the chunk), written in
    // place: field i of the call's record r at cells[r + i * kStride].
    const int room = int(std::min<std::int64_t>(RecordBlock::kMaxRows - block.rows(), m_endRow - m_row));
    std::string_view *const cells = block.rowFields();
    std::uint8_t *const nullCells = block.rowNulls();
    constexpr std::size_t kStride = RecordBlock::kStride;
    const std::size_t rowSpan = std::size_t(columns) * kStride;
    std::int64_t line = m_line;
    // The block being split (64 bytes from blk) and its bytes not yet taken that end a field
    // (delimiter, line end) or need a closer look (stops: quote, NUL, non-ASCII). Only what
    // the loop needs stays live, so it runs in registers.
    const char *blk = p;
    std::uint64_t lineEnds = 0, stops = 0, events = 0;
    const auto load = [&](const char *b) {
        const BlockMasks m = Masks::of(b, delimiter, quote);
        lineEnds = m.lineEnd;
        stops = m.stops();
        events = m.events();
    };
    load(blk);
    int taken = 0;
    while (taken < room) {
        std::string_view *field = cells + taken;
        std::uint8_t *isNull = nullCells + taken;
        std::string_view *const fieldsEnd = field + rowSpan;
        const char *fieldStart = p;
        std::size_t closing = 0; // 1 when the field being taken ends in its closing quote
        const char *end = nullptr;
        for (;;) {
            if (events == 0) {
                blk += 64;
                if (m_e - blk < 64) goto stop; // too near the end: the general path
                load(blk);
                continue;
            }
            const std::uint64_t bit = events & -events;
            const char *at = blk + std::countr_zero(bit);
            if ((stops & bit) || field == fieldsEnd) {
                // Too many fields, a NUL or non-ASCII byte, or a quote inside a field: the
                // general path. A quote opening a field: out of line (it keeps this loop's
                // registers); the field's content starts after it and ends before its closing
                // quote, which the delimiter or line end that ends the field follows.
                if (field == fieldsEnd || quote == 0 || *at != quote || at != fieldStart) goto stop;
                const QuotedField q = quotedField<Masks>(blk, events ^ bit);
                if (q.close == nullptr) goto stop;
                blk = q.blk;
                load(blk);
                events = q.events;
                fieldStart = at + 1;
                closing = 1;
                continue;
            }
            events ^= bit;
            const std::string_view text(fieldStart, std::size_t(at - fieldStart) - closing);
            closing = 0;
            *field = text;
            *isNull = nulls.isNull(text) ? 1 : 0;
            field += kStride;
            isNull += kStride;
            fieldStart = at + 1;
            if (lineEnds & bit) {
                end = at;
                break;
            }
        }
        if (field != fieldsEnd) goto stop; // too few fields: the general path rejects the record
        ++taken;
        // A lone LF followed by data (the common case) without a call.
        if (*end == '\n' && m_e - end > 1 && end[1] != '\n' && end[1] != '\r') {
            p = end + 1;
            ++line;
        } else {
            p = skipLineEnds(end, m_e, &line);
        }
        if (p - blk >= 64) {
            if (m_e - p < 64) break;
            blk = p;
            load(blk);
        } else {
            events &= ~std::uint64_t(0) << (p - blk); // drops the line ends skipped
        }
    }
stop:
    // Everything up to p is taken: the records before the one that stopped the loop.
    block.commitRows(taken);
    m_row += taken;
    m_line = line;
    m_p = p;
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
