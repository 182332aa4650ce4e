// SQLite sources: a table (rowid checkpoints) and a query (row numbers), value texts,
// chunked and concurrent reads equal to one sequential read, and error messages.
#include "data/sqlitesource.h"
#include "tst_jsonsupport.h"
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace sf;
using namespace sf::test;

class TestSqliteSource : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;    // items (1000 rows with rowid gaps) and notes
    QString m_single; // one table only

    static bool run(QSqlQuery &q, const QString &sql)
    {
        if (q.exec(sql)) return true;
        qWarning() << sql << q.lastError().text();
        return false;
    }
    std::unique_ptr<DataSource> open(const QString &path, const SourceOptions &options,
                                     QString *error = nullptr)
    {
        QString local;
        return openSqliteSource(path, options, OpenControl{}, error ? error : &local);
    }
    static SourceOptions table(const char *name)
    {
        SourceOptions o;
        o.sqliteTable = QString::fromUtf8(name);
        return o;
    }
    static int col(const Schema &s, const char *name) { return s.indexOf(QString::fromUtf8(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("test.db"));
        m_single = m_dir.filePath(QStringLiteral("single.db"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(run(q, QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, "
                                          "score REAL, qty, data BLOB, flag)")));
            QVERIFY(db.transaction());
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)")));
            for (int i = 0; i < 1000; ++i) {
                q.addBindValue(i * 3 + 7); // rowids with gaps
                q.addBindValue(i % 10 == 0 ? QVariant() : QVariant(QStringLiteral("n\u00e9%1").arg(i)));
                q.addBindValue(i * 0.5);
                q.addBindValue(i % 7);
                q.addBindValue(QByteArray(QByteArray("\x00\xff", 2) + QByteArray::number(i)));
                q.addBindValue(i % 2 ? QStringLiteral("true") : QStringLiteral("false"));
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            QVERIFY(db.commit());
            QVERIFY(run(q, QStringLiteral("DELETE FROM items WHERE id % 11 = 0")));
            QVERIFY(run(q, QStringLiteral("CREATE TABLE notes (k TEXT)")));
            db.close();
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup2"));
            db.setDatabaseName(m_single);
            QVERIFY(db.open());
            QSqlQuery q2(db);
            QVERIFY(run(q2, QStringLiteral("CREATE TABLE only_one (a INTEGER, b TEXT)")));
            QVERIFY(run(q2, QStringLiteral("INSERT INTO only_one VALUES (1, '2021-03-04'), (NULL, '2022-01-01')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("setup"));
        QSqlDatabase::removeDatabase(QStringLiteral("setup2"));
    }

    void tableSchemaAndValues()
    {
        QString error;
        auto src = open(m_db, table("items"), &error);
        QVERIFY2(src, qPrintable(error));
        QCOMPARE(src->info().format, SourceFormat::Sqlite);
        // Rows with id % 11 == 0 were deleted: ids 7 + 3i for i < 1000.
        qint64 expected = 0;
        for (int i = 0; i < 1000; ++i) expected += (i * 3 + 7) % 11 != 0;
        QCOMPARE(src->rowCount(), expected);
        QCOMPARE(qsizetype(src->index().checkpoints.size()), qsizetype((expected + 127) / 128));
        QCOMPARE(src->index().checkpoints[0].offset, 7);
        QVERIFY(src->byteSize() > 0);
        const Schema &s = src->schema();
        QCOMPARE(s.size(), 6);
        QCOMPARE(s.columns[col(s, "id")].type, ColumnType::Int64);
        QCOMPARE(s.columns[col(s, "name")].type, ColumnType::String);
        QVERIFY(s.columns[col(s, "name")].nullable);
        QCOMPARE(s.columns[col(s, "score")].type, ColumnType::Double);
        QCOMPARE(s.columns[col(s, "qty")].type, ColumnType::Int64); // inferred (no declared type)
        QCOMPARE(s.columns[col(s, "data")].type, ColumnType::String);
        QCOMPARE(s.columns[col(s, "flag")].type, ColumnType::Bool);

        const ReadResult all = readAll(*src);
        QCOMPARE(all.rows.size(), expected);
        QVERIFY(all.rejects.isEmpty());
        const ReadRow &first = all.rows[0]; // id 7, i = 0
        QCOMPARE(first.row, 0);
        QCOMPARE(first.line, 1);
        QCOMPARE(first.offset, 7); // rowid
        QCOMPARE(first.fields, (QList<QByteArray>{"7", "", "0.0", "0", "00ff30", "false"}));
        QCOMPARE(first.nulls, (QList<bool>{false, true, false, false, false, false}));
        QCOMPARE(first.raw, QByteArray("7||0.0|0|00ff30|false"));
        const ReadRow &second = all.rows[1]; // id 10, i = 1
        QCOMPARE(second.fields, (QList<QByteArray>{"10", "n\xc3\xa9" "1", "0.5", "1", "00ff31", "true"}));
    }

    void chunkedAndConcurrentReads_data()
    {
        QTest::addColumn<bool>("query");
        QTest::newRow("table") << false;
        QTest::newRow("query") << true;
    }
    void chunkedAndConcurrentReads()
    {
        QFETCH(bool, query);
        SourceOptions o = table("items");
        if (query)
            o.sqliteQuery = QStringLiteral("SELECT id, name, score * 2 AS twice FROM items "
                                           "WHERE id % 2 = 1 ORDER BY id DESC;");
        QString error;
        auto src = open(m_db, o, &error);
        QVERIFY2(src, qPrintable(error));
        if (query) {
            QCOMPARE(src->schema().size(), 3);
            QCOMPARE(src->schema().columns[2].name, QStringLiteral("twice"));
            QCOMPARE(src->schema().columns[2].type, ColumnType::Double);
        }
        const ReadResult all = readAll(*src);
        QCOMPARE(all.rows.size(), src->rowCount());
        if (query) QVERIFY(all.rows[0].fields[0].toLongLong() > all.rows[1].fields[0].toLongLong());
        for (const qint64 chunk : std::initializer_list<qint64>{1, 2, 3, 128, 129, src->rowCount()}) {
            const QString diff = compareResults(all, readChunked(*src, chunk));
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("chunk %1: %2").arg(chunk).arg(diff)));
        }
        // Two threads, each on its own connection, at the same time.
        const qint64 half = src->rowCount() / 2;
        ReadResult a, b;
        std::thread t1([&] { readChunkedRange(*src, 0, half, 50, &a); });
        std::thread t2([&] { readChunkedRange(*src, half, src->rowCount() - half, 50, &b); });
        t1.join();
        t2.join();
        a.rows += b.rows;
        a.rejects += b.rejects;
        a.rowsConsumed += b.rowsConsumed;
        QVERIFY(compareResults(all, a).isEmpty());
    }

    // Texts are read as QSQLITE reads them: ASCII as SQLite's own bytes, anything else through
    // SQLite's UTF-16 conversion, so malformed UTF-8 comes out as it did through QSqlQuery.
    void textsReadAsQtSqlReadsThem()
    {
        const QString path = m_dir.filePath(QStringLiteral("texts.db"));
        const QStringList values{QStringLiteral("X'616263'"), QStringLiteral("X'63616665c3a9'"),
                                 QStringLiteral("X'61ff62'"), QStringLiteral("X'c328'"),
                                 QStringLiteral("X'e282'"), QStringLiteral("X'f09f9880'"),
                                 QStringLiteral("X'610062'"), QStringLiteral("X''")};
        QList<QByteArray> viaQtSql;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("texts"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(run(q, QStringLiteral("CREATE TABLE t (s TEXT)")));
            for (const QString &v : values)
                QVERIFY(run(q, QStringLiteral("INSERT INTO t VALUES (CAST(%1 AS TEXT))").arg(v)));
            QVERIFY(run(q, QStringLiteral("SELECT s FROM t ORDER BY rowid")));
            while (q.next())
                viaQtSql.append(q.value(0).toString().toUtf8());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("texts"));
        QCOMPARE(viaQtSql.size(), values.size());
        QCOMPARE(viaQtSql[1], QByteArray("cafe\xc3\xa9"));
        QVERIFY(viaQtSql[2] != QByteArray("a\xff" "b")); // malformed: not passed through
        SourceOptions options = table("t");
        options.allStrings = true;
        QString error;
        auto src = open(path, options, &error);
        QVERIFY2(src, qPrintable(error));
        const ReadResult all = readAll(*src);
        QCOMPARE(all.rows.size(), values.size());
        for (qsizetype i = 0; i < values.size(); ++i)
            QCOMPARE(all.rows[i].fields[0], viaQtSql[i]);
    }

    void onlyTableAndStrictTypes()
    {
        SourceOptions o;
        o.strictTypes = true;
        auto src = open(m_single, o);
        QVERIFY(src);
        QCOMPARE(src->rowCount(), 2);
        QCOMPARE(src->schema().columns[0].type, ColumnType::Int64);
        QVERIFY(src->schema().columns[0].nullable);
        QCOMPARE(src->schema().columns[1].type, ColumnType::DateTime);
        const ReadResult all = readAll(*src);
        QCOMPARE(all.rows.size(), 2);
        QVERIFY(all.rows[1].nulls[0]);

        // A one-row sample types the query column int64; strict mode rejects the later text.
        SourceOptions q;
        q.sqliteQuery = QStringLiteral("SELECT a FROM only_one UNION ALL SELECT 'x'");
        q.inferenceSampleRows = 1;
        q.strictTypes = true;
        auto strict = open(m_single, q);
        QVERIFY(strict);
        QCOMPARE(strict->schema().columns[0].type, ColumnType::Int64);
        const ReadResult r = readAll(*strict);
        QCOMPARE(r.rows.size(), 2);
        QCOMPARE(r.rejects.size(), 1);
        QCOMPARE(r.rejects[0].reason, QStringLiteral("column 'a': expected int64, found 'x'"));
        QCOMPARE(r.rejects[0].row, 2);
        QCOMPARE(r.rejects[0].raw, QByteArray("x"));
    }

    void errors()
    {
        QString error;
        QVERIFY(!open(m_db, {}, &error));
        QCOMPARE(error, m_db + QStringLiteral(": the database has 2 tables (items, notes); choose one or give a query"));
        QVERIFY(!open(m_db, table("nope"), &error));
        QCOMPARE(error, m_db + QStringLiteral(": no such table: nope (available tables: items, notes)"));
        SourceOptions bad;
        bad.sqliteQuery = QStringLiteral("SELECT missing FROM items");
        QVERIFY(!open(m_db, bad, &error));
        QVERIFY2(error.startsWith(m_db + QStringLiteral(": SQL error: no such column: missing")), qPrintable(error));

        const QString text = m_dir.filePath(QStringLiteral("text.db"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id,name\n1,a\n");
        f.close();
        QVERIFY(!open(text, {}, &error));
        QCOMPARE(error, text + QStringLiteral(": not a SQLite database"));
        const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
        QVERIFY(!open(missing, {}, &error));
        QCOMPARE(error, missing + QStringLiteral(": not found"));
        QVERIFY(!QFile::exists(missing)); // opening must not create a database

        QVERIFY(looksLikeSqlite(std::string_view("SQLite format 3\0xyz", 19)));
        QVERIFY(!looksLikeSqlite(std::string_view("SQLite format 3")));
    }

    // fuzz_sqlite (crash-07a4563d, file mode): a corrupt page made "ORDER BY rowid" list
    // rowids 16135, 16017, 18; the rowid checkpoints then made readers skip rows silently
    // (1 of 3 indexed rows read, no reject). Opening now refuses such a table.
    void corruptRowidOrder()
    {
        const QString path = QStringLiteral(SF_TEST_DATA_DIR "/sqlite/corrupt_rowid_order.sqlite");
        QString error;
        QVERIFY(!openDataSource(path, {}, {}, &error));
        QCOMPARE(error,
                 path + QStringLiteral(
                            ": the database is corrupt: table t lists rowid 16017 after 16135"));
    }
    // Rows the index counted but a reader cannot get are rejected, not dropped.
    void rowsGoneSinceOpenAreRejected()
    {
        const QString path = m_dir.filePath(QStringLiteral("shrinking.db"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("shrink"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(run(q, QStringLiteral("CREATE TABLE t (a INTEGER)")));
            QVERIFY(run(q, QStringLiteral("INSERT INTO t VALUES (1), (2), (3), (4), (5)")));
            auto src = open(path, {});
            QVERIFY(src);
            QCOMPARE(src->rowCount(), 5);
            QVERIFY(run(q, QStringLiteral("DELETE FROM t WHERE a >= 4")));
            const ReadResult all = readAll(*src);
            QCOMPARE(all.rows.size(), 3);
            QCOMPARE(all.rowsConsumed, 5);
            QCOMPARE(all.rejects.size(), 1);
            QCOMPARE(all.rejects[0].row, -1);
            QCOMPARE(
                all.rejects[0].reason,
                QStringLiteral("2 of 5 rows could not be read: the database changed since it was "
                               "opened, or is corrupt"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("shrink"));
    }

    void tableNamesForThePicker()
    {
        QString error;
        QCOMPARE(sqliteTableNames(m_db, &error),
                 (QStringList{QStringLiteral("items"), QStringLiteral("notes")}));
        QVERIFY(error.isEmpty());
        QVERIFY(isSqliteFile(m_db));
        const QString text = m_dir.filePath(QStringLiteral("plain.csv"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id,name\n1,a\n");
        f.close();
        QVERIFY(!isSqliteFile(text));
        QVERIFY(sqliteTableNames(text, &error).isEmpty());
        QCOMPARE(error, text + QStringLiteral(": not a SQLite database"));
    }

private:
    static void readChunkedRange(const DataSource &src, qint64 first, qint64 count, qint64 chunk,
                                 ReadResult *out)
    {
        for (qint64 r = first; r < first + count; r += chunk)
            readRange(src, r, std::min(chunk, first + count - r), out);
    }
};

QTEST_GUILESS_MAIN(TestSqliteSource)
#include "tst_sqlitesource.moc"
