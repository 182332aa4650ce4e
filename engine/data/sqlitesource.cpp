#include "data/sqlitesource.h"
#include "data/sqlitereader.h"
#include "data/typeinference.h"
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>
#include <optional>

namespace sf {

namespace {

constexpr std::int64_t kCancelCheckRows = 4096;

class SqliteSource : public DataSource {
public:
    explicit SqliteSource(std::shared_ptr<const SqliteDataset> dataset)
        : m_dataset(std::move(dataset))
    {
    }
    QString path() const override { return m_dataset->path; }
    SourceInfo info() const override
    {
        SourceInfo info;
        info.format = SourceFormat::Sqlite;
        info.lineEnding.clear();
        return info;
    }
    const Schema &schema() const override { return m_dataset->schema; }
    const RowIndex &index() const override { return m_dataset->index; }
    std::unique_ptr<RecordReader> reader(const ChunkRange &range, RejectSink &sink) const override
    {
        return std::make_unique<SqliteReader>(m_dataset, range, sink);
    }

private:
    std::shared_ptr<const SqliteDataset> m_dataset;
};

// Opens and indexes one database; every failure becomes "<path>: <reason>".
class SqliteOpener {
public:
    SqliteOpener(const QString &path, const SourceOptions &options, const OpenControl &control)
        : m_options(options), m_control(control)
    {
        m_d->path = path;
    }
    std::shared_ptr<SqliteDataset> open(QString *error);

private:
    bool fail(const QString &reason)
    {
        m_error = m_d->path + QStringLiteral(": ") + reason;
        return false;
    }
    bool exec(QSqlQuery &q, const QString &sql)
    {
        if (q.exec(sql)) return true;
        return fail(QStringLiteral("SQL error: %1").arg(q.lastError().text()));
    }
    bool cancelled() const { return m_control.cancel && m_control.cancel->load(); }
    bool chooseTable();
    bool indexTable(std::int64_t totalBytes);
    bool indexQuery();
    bool inferSchema();

    const SourceOptions &m_options;
    const OpenControl &m_control;
    std::shared_ptr<SqliteDataset> m_d = std::make_shared<SqliteDataset>();
    SqliteConnection m_connection;
    QString m_error;
};

// User tables (not SQLite's own) by name; false with the driver's message in `error`.
bool listTables(QSqlDatabase &db, QStringList *tables, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name"))) {
        *error = QStringLiteral("SQL error: %1").arg(q.lastError().text());
        return false;
    }
    while (q.next())
        tables->append(q.value(0).toString());
    return true;
}

bool SqliteOpener::chooseTable()
{
    QStringList tables;
    QString reason;
    if (!listTables(m_connection.database(), &tables, &reason)) return fail(reason);
    const QString listed = tables.isEmpty() ? QStringLiteral("none") : tables.join(QStringLiteral(", "));
    if (!m_options.sqliteTable.isEmpty()) {
        if (!tables.contains(m_options.sqliteTable))
            return fail(QStringLiteral("no such table: %1 (available tables: %2)")
                            .arg(m_options.sqliteTable, listed));
        m_d->table = m_options.sqliteTable;
        return true;
    }
    if (tables.isEmpty()) return fail(QStringLiteral("the database has no tables"));
    if (tables.size() > 1)
        return fail(QStringLiteral("the database has %1 tables (%2); choose one or give a query")
                        .arg(tables.size())
                        .arg(listed));
    m_d->table = tables.front();
    return true;
}

// A checkpoint (offset = rowid) every `stride` rows, so a reader finds its first row by
// an index seek instead of an OFFSET scan.
bool SqliteOpener::indexTable(std::int64_t totalBytes)
{
    const QString table = sqliteQuoteIdentifier(m_d->table);
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT min(rowid), max(rowid) FROM %1").arg(table))) {
        // WITHOUT ROWID tables have no rowid: read them as a query instead.
        m_d->query = QStringLiteral("SELECT * FROM %1").arg(table);
        m_d->table.clear();
        return indexQuery();
    }
    q.next();
    const double lo = q.value(0).toDouble();
    const double span = std::max(1.0, q.value(1).toDouble() - lo + 1);
    if (!exec(q, QStringLiteral("SELECT rowid FROM %1 ORDER BY rowid").arg(table))) return false;
    RowIndex &index = m_d->index;
    std::int64_t previous = 0;
    while (q.next()) {
        const std::int64_t rowid = q.value(0).toLongLong();
        // Readers seek by rowid from a checkpoint: a b-tree that hands rowids out of order
        // (a corrupt database) would make them skip or repeat rows.
        if (index.rowCount > 0 && rowid <= previous)
            return fail(QStringLiteral("the database is corrupt: table %1 lists rowid %2 after %3")
                            .arg(m_d->table)
                            .arg(rowid)
                            .arg(previous));
        previous = rowid;
        if (index.rowCount % index.stride == 0)
            index.checkpoints.push_back({rowid, index.rowCount + 1});
        ++index.rowCount;
        if (index.rowCount % kCancelCheckRows == 0) {
            if (cancelled()) return fail(QStringLiteral("cancelled"));
            if (m_control.progress)
                m_control.progress(std::int64_t((double(rowid) - lo) / span * double(totalBytes)),
                                   totalBytes);
        }
    }
    if (q.lastError().isValid())
        return fail(QStringLiteral("SQL error: %1").arg(q.lastError().text()));
    return true;
}

