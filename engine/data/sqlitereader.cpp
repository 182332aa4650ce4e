#include "data/sqlitereader.h"
#include "core/valueparse.h"
#include <QSqlError>
#include <QSqlRecord>
#include <algorithm>
#include <charconv>
#include <cmath>

namespace sf {


SqliteReader::SqliteReader(std::shared_ptr<const SqliteDataset> dataset, const ChunkRange &range,
                           RejectSink &sink)
    : m_dataset(std::move(dataset))
    , m_range(range)
    , m_sink(sink)
{
    const std::int64_t rows = m_dataset->index.rowCount;
    m_range.firstRow = std::clamp<std::int64_t>(m_range.firstRow, 0, rows);
    m_range.rowCount = std::clamp<std::int64_t>(m_range.rowCount, 0, rows - m_range.firstRow);
    const auto n = std::size_t(m_dataset->columnCount);
    m_text.resize(n);
    m_fields.resize(n);
    m_nulls.resize(n);
}

std::int64_t SqliteReader::bytesConsumed() const
{
    return std::int64_t(double(m_consumed) * m_dataset->bytesPerRow);
}

bool SqliteReader::start()
{
    m_started = true;
    if (m_range.rowCount == 0) return false;
    QString error;
    if (!m_connection.open(m_dataset->path, &error)) {
        rejectRow(-1, 0, error);
        return false;
    }
    m_query = std::make_unique<QSqlQuery>(m_connection.database());
    m_query->setForwardOnly(true);
    m_query->setNumericalPrecisionPolicy(QSql::LowPrecisionDouble);
    const RowIndex &index = m_dataset->index;
    bool ok = false;
    if (!m_dataset->table.isEmpty()) {
        // Jump to the checkpoint's rowid, then step over < stride rows.
        const std::int64_t k = m_range.firstRow / index.stride;
        ok = m_query->prepare(QStringLiteral("SELECT rowid, * FROM %1 WHERE rowid >= ? "
                                             "ORDER BY rowid LIMIT ? OFFSET ?")
                                  .arg(sqliteQuoteIdentifier(m_dataset->table)));
        m_query->addBindValue(qint64(index.checkpoints[std::size_t(k)].offset));
        m_query->addBindValue(qint64(m_range.rowCount));
        m_query->addBindValue(qint64(m_range.firstRow - k * index.stride));
    } else {
        ok = m_query->prepare(
            QStringLiteral("SELECT * FROM (%1) LIMIT ? OFFSET ?").arg(m_dataset->query));
        m_query->addBindValue(qint64(m_range.rowCount));
        m_query->addBindValue(qint64(m_range.firstRow));
    }
    if (!ok || !m_query->exec()) {
        rejectRow(-1, 0, QStringLiteral("SQL error: %1").arg(m_query->lastError().text()));
        return false;
    }
    return true;
}

bool SqliteReader::next(Record &out)
{
    if (!m_started && !start()) return false;
    if (!m_query) return false;
    const bool table = !m_dataset->table.isEmpty();
    const int first = table ? 1 : 0; // table mode selects the rowid first
    while (m_consumed < m_range.rowCount && m_query->next()) {
        const std::int64_t row = m_range.firstRow + m_consumed++;
        const std::int64_t key = table ? m_query->value(0).toLongLong() : row;
        m_raw.clear();
        for (int c = 0; c < m_dataset->columnCount; ++c) {
            decode(m_query->value(c + first), std::size_t(c));
            if (c > 0) m_raw.push_back('|');
            m_raw.append(m_text[std::size_t(c)]);
        }
        if (m_dataset->strictTypes && !typesMatch(row, key)) continue;
        out.fields = m_fields;
        out.nulls = m_nulls;
        out.row = row;
        out.line = row + 1;
        out.offset = key;
        out.raw = m_raw;
        return true;
    }
    if (m_consumed < m_range.rowCount) {
        // Rows the index counted but the read did not return are never dropped silently.
        if (m_query->lastError().isValid())
            rejectRow(-1, 0, QStringLiteral("SQL error: %1").arg(m_query->lastError().text()));
        else
            rejectRow(-1, 0,
                      QStringLiteral("%1 of %2 rows could not be read: the database changed "
                                     "since it was opened, or is corrupt")
                          .arg(m_range.rowCount - m_consumed)
                          .arg(m_range.rowCount));
    }
    m_consumed = m_range.rowCount;
    return false;
}

// SQLite values as text: integers and reals as numbers, text as UTF-8, blobs as hex.
void SqliteReader::decode(const QVariant &value, std::size_t column)
{
    std::string &text = m_text[column];
    text.clear();
    m_nulls[column] = value.isNull() ? 1 : 0;
    if (value.isNull()) {
        m_fields[column] = {};
        return;
    }
    char number[64];
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Long: {
        const auto r = std::to_chars(number, number + sizeof number, value.toLongLong());
        text.assign(number, r.ptr);
        break;
    }
    case QMetaType::ULongLong: {
        const auto r = std::to_chars(number, number + sizeof number, value.toULongLong());
        text.assign(number, r.ptr);
        break;
    }
    case QMetaType::Double: {
        const double d = value.toDouble();
        const auto r = std::to_chars(number, number + sizeof number, d);
        text.assign(number, r.ptr);
        // Keep reals recognisable as reals ("3.0", not "3"), as SQLite itself prints them.
        if (std::isfinite(d) && text.find_first_of(".e") == std::string::npos) text.append(".0");
        break;
    }
    case QMetaType::QByteArray: {
        static constexpr char kHex[] = "0123456789abcdef";
        const QByteArray blob = value.toByteArray();
        text.resize(std::size_t(blob.size()) * 2);
        for (qsizetype i = 0; i < blob.size(); ++i) {
            const auto b = static_cast<unsigned char>(blob[i]);
            text[std::size_t(i) * 2] = kHex[b >> 4];
            text[std::size_t(i) * 2 + 1] = kHex[b & 15];
        }
        break;
    }
    default: {
        const QString s = value.toString();
        text.resize(std::size_t(m_encoder.requiredSpace(s.size())));
        char *end = m_encoder.appendToBuffer(text.data(), s);
        text.resize(std::size_t(end - text.data()));
        break;
    }
    }
    m_fields[column] = text;
}

bool SqliteReader::typesMatch(std::int64_t row, std::int64_t key)
{
    const auto &columns = m_dataset->schema.columns;
    for (std::size_t c = 0; c < m_fields.size(); ++c) {
        const Column &column = columns[qsizetype(c)];
        if (m_nulls[c] || valueFitsType(column.type, m_fields[c])) continue;
        rejectRow(row, key,
                  QStringLiteral("column '%1': expected %2, found '%3'")
                      .arg(column.name, columnTypeName(column.type),
                           QString::fromUtf8(m_fields[c].data(), qsizetype(m_fields[c].size()))));
        return false;
    }
    return true;
}

void SqliteReader::rejectRow(std::int64_t row, std::int64_t key, const QString &reason)
{
    RejectedRecord r;
    r.row = row;
    r.line = row >= 0 ? row + 1 : 0;
    r.offset = key;
    r.reason = reason;
    if (row >= 0) r.raw = rejectRaw(m_raw.data(), qsizetype(m_raw.size()));
    m_sink.add(std::move(r));
}

} // namespace sf
