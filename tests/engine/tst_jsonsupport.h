#pragma once
// Test helper for the JSON and SQLite source tests: reads a source's records into plain
// comparable values, whole or chunk by chunk.
#include "data/datasource.h"
#include <QByteArray>
#include <QList>
#include <QString>
#include <algorithm>

namespace sf::test {

struct ReadRow {
    qint64 row = 0;
    qint64 line = 0;
    qint64 offset = 0;
    QList<QByteArray> fields;
    QList<bool> nulls;
    QByteArray raw;
    bool operator==(const ReadRow &) const = default;
};

struct ReadResult {
    QList<ReadRow> rows;
    QList<RejectedRecord> rejects;
    qint64 rowsConsumed = 0;
};

inline bool sameReject(const RejectedRecord &a, const RejectedRecord &b)
{
    return a.row == b.row && a.line == b.line && a.column == b.column && a.offset == b.offset
        && a.reason == b.reason && a.raw == b.raw;
}

inline void readRange(const DataSource &source, qint64 firstRow, qint64 rowCount, ReadResult *out)
{
    RejectSink sink;
    ChunkRange range;
    range.firstRow = firstRow;
    range.rowCount = rowCount;
    auto reader = source.reader(range, sink);
    Record r;
    while (reader->next(r)) {
        ReadRow row;
        row.row = r.row;
        row.line = r.line;
        row.offset = r.offset;
        for (std::size_t i = 0; i < r.fields.size(); ++i) {
            row.fields.append(QByteArray(r.fields[i].data(), qsizetype(r.fields[i].size())));
            row.nulls.append(r.isNull(i));
        }
        row.raw = QByteArray(r.raw.data(), qsizetype(r.raw.size()));
        out->rows.append(row);
    }
    out->rowsConsumed += reader->rowsConsumed();
    out->rejects.append(sink.take());
}

inline ReadResult readAll(const DataSource &source)
{
    ReadResult result;
    readRange(source, 0, source.rowCount(), &result);
    return result;
}

inline ReadResult readChunked(const DataSource &source, qint64 chunkRows)
{
    ReadResult result;
    for (qint64 first = 0; first < source.rowCount(); first += chunkRows)
        readRange(source, first, std::min(chunkRows, source.rowCount() - first), &result);
    return result;
}

// Empty when equal, else a description of the first difference.
inline QString compareResults(const ReadResult &a, const ReadResult &b)
{
    if (a.rows.size() != b.rows.size())
        return QStringLiteral("row count %1 vs %2").arg(a.rows.size()).arg(b.rows.size());
    for (qsizetype i = 0; i < a.rows.size(); ++i)
        if (!(a.rows[i] == b.rows[i])) return QStringLiteral("row %1 differs").arg(a.rows[i].row);
    if (a.rejects.size() != b.rejects.size())
        return QStringLiteral("reject count %1 vs %2").arg(a.rejects.size()).arg(b.rejects.size());
    for (qsizetype i = 0; i < a.rejects.size(); ++i)
        if (!sameReject(a.rejects[i], b.rejects[i]))
            return QStringLiteral("reject %1 differs: %2 vs %3")
                .arg(i)
                .arg(a.rejects[i].reason, b.rejects[i].reason);
    if (a.rowsConsumed != b.rowsConsumed)
        return QStringLiteral("rows consumed %1 vs %2").arg(a.rowsConsumed).arg(b.rowsConsumed);
    return {};
}

} // namespace sf::test