// Queries have no stable key to seek by: checkpoints are row numbers (LIMIT/OFFSET).
bool SqliteOpener::indexQuery()
{
    QSqlQuery q(m_connection.database());
    if (!exec(q, QStringLiteral("SELECT count(*) FROM (%1)").arg(m_d->query))) return false;
    q.next();
    RowIndex &index = m_d->index;
    index.rowCount = q.value(0).toLongLong();
    for (std::int64_t r = 0; r < index.rowCount; r += index.stride) index.checkpoints.push_back({r, r + 1});
    return true;
}

// Declared INTEGER/REAL columns keep that type; the others are inferred from a sample read
// through an ordinary reader.
bool SqliteOpener::inferSchema()
{
    QSqlQuery q(m_connection.database());
    const QString select = m_d->table.isEmpty()
        ? QStringLiteral("SELECT * FROM (%1) LIMIT 0").arg(m_d->query)
        : QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(sqliteQuoteIdentifier(m_d->table));
    if (!exec(q, select)) return false;
    const QSqlRecord record = q.record();
    m_d->columnCount = record.count();
    QList<std::optional<ColumnType>> declared(record.count());
    if (!m_d->table.isEmpty()) {
        if (!exec(q, QStringLiteral("PRAGMA table_info(%1)").arg(sqliteQuoteIdentifier(m_d->table))))
            return false;
        for (int c = 0; q.next() && c < record.count(); ++c) {
            const QString type = q.value(2).toString().toUpper();
            if (type.contains(QLatin1String("INT"))) declared[c] = ColumnType::Int64;
            else if (type.contains(QLatin1String("REAL")) || type.contains(QLatin1String("FLOA"))
                     || type.contains(QLatin1String("DOUB")))
                declared[c] = ColumnType::Double;
        }
    }
    TypeInference inference(record.count());
    RejectSink sampleRejects;
    ChunkRange sample;
    sample.rowCount = std::min<std::int64_t>(m_d->index.rowCount,
                                             std::max(1, m_options.inferenceSampleRows));
    SqliteReader reader(m_d, sample, sampleRejects);
    Record r;
    while (reader.next(r))
        for (int c = 0; c < record.count(); ++c)
            inference.add(c, r.fields[std::size_t(c)], r.isNull(std::size_t(c)));
    if (!sampleRejects.rejects().isEmpty()) return fail(sampleRejects.rejects().front().reason);
    for (int c = 0; c < record.count(); ++c) {
        Column column;
        column.name = record.fieldName(c);
        column.type = m_options.allStrings ? ColumnType::String
                                           : declared[c].value_or(inference.type(c));
        column.nullable = inference.nullable(c);
        m_d->schema.columns.append(column);
    }
    m_d->strictTypes = m_options.strictTypes && !m_options.allStrings;
    return true;
}

std::shared_ptr<SqliteDataset> SqliteOpener::open(QString *error)
{
    const bool ok = [&] {
        const QFileInfo fi(m_d->path);
        if (!fi.exists()) return fail(QStringLiteral("not found"));
        if (fi.isDir()) return fail(QStringLiteral("is a directory"));
        if (QFile f(m_d->path); !f.open(QIODevice::ReadOnly)) return fail(f.errorString());
        if (!isSqliteFile(m_d->path)) return fail(QStringLiteral("not a SQLite database"));
        QString reason;
        if (!m_connection.open(m_d->path, &reason)) return fail(reason);

        QSqlQuery q(m_connection.database());
        if (!exec(q, QStringLiteral("PRAGMA page_count"))) return false;
        q.next();
        std::int64_t totalBytes = q.value(0).toLongLong();
        if (!exec(q, QStringLiteral("PRAGMA page_size"))) return false;
        q.next();
        totalBytes *= q.value(0).toLongLong();
        q.finish();

        if (!m_options.sqliteQuery.trimmed().isEmpty()) {
            QString query = m_options.sqliteQuery.trimmed();
            while (query.endsWith(QLatin1Char(';'))) query = query.chopped(1).trimmed();
            m_d->query = query;
            if (!indexQuery()) return false;
        } else if (!chooseTable() || !indexTable(totalBytes)) {
            return false;
        }
        m_d->index.dataBegin = 0;
        m_d->index.dataEnd = totalBytes;
        m_d->bytesPerRow = m_d->index.rowCount > 0 ? double(totalBytes) / double(m_d->index.rowCount) : 0;
        if (!inferSchema()) return false;
        if (m_control.progress) m_control.progress(totalBytes, totalBytes);
        return true;
    }();
    if (!ok) {
        *error = m_error;
        return nullptr;
    }
    return m_d;
}

} // namespace

bool looksLikeSqlite(std::string_view firstBytes)
{
    return firstBytes.substr(0, 16) == std::string_view("SQLite format 3\0", 16);
}

bool isSqliteFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return false;
    const QByteArray head = f.read(16);
    return looksLikeSqlite(std::string_view(head.constData(), std::size_t(head.size())));
}

QStringList sqliteTableNames(const QString &path, QString *error)
{
    if (!isSqliteFile(path)) {
        *error = path + QStringLiteral(": not a SQLite database");
        return {};
    }
    SqliteConnection connection;
    QString reason;
    QStringList tables;
    if (!connection.open(path, &reason) || !listTables(connection.database(), &tables, &reason)) {
        *error = path + QStringLiteral(": ") + reason;
        return {};
    }
    return tables;
}

std::unique_ptr<DataSource> openSqliteSource(const QString &path, const SourceOptions &options,
                                             const OpenControl &control, QString *error)
{
    SqliteOpener opener(path, options, control);
    std::shared_ptr<SqliteDataset> dataset = opener.open(error);
    if (!dataset) return nullptr;
    return std::make_unique<SqliteSource>(std::move(dataset));
}

} // namespace sf
