// Fuzzes SQLite datasets (QtSql's SQLite driver). The first byte picks the mode:
// - file: the fuzz bytes are the database file (the 16-byte "SQLite format 3" header forced
//   over the start when bit 1 is set, so mutations reach the pages). Opening must succeed or
//   fail with a message naming the file; reading must never crash, and when no read error
//   occurs every indexed row is accounted for once and chunked reads equal the whole read.
// - table: a valid table is built from the fuzz bytes (lines are rows, tabs split values, "\N"
//   is NULL; column affinities from the second byte), opened as a table and as a query, and
//   then: the row count is the rows inserted; TEXT and BLOB values read back exactly (UTF-8,
//   hex); INTEGER values written as integer texts read back as that integer; nulls stay null;
//   chunked reads (rowid checkpoints and LIMIT/OFFSET) and the block reader equal the whole
//   read; and the profile of the dataset is identical for any chunking.
#include "common.h"

#include "analysis/profileanalysis.h"
#include "core/valueparse.h"
#include "data/sqlitesource.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <charconv>

using namespace sf::fuzz;

namespace {

constexpr std::string_view kHeader("SQLite format 3\0", 16);

Read readChunked(const sf::DataSource &src, std::int64_t step, bool *readError)
{
    Read all;
    const std::int64_t rows = src.rowCount();
    for (std::int64_t first = 0; first < rows; first += step) {
        sf::RejectSink sink;
        sf::ChunkRange range;
        range.firstRow = first;
        range.rowCount = step;
        auto reader = src.reader(range, sink);
        sf::Record rec;
        while (reader->next(rec)) {
            Rec r;
            r.row = rec.row;
            r.line = rec.line;
            r.offset = rec.offset;
            r.raw.assign(rec.raw);
            check(rec.fields.size() == rec.nulls.size() &&
                      int(rec.fields.size()) == src.schema().size(),
                  "a row has one field and one null flag per column");
            for (std::size_t i = 0; i < rec.fields.size(); ++i) {
                r.fields.emplace_back(rec.fields[i]);
                r.nulls.push_back(rec.nulls[i]);
            }
            all.records.push_back(std::move(r));
        }
        check(reader->rowsConsumed() == std::min(step, rows - first),
              "a reader consumes its chunk");
        for (const sf::RejectedRecord &j : sink.rejects()) {
            check(!j.reason.isEmpty(), "a reject has a reason");
            if (j.row < 0)
                *readError = true; // the database could not be read (corrupt pages)
            else
                all.rejects.push_back({j.row, j.line, j.column, j.offset, j.reason, j.raw});
        }
    }
    return all;
}

class Context : public sf::TaskContext {
public:
    sf::TaskSpec spec;
    const sf::TaskSpec &task() const override { return spec; }
    int attempt() const override { return 1; }
    bool checkpoint(std::int64_t, std::int64_t) override { return true; }
};

// The profile of `src` read in chunks of `step` rows, merged in chunk order, as compact JSON.
QByteArray profile(const sf::DataSource &src, std::int64_t step)
{
    sf::ProfileAnalysis analysis{sf::AnalysisOptions{}};
    QString error;
    if (!analysis.prepare(src.schema(), &error)) return error.toUtf8();
    std::unique_ptr<sf::Partial> acc;
    const std::int64_t rows = src.rowCount();
    for (std::int64_t first = 0; first < rows || !acc; first += step) {
        sf::RejectSink sink;
        Context context;
        context.spec.range.firstRow = first;
        context.spec.range.rowCount = step;
        auto reader = src.reader(context.spec.range, sink);
        sf::TaskInput input{context.spec, reader.get(), context};
        auto part = analysis.createPartial();
        analysis.process(*part, input);
        if (acc)
            analysis.merge(*acc, *part);
        else
            acc = std::move(part);
    }
    return QJsonDocument(analysis.finalize(*acc).json).toJson(QJsonDocument::Compact);
}

void fileMode(std::uint8_t selector, std::string_view bytes)
{
    std::string file(bytes);
    if ((selector & 2) && file.size() >= kHeader.size()) file.replace(0, kHeader.size(), kHeader);
    const QString path = scratchPath("sqlite", ".sqlite");
    if (!writeFile(path, file)) return;
    sf::SourceOptions options;
    options.format = sf::SourceFormat::Sqlite;
    if (selector & 4) options.sqliteQuery = QStringLiteral("SELECT * FROM sqlite_master");
    options.strictTypes = selector & 8;
    QString error;
    auto src = sf::openDataSource(path, options, {}, &error);
    if (!src) {
        check(error.startsWith(path + QStringLiteral(": ")) && error.size() > path.size() + 2,
              "a failed open says why, naming the file");
        return;
    }
    bool readError = false;
    const Read whole = readChunked(*src, std::max<std::int64_t>(1, src->rowCount()), &readError);
    const Read chunked = readChunked(*src, 3, &readError);
    if (readError) return;
    checkAccounting(whole, src->rowCount());
    check(chunked == whole, "chunked reads equal the whole read");
}

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

void tableMode(std::uint8_t selector, std::uint8_t types, std::string_view bytes)
{
    static const char *const kDeclared[] = {"INTEGER", "REAL",    "TEXT", "BLOB",
                                            "",        "NUMERIC", "TEXT", "INTEGER"};
    const int columns = 1 + ((selector >> 2) & 3);
    const QString path = scratchPath("sqlite_table", ".sqlite");
    QFile::remove(path);
    std::vector<std::string> declared;
    std::vector<std::vector<std::string_view>> rows;
    for (std::string_view line : split(bytes, '\n')) {
        std::vector<std::string_view> values = split(line, '\t');
        values.resize(std::size_t(columns));
        rows.push_back(std::move(values));
    }
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
        db.setDatabaseName(path);
        check(db.open(), "the scratch database opens for writing");
        QSqlQuery q(db);
        QStringList defs;
        for (int c = 0; c < columns; ++c) {
            declared.emplace_back(
                kDeclared[((types >> (2 * c)) & 3) | ((selector & 0x10) ? 4 : 0)]);
            defs << QStringLiteral("\"c%1\" %2")
                        .arg(c)
                        .arg(QString::fromLatin1(declared.back().c_str()));
        }
        check(q.exec(QStringLiteral("PRAGMA journal_mode = OFF")), "journal off");
        check(q.exec(QStringLiteral("CREATE TABLE t (%1)").arg(defs.join(QStringLiteral(", ")))),
              "table created");
        db.transaction();
        QStringList marks;
        for (int c = 0; c < columns; ++c)
            marks << QStringLiteral("?");
        check(
            q.prepare(
                QStringLiteral("INSERT INTO t VALUES (%1)").arg(marks.join(QStringLiteral(", ")))),
            "insert prepared");
        for (const auto &row : rows) {
            for (int c = 0; c < columns; ++c) {
                const std::string_view v = row[std::size_t(c)];
                // Qt binds a null QString/QByteArray as NULL: empty values must be non-null.
                if (v == "\\N")
                    q.addBindValue(QVariant(QMetaType(QMetaType::QString)));
                else if (declared[std::size_t(c)] == "BLOB")
                    q.addBindValue(v.empty() ? QByteArray("", 0)
                                             : QByteArray(v.data(), qsizetype(v.size())));
                else if (v.empty())
                    q.addBindValue(QString(qsizetype(0), QChar()));
                else
                    q.addBindValue(QString::fromUtf8(v.data(), qsizetype(v.size())));
            }
            check(q.exec(), "row inserted");
        }
        check(db.commit(), "rows committed");
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("writer"));

