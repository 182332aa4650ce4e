// Compressed CSV (.gz, .zst) reads the same records, rows and lines as the plain file.
#include "tst_csvsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sf;
using namespace sf::test;

class TestCompressed : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void sameRecordsAsPlain()
    {
        QByteArray plain = "id;name;score\r\n";
        for (int i = 0; i < 5000; ++i)
            plain += QByteArray::number(i) + ";\"n;" + QByteArray::number(i % 37) + "\n\"\"q\"\"\";"
                     + QByteArray::number(i * 0.25) + "\r\n";
        auto ref = openBytes(m_dir, plain, {}, nullptr, QStringLiteral("plain.csv"));
        QVERIFY(ref);
        QCOMPARE(ref->rowCount(), 5000);
        const ReadBack want = readAll(*ref);
        QCOMPARE(want.rows[3], fields({"3", "n;3\n\"q\"", "0.75"}));
        const struct {
            QByteArray bytes;
            QString name, compression;
        } cases[] = {{gzipBytes(plain), QStringLiteral("data.csv.gz"), QStringLiteral("gzip")},
                     {gzipBytes(plain.left(1000)) + gzipBytes(plain.mid(1000)), QStringLiteral("multi.gz"), QStringLiteral("gzip")},
                     {zstdBytes(plain), QStringLiteral("data.csv.zst"), QStringLiteral("zstd")},
                     // Magic bytes decide, not the name.
                     {zstdBytes(plain, 19), QStringLiteral("misnamed.csv"), QStringLiteral("zstd")}};
        for (const auto &c : cases) {
            auto src = openBytes(m_dir, c.bytes, {}, nullptr, c.name);
            QVERIFY2(src, qPrintable(c.name));
            QCOMPARE(src->info().compression, c.compression);
            QCOMPARE(src->info().delimiter, ';');
            QCOMPARE(src->info().lineEnding, QStringLiteral("CRLF"));
            QCOMPARE(src->schema().columns[2].type, ColumnType::Double);
            QCOMPARE(src->rowCount(), ref->rowCount());
            QCOMPARE(src->index().dataEnd, ref->index().dataEnd);
            const ReadBack got = readAll(*src);
            QCOMPARE(got.rows, want.rows);
            QCOMPARE(got.lines, want.lines);
            const ReadBack part = readRange(*src, 1234, 321);
            QCOMPARE(part.rows, want.rows.mid(1234, 321));
        }
    }
    void compressedTsvByName()
    {
        auto src = openBytes(m_dir, gzipBytes("a,x\tb\n1,5\t2\n"), {}, nullptr, QStringLiteral("t.tsv.gz"));
        QVERIFY(src);
        QCOMPARE(src->info().delimiter, '\t');
        QCOMPARE(readAll(*src).rows[0], fields({"1,5", "2"}));
    }
    void corruptCompressedNamesFile()
    {
        QByteArray gz = gzipBytes("a,b\n1,2\n");
        gz.chop(4);
        QString error;
        const QString path = writeTemp(m_dir, QStringLiteral("bad.csv.gz"), gz);
        QVERIFY(!openDataSource(path, {}, {}, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": truncated gzip stream")), qPrintable(error));
    }
    // fuzz_compressed: a compressed SQLite database was read as CSV after decompression and
    // refused as "binary data (NUL bytes), not delimited text"; say what it is instead.
    void compressedSqliteDatabaseSaysSo()
    {
        QByteArray db("SQLite format 3\0", 16);
        db += QByteArray(100, '\0');
        const struct {
            QByteArray bytes;
            QString name, compression;
        } cases[] = {{gzipBytes(db), QStringLiteral("db.sqlite.gz"), QStringLiteral("gzip")},
                     {zstdBytes(db), QStringLiteral("db.csv"), QStringLiteral("zstd")}};
        for (const auto &c : cases) {
            const QString path = writeTemp(m_dir, c.name, c.bytes);
            QString error;
            QVERIFY(!openDataSource(path, {}, {}, &error));
            QCOMPARE(error, path + QStringLiteral(": a ") + c.compression +
                                QStringLiteral("-compressed SQLite database: decompress it first "
                                               "(SQLite opens only uncompressed database files)"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCompressed)
#include "tst_compressed.moc"
