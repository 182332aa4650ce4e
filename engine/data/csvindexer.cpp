#include "data/csvindexer.h"

#include "data/csvscan.h"

namespace sf::csv {

namespace {
constexpr std::int64_t kTickBytes = 8 << 20; // progress and cancel checks, not per record
} // namespace

bool buildIndex(std::string_view data, const Dialect &dialect, const OpenControl &control,
                RowIndex *index, QList<RejectedRecord> *rejects, std::int64_t stride)
{
    if (control.cancel && control.cancel->load(std::memory_order_relaxed)) return false;
    RowIndex idx;
    idx.stride = stride;
    idx.dataBegin = dialect.dataBegin;
    const char *base = data.data();
    const char *e = base + data.size();
    std::int64_t line = dialect.dataLine;
    const char *p = skipLineEnds(base + dialect.dataBegin, e, &line);
    const char delimiter = dialect.delimiter;
    const char quote = dialect.quote;
    const std::int64_t total = std::int64_t(data.size());
    const char *nextTick = p + kTickBytes;
    std::int64_t rows = 0;
    std::int64_t untilCheckpoint = 0;
    idx.dataEnd = total;
    idx.checkpoints.reserve(std::size_t(data.size() / std::size_t(64 * stride) + 1));
    while (p < e) {
        if (untilCheckpoint == 0) {
            idx.checkpoints.push_back({p - base, line});
            untilCheckpoint = stride;
        }
        const RecordEnd end = findRecordEnd(p, e, delimiter, quote);
        if (end.openQuote) {
            RejectedRecord r;
            const Location loc = locate(p, line, end.openQuote);
            r.line = loc.line;
            r.column = loc.column;
            r.offset = p - base;
            r.reason =
                QStringLiteral("unterminated quoted field (the rest of the file is one record)");
            r.raw = rejectRaw(p, qsizetype(e - p));
            rejects->append(r);
            if (untilCheckpoint == stride) idx.checkpoints.pop_back();
            idx.dataEnd = p - base;
            break;
        }
        ++rows;
        --untilCheckpoint;
        line += end.innerLines;
        p = skipLineEnds(end.end, e, &line);
        if (p >= nextTick) {
            nextTick = p + kTickBytes;
            if (control.cancel && control.cancel->load(std::memory_order_relaxed)) return false;
            if (control.progress) control.progress(p - base, total);
        }
    }
    idx.rowCount = rows;
    if (control.progress) control.progress(total, total);
    *index = std::move(idx);
    return true;
}

} // namespace sf::csv