    sf::SourceOptions options;
    options.strictTypes = selector & 0x20;
    options.inferenceSampleRows = (selector & 0x40) ? 2 : 1000;
    QString error;
    auto table = sf::openDataSource(path, options, {}, &error);
    if (!table) std::fprintf(stderr, "%s\n", qPrintable(error));
    check(table != nullptr, "a valid one-table database opens");
    check(table->rowCount() == std::int64_t(rows.size()) && table->schema().size() == columns,
          "the index has every inserted row and the schema every column");
    bool readError = false;
    const Read whole =
        readChunked(*table, std::max<std::int64_t>(1, table->rowCount()), &readError);
    check(!readError, "a valid database reads without error");
    checkAccounting(whole, table->rowCount());
    for (const Rec &r : whole.records) {
        const auto &row = rows[std::size_t(r.row)];
        for (int c = 0; c < columns; ++c) {
            const std::string_view v = row[std::size_t(c)];
            const std::string &field = r.fields[std::size_t(c)];
            if (v == "\\N") {
                check(r.nulls[std::size_t(c)] == 1, "a NULL reads as null");
                continue;
            }
            check(r.nulls[std::size_t(c)] == 0, "a value is not null");
            const std::string &decl = declared[std::size_t(c)];
            if (decl == "TEXT") {
                const QByteArray utf8 = QString::fromUtf8(v.data(), qsizetype(v.size())).toUtf8();
                check(field == std::string_view(utf8.constData(), std::size_t(utf8.size())),
                      "TEXT reads back as its UTF-8");
            } else if (decl == "BLOB") {
                static constexpr char kHex[] = "0123456789abcdef";
                std::string hex;
                for (char ch : v) {
                    hex.push_back(kHex[static_cast<unsigned char>(ch) >> 4]);
                    hex.push_back(kHex[static_cast<unsigned char>(ch) & 15]);
                }
                check(field == hex, "BLOB reads back as hex");
            } else if (decl == "INTEGER") {
                std::int64_t i = 0;
                if (sf::parseInt64(v, &i) && v.size() <= 18) {
                    char text[32];
                    const auto end = std::to_chars(text, text + sizeof text, i).ptr;
                    check(field == std::string_view(text, std::size_t(end - text)),
                          "an integer text in an INTEGER column reads back as that integer");
                }
            }
        }
    }
    // Each chunk is its own connection and query: sizes that cross checkpoints, not one per row.
    check(readChunked(*table, 7, &readError) == whole &&
              readChunked(*table, 130, &readError) == whole,
          "chunked reads over rowid checkpoints equal the whole read");
    checkBlocks(*table, table->rowCount(), columns, whole);
    const QByteArray profileWhole = profile(*table, std::max<std::int64_t>(1, table->rowCount()));
    check(profile(*table, 5 + 20 * (types & 7)) == profileWhole,
          "the profile does not depend on the chunking");

    if (options.strictTypes) return; // a query has no declared types: other rejects
    options.sqliteQuery = QStringLiteral("SELECT * FROM t ORDER BY rowid");
    auto query = sf::openDataSource(path, options, {}, &error);
    check(query != nullptr && query->rowCount() == table->rowCount(), "the table opens as a query");
    const Read viaQuery = readChunked(*query, 9, &readError);
    check(!readError && viaQuery.records.size() == whole.records.size(),
          "the query reads every row the table does");
    for (std::size_t i = 0; i < whole.records.size(); ++i)
        check(viaQuery.records[i].fields == whole.records[i].fields &&
                  viaQuery.records[i].nulls == whole.records[i].nulls,
              "the query reads the table's values");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // QtSql finds its driver plugins through it
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2 || size > 64 * 1024 + 2) return 0;
    const std::string_view bytes(reinterpret_cast<const char *>(data + 2), size - 2);
    if (data[0] & 1)
        tableMode(data[0], data[1], bytes.substr(0, 4096));
    else
        fileMode(data[0], bytes);
    return 0;
}
