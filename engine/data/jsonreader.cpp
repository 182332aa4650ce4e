#include "data/jsonreader.h"
#include "core/valueparse.h"
#include <algorithm>
#include <cstring>

namespace sf {

namespace {

JsonScanner positionedScanner(const JsonDataset &d, const ChunkRange &range)
{
    const std::string_view bytes = d.file->bytes();
    const auto &cps = d.index.checkpoints;
    const std::int64_t k = d.index.stride > 0 ? range.firstRow / d.index.stride : 0;
    if (range.rowCount <= 0 || cps.empty() || k >= std::int64_t(cps.size()))
        return JsonScanner(bytes, d.mode, std::int64_t(bytes.size()), 1);
    const Checkpoint &cp = cps[std::size_t(k)];
    return JsonScanner(bytes, d.mode, cp.offset, cp.line, true);
}

} // namespace

JsonReader::JsonReader(std::shared_ptr<const JsonDataset> dataset, const ChunkRange &range,
                       RejectSink &sink)
    : m_dataset(std::move(dataset))
    , m_bytes(m_dataset->file->bytes())
    , m_range(range)
    , m_sink(sink)
    , m_scanner(positionedScanner(*m_dataset, range))
    , m_parser(m_dataset->flatten, m_dataset->nullTokens ? &*m_dataset->nullTokens : nullptr)
{
    m_parser.setColumns(m_dataset->names);
    m_range.rowCount = std::max<std::int64_t>(
        0, std::min(m_range.rowCount, m_dataset->index.rowCount - m_range.firstRow));
    // Skip from the checkpoint to the chunk's first record: delimiting only, no parsing.
    const std::int64_t stride = std::max<std::int64_t>(1, m_dataset->index.stride);
    std::int64_t skip = m_range.rowCount > 0 ? m_range.firstRow % stride : 0;
    m_byteStart = m_scanner.position();
    JsonSpan span;
    while (skip-- > 0 && m_scanner.next(span) == JsonScanner::Step::Record)
        m_byteStart = span.end;
    m_bytePos = m_byteStart;
}

bool JsonReader::next(Record &out)
{
    while (m_consumed < m_range.rowCount) {
        JsonSpan span;
        if (m_scanner.next(span) != JsonScanner::Step::Record) {
            m_consumed = m_range.rowCount; // cannot happen for an index built from these bytes
            return false;
        }
        const std::int64_t row = m_range.firstRow + m_consumed++;
        m_bytePos = span.end;
        const std::string_view text =
            m_bytes.substr(std::size_t(span.begin), std::size_t(span.end - span.begin));
        if (!m_parser.parse(text)) {
            reject(span, row, m_parser.errorOffset(), QString(), true);
            continue;
        }
        if (m_dataset->strictTypes && !typesMatch(span, row)) continue;
        out.fields = m_parser.fields();
        out.nulls = m_parser.nulls();
        out.row = row;
        out.line = span.line;
        out.offset = span.begin;
        out.raw = text;
        return true;
    }
    return false;
}

bool JsonReader::typesMatch(const JsonSpan &span, std::int64_t row)
{
    const auto fields = m_parser.fields();
    const auto nulls = m_parser.nulls();
    const auto &columns = m_dataset->schema.columns;
    for (std::size_t c = 0; c < fields.size(); ++c) {
        const Column &column = columns[qsizetype(c)];
        if (nulls[c] || valueFitsType(column.type, fields[c])) continue;
        reject(span, row, 0,
               QStringLiteral("column '%1': expected %2, found '%3'")
                   .arg(column.name, columnTypeName(column.type),
                        QString::fromUtf8(fields[c].data(), qsizetype(fields[c].size()))),
               false);
        return false;
    }
    return true;
}

std::int64_t JsonReader::lineStartOf(std::int64_t offset)
{
    // Readers move forward, so each byte is searched at most once per reader.
    if (offset < m_lineFloor) {
        m_lineFloor = 0;
        m_lineFloorStart = 0;
    }
    std::int64_t start = m_lineFloorStart;
    for (std::int64_t i = offset; i > m_lineFloor; --i) {
        if (m_bytes[std::size_t(i - 1)] == '\n') {
            start = i;
            break;
        }
    }
    m_lineFloor = offset;
    m_lineFloorStart = start;
    return start;
}

void JsonReader::reject(const JsonSpan &span, std::int64_t row, std::int64_t errorOffset,
                        const QString &reason, bool withPosition)
{
    const std::string_view text =
        m_bytes.substr(std::size_t(span.begin), std::size_t(span.end - span.begin));
    errorOffset = std::clamp<std::int64_t>(errorOffset, 0, std::int64_t(text.size()));
    RejectedRecord r;
    r.row = row;
    r.offset = span.begin + errorOffset;
    r.line = span.line;
    std::int64_t lineBegin = -1; // offset of the error line's start within the record
    for (std::int64_t i = 0; i < errorOffset; ++i) {
        if (text[std::size_t(i)] == '\n') {
            ++r.line;
            lineBegin = i + 1;
        }
    }
    if (withPosition) {
        r.column = lineBegin >= 0 ? errorOffset - lineBegin + 1
                                  : span.begin - lineStartOf(span.begin) + errorOffset + 1;
        r.reason = m_parser.errorMessage(r.line, r.column);
    } else {
        r.reason = reason;
    }
    r.raw = rejectRaw(text.data(), qsizetype(text.size()));
    m_sink.add(std::move(r));
}

} // namespace sf
