// CSV reading: RFC 4180 cases, dialect sniffing, every reject reason with its line and column,
// null tokens, schema inference and the errors openDataSource() gives.
#include "tst_csvsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace sf;
using namespace sf::test;

class TestCsv : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void rfc4180()
    {
        const QByteArray text = "a,b,c\n1,\"x,y\",3\n4,\"he said \"\"hi\"\"\",6\n7,\"multi\nline\",9\n10,,12";
        auto src = openBytes(m_dir, text);
        QVERIFY(src);
        QCOMPARE(src->rowCount(), 4);
        QCOMPARE(src->schema().size(), 3);
        QCOMPARE(src->schema().columns[0].name, QStringLiteral("a"));
        const ReadBack r = readAll(*src);
        QCOMPARE(r.rows.size(), 4);
        QCOMPARE(r.rows[0], fields({"1", "x,y", "3"}));
        QCOMPARE(r.rows[1], fields({"4", "he said \"hi\"", "6"}));
        QCOMPARE(r.rows[2], fields({"7", "multi\nline", "9"}));
        QCOMPARE(r.rows[3], fields({"10", "", "12"}));
        QCOMPARE(r.lines, (QList<std::int64_t>{2, 3, 4, 6}));
        QCOMPARE(r.rowNumbers, (QList<std::int64_t>{0, 1, 2, 3}));
        QCOMPARE(r.raws[1], QByteArray("4,\"he said \"\"hi\"\"\",6"));
        QCOMPARE(r.nulls[3], (QList<bool>{false, true, false}));
        QVERIFY(r.rejects.isEmpty());
        QCOMPARE(src->info().lineEnding, QStringLiteral("LF"));
        QCOMPARE(src->info().delimiter, ',');
        QVERIFY(src->info().header);
    }
    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("ending");
        QTest::newRow("LF") << QByteArray("a,b\n\"x\ny\",1\nz,2\n") << QStringLiteral("LF");
        QTest::newRow("CRLF") << QByteArray("a,b\r\n\"x\r\ny\",1\r\nz,2\r\n") << QStringLiteral("CRLF");
        QTest::newRow("CRLF, LF quoted") << QByteArray("a,b\r\n\"x\ny\",1\r\nz,2\r\n") << QStringLiteral("CRLF");
        QTest::newRow("CR") << QByteArray("a,b\r\"x\ry\",1\rz,2") << QStringLiteral("CR");
        QTest::newRow("mixed") << QByteArray("a,b\r\n\"x\ny\",1\rz,2\n") << QStringLiteral("mixed");
    }
    void lineEndings()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, ending);
        auto src = openBytes(m_dir, text);
        QVERIFY(src);
        QCOMPARE(src->info().lineEnding, ending);
        const ReadBack r = readAll(*src);
        QCOMPARE(r.rows.size(), 2);
        QCOMPARE(r.rows[1], fields({"z", "2"}));
        QCOMPARE(r.lines, (QList<std::int64_t>{2, 4}));
        QByteArray multi = r.rows[0][0];
        QVERIFY(multi.startsWith('x') && multi.endsWith('y') && multi.size() >= 3);
        QCOMPARE(r.rows[0][1], QByteArray("1"));
    }
    void trailingNewlineOrNot()
    {
        auto a = openBytes(m_dir, "h1,h2\nx,1\ny,2\n");
        auto b = openBytes(m_dir, "h1,h2\nx,1\ny,2");
        QVERIFY(a && b);
        QCOMPARE(readAll(*a).rows, readAll(*b).rows);
        QCOMPARE(a->rowCount(), 2);
        // A trailing delimiter at the very end is one more (empty) field.
        auto c = openBytes(m_dir, "h1,h2\nx,");
        QVERIFY(c);
        QCOMPARE(readAll(*c).rows, (QList<QList<QByteArray>>{fields({"x", ""})}));
    }
    void bomAndBlankLines()
    {
        auto src = openBytes(m_dir, "\xEF\xBB\xBFname,v\n\nx,1\n\n\r\ny,2\n\n");
        QVERIFY(src);
        QVERIFY(src->info().bom);
        QCOMPARE(src->schema().columns[0].name, QStringLiteral("name"));
        QCOMPARE(src->index().dataBegin, 11); // BOM, header line and the blank line after it
        const ReadBack r = readAll(*src);
        QCOMPARE(r.rows, (QList<QList<QByteArray>>{fields({"x", "1"}), fields({"y", "2"})}));
        QCOMPARE(r.lines, (QList<std::int64_t>{3, 6}));
    }
    void quoteInsideUnquotedFieldIsData()
    {
        auto src = openBytes(m_dir, "a,b\nx\"y,2\n5\" pipe,\"q\"\n");
        QVERIFY(src);
        const ReadBack r = readAll(*src);
        QCOMPARE(r.rows, (QList<QList<QByteArray>>{fields({"x\"y", "2"}), fields({"5\" pipe", "q"})}));
    }
    void sniffDelimiters_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<char>("delimiter");
        QTest::newRow("semicolon") << QByteArray("name;value\n\"a;b\";1,5\nc;2,0\n") << ';';
        QTest::newRow("tab") << QByteArray("name\tvalue\n\"a\tb\"\t1,5\nc\t2,0\n") << '\t';
        QTest::newRow("pipe") << QByteArray("name|value\n\"a|b\"|1,5\nc|2,0\n") << '|';
        QTest::newRow("comma") << QByteArray("name,value\n\"a,b\";1,5\nc;2,0\n") << ',';
    }
    void sniffDelimiters()
    {
        QFETCH(QByteArray, text);
        QFETCH(char, delimiter);
        auto src = openBytes(m_dir, text);
        QVERIFY(src);
        QCOMPARE(src->info().delimiter, delimiter);
        QCOMPARE(src->schema().size(), 2);
        QCOMPARE(src->rowCount(), 2);
        if (delimiter != ',') {
            const ReadBack r = readAll(*src);
            QCOMPARE(r.rows[0][0], QByteArray("a") + delimiter + QByteArray("b"));
            QCOMPARE(r.rows[1], fields({"c", "2,0"}));
        }
        QCOMPARE(src->info().format, delimiter == '\t' ? SourceFormat::Tsv : SourceFormat::Csv);
    }
    void tsvNameAndOverrides()
    {
        // A .tsv name means tab even when commas look more regular.
        auto tsv = openBytes(m_dir, "a,b\tc\n1,2\t3\n", {}, nullptr, QStringLiteral("x.tsv"));
        QVERIFY(tsv);
        QCOMPARE(tsv->info().delimiter, '\t');
        QCOMPARE(readAll(*tsv).rows[0], fields({"1,2", "3"}));
        SourceOptions o;
        o.delimiter = ';';
        auto semi = openBytes(m_dir, "a,b\n1,2\n", o);
        QVERIFY(semi);
        QCOMPARE(semi->schema().size(), 1);
        QCOMPARE(semi->schema().columns[0].name, QStringLiteral("a,b"));
        SourceOptions noHeader;
        noHeader.header = SourceOptions::Header::No;
        auto nh = openBytes(m_dir, "a,b\n1,2\n", noHeader);
        QVERIFY(nh);
        QCOMPARE(nh->rowCount(), 2);
        QCOMPARE(nh->schema().columns[1].name, QStringLiteral("column_2"));
        QVERIFY(!nh->info().header);
        SourceOptions yes;
        yes.header = SourceOptions::Header::Yes;
        auto y = openBytes(m_dir, "1,2\n3,4\n", yes);
        QVERIFY(y);
        QCOMPARE(y->rowCount(), 1);
        QCOMPARE(y->schema().columns[0].name, QStringLiteral("1"));
        SourceOptions quote;
        quote.quote = '\'';
        auto q = openBytes(m_dir, "a,b\n'x,y',\"z\"\n", quote);
        QVERIFY(q);
        QCOMPARE(readAll(*q).rows[0], fields({"x,y", "\"z\""}));
    }
    void headerSniffing()
    {
        auto numeric = openBytes(m_dir, "1,2.5\n3,4\n");
        QVERIFY(numeric);
        QVERIFY(!numeric->info().header);
        QCOMPARE(numeric->rowCount(), 2);
        QCOMPARE(numeric->schema().columns[0].name, QStringLiteral("column_1"));
        auto named = openBytes(m_dir, "city,when\nParis,2024-01-01\nRome,2024-01-02\n");
        QVERIFY(named);
        QVERIFY(named->info().header);
        QCOMPARE(named->rowCount(), 2);
        // Text repeated below the first row is a value, not a name.
        auto values = openBytes(m_dir, "red,big\nred,small\nblue,big\n");
        QVERIFY(values);
        QVERIFY(!values->info().header);
        QCOMPARE(values->rowCount(), 3);
        auto headerOnly = openBytes(m_dir, "a,b,c\n");
        QVERIFY(headerOnly);
        QCOMPARE(headerOnly->rowCount(), 0);
        QCOMPARE(headerOnly->schema().size(), 3);
        QVERIFY(readAll(*headerOnly).rows.isEmpty());
    }
    void rejectReasons()
    {
        const QByteArray text = "a,b,c\n"          // 1
                                "1,2,3\n"          // 2 row 0
                                "1,2,3,4\n"        // 3 row 1: too many
                                "1,2\n"            // 4 row 2: too few
                                "\"x\"y,2,3\n"     // 5 row 3: text after quote
                                "1,\xff,3\n"       // 6 row 4: bad UTF-8
                                "\"multi\n"        // 7 row 5
                                "line\",2,3,4\n"   // 8
                                "ok,2,3\n";        // 9 row 6
        SourceOptions o;
        o.header = SourceOptions::Header::Yes;
        auto src = openBytes(m_dir, text, o);
        QVERIFY(src);
        QCOMPARE(src->rowCount(), 7);
        const ReadBack r = readAll(*src);
        QCOMPARE(r.rowNumbers, (QList<std::int64_t>{0, 6}));
        QCOMPARE(r.lines, (QList<std::int64_t>{2, 9}));
        QCOMPARE(r.rejects.size(), 5);
        struct Want {
            std::int64_t row, line, column;
            const char *reason;
        };
        const Want want[] = {{1, 3, 7, "expected 3 fields, found 4"},
                             {2, 4, 4, "expected 3 fields, found 2"},
                             {3, 5, 4, "text after a closing quote at column 4"},
                             {4, 6, 3, "invalid UTF-8 at column 3"},
                             {5, 8, 11, "expected 3 fields, found 4"}};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(r.rejects[i].row, want[i].row);
            QCOMPARE(r.rejects[i].line, want[i].line);
            QCOMPARE(r.rejects[i].column, want[i].column);
            QCOMPARE(r.rejects[i].reason, QString::fromUtf8(want[i].reason));
        }
        QCOMPARE(r.rejects[0].raw, QByteArray("1,2,3,4"));
        QCOMPARE(r.rejects[0].offset, 12);
        QCOMPARE(r.rejects[4].raw, QByteArray("\"multi\nline\",2,3,4"));
    }
    void nulByteRejectedPastTheSample()
    {
        // NULs in the first 64 KiB mean "binary"; later they reject just their record.
        QByteArray text = "a,b,c\n";
        int lines = 1;
        while (text.size() < 70 * 1024) {
            text += "1,2,3\n";
            ++lines;
        }
        text += QByteArray("1,a\0b,3\n", 8);
        text += "4,5,6\n";
        auto src = openBytes(m_dir, text);
        QVERIFY(src);
        const ReadBack r = readAll(*src);
        QCOMPARE(r.rejects.size(), 1);
        QCOMPARE(r.rejects[0].reason, QStringLiteral("NUL byte at column 4"));
        QCOMPARE(r.rejects[0].line, lines + 1);
        QCOMPARE(r.rejects[0].column, 4);
        QCOMPARE(r.rows.size(), lines);
        QCOMPARE(r.rows.last(), fields({"4", "5", "6"}));
    }
    void unterminatedQuoteAtEof()
    {
        const QByteArray text = "a,b\n1,2\n\"open,3\n4,5\n";
        auto src = openBytes(m_dir, text);
        QVERIFY(src);
        QCOMPARE(src->rowCount(), 1);
        QCOMPARE(src->index().dataEnd, 8);
        const QList<RejectedRecord> rejects = src->indexRejects();
        QCOMPARE(rejects.size(), 1);
        QCOMPARE(rejects[0].row, -1);
        QCOMPARE(rejects[0].line, 3);
        QCOMPARE(rejects[0].column, 1);
        QCOMPARE(rejects[0].offset, 8);
        QVERIFY(rejects[0].reason.startsWith(QStringLiteral("unterminated quoted field")));
        QCOMPARE(rejects[0].raw, QByteArray("\"open,3\n4,5\n"));
        QCOMPARE(readAll(*src).rows, (QList<QList<QByteArray>>{fields({"1", "2"})}));
    }
    void strictTypes()
    {
        SourceOptions o;
        o.strictTypes = true;
        o.inferenceSampleRows = 2;
        auto src = openBytes(m_dir, "id,temp\n1,5\n2,NA\n3,abc\n4,7\n5,1.5\n", o);
        QVERIFY(src);
        QCOMPARE(src->schema().columns[1].type, ColumnType::Int64);
        QVERIFY(src->schema().columns[1].nullable);
        const ReadBack r = readAll(*src);
        QCOMPARE(r.rowNumbers, (QList<std::int64_t>{0, 1, 3}));
        QCOMPARE(r.rejects.size(), 2);
        QCOMPARE(r.rejects[0].reason, QStringLiteral("column 'temp': expected int64, found 'abc'"));
        QCOMPARE(r.rejects[0].line, 4);
        QCOMPARE(r.rejects[0].column, 3);
        QCOMPARE(r.rejects[1].reason, QStringLiteral("column 'temp': expected int64, found '1.5'"));
        // Without strictTypes the same values are read as text.
        o.strictTypes = false;
        auto lax = openBytes(m_dir, "id,temp\n1,5\n2,NA\n3,abc\n4,7\n5,1.5\n", o);
        QVERIFY(lax);
        QCOMPARE(readAll(*lax).rows.size(), 5);
    }
    void nullTokens()
    {
        auto src = openBytes(m_dir, "a,b,c\nNA,,x\nnull,\"\",N/A\nn/a,-,None\n");
        QVERIFY(src);
        const ReadBack r = readAll(*src);
        QCOMPARE(r.nulls[0], (QList<bool>{true, true, false}));
        QCOMPARE(r.nulls[1], (QList<bool>{true, true, true}));
        QCOMPARE(r.nulls[2], (QList<bool>{true, false, true}));
        SourceOptions o;
        o.nullValues = QStringList{QStringLiteral("-")};
        auto custom = openBytes(m_dir, "a,b,c\nNA,,x\nnull,\"\",N/A\nn/a,-,None\n", o);
        QVERIFY(custom);
        const ReadBack c = readAll(*custom);
        QCOMPARE(c.nulls[0], (QList<bool>{false, false, false}));
        QCOMPARE(c.nulls[2], (QList<bool>{false, true, false}));
    }
    void schemaInference()
    {
        const QByteArray text = "i,d,b,t,s,mix,empty,ni,a,a,,a\n"
                                "1,1,true,2024-01-01,x,1,,5,1,1,1,1\n"
                                "-2,2.5,FALSE,2024-01-02T03:04:05Z,2,true,NA,,1,1,1,1\n"
                                "+3,1e3,True,2024-01-03 10:00,y,2,,7,1,1,1,1\n";
        auto src = openBytes(m_dir, text);
        QVERIFY(src);
        const Schema &s = src->schema();
        QCOMPARE(s.size(), 12);
        const ColumnType want[] = {ColumnType::Int64, ColumnType::Double, ColumnType::Bool,
                                   ColumnType::DateTime, ColumnType::String, ColumnType::String,
                                   ColumnType::String, ColumnType::Int64};
        for (int i = 0; i < 8; ++i)
            QCOMPARE(s.columns[i].type, want[i]);
        QVERIFY(!s.columns[0].nullable);
        QVERIFY(s.columns[6].nullable);
        QVERIFY(s.columns[7].nullable);
        QCOMPARE(s.columns[8].name, QStringLiteral("a"));
        QCOMPARE(s.columns[9].name, QStringLiteral("a_2"));
        QCOMPARE(s.columns[10].name, QStringLiteral("col_11"));
        QCOMPARE(s.columns[11].name, QStringLiteral("a_3"));
        SourceOptions o;
        o.allStrings = true;
        auto strings = openBytes(m_dir, text, o);
        QVERIFY(strings);
        for (const Column &c : strings->schema().columns)
            QCOMPARE(c.type, ColumnType::String);
    }
    void checkpoints()
    {
        QByteArray text = "k,v\n";
        QList<qint64> starts;
        for (int i = 0; i < 300; ++i) {
            starts.append(text.size());
            text += (i % 50 == 7) ? QByteArray("\"two\nlines\",") + QByteArray::number(i) + '\n'
                                  : QByteArray("r,") + QByteArray::number(i) + '\n';
        }
        auto src = openBytes(m_dir, text);
        QVERIFY(src);
        const RowIndex &idx = src->index();
        QCOMPARE(idx.rowCount, 300);
        QCOMPARE(idx.stride, 128);
        QCOMPARE(idx.dataBegin, 4);
        QCOMPARE(idx.dataEnd, text.size());
        QCOMPARE(int(idx.checkpoints.size()), 3);
        QCOMPARE(idx.checkpoints[1].offset, starts[128]);
        QCOMPARE(idx.checkpoints[2].offset, starts[256]);
        // Rows 7, 57, 107 span two lines before row 128; 157, 207 before 256.
        QCOMPARE(idx.checkpoints[1].line, 2 + 128 + 3);
        QCOMPARE(idx.checkpoints[2].line, 2 + 256 + 5);
        const ReadBack r = readRange(*src, 130, 5);
        QCOMPARE(r.rowNumbers, (QList<std::int64_t>{130, 131, 132, 133, 134}));
        QCOMPARE(r.rows[0], fields({"r", "130"}));
        QCOMPARE(r.lines[0], 2 + 130 + 3);
    }
    void longSingleLine()
    {
        QByteArray text = "a,b\n";
        text += QByteArray(5 * 1024 * 1024, 'x');
        text += ",1\n";
        auto src = openBytes(m_dir, text);
        QVERIFY(src);
        QCOMPARE(src->rowCount(), 1);
        const ReadBack r = readAll(*src);
        QCOMPARE(r.rows[0][0].size(), 5 * 1024 * 1024);
        QCOMPARE(r.rows[0][1], QByteArray("1"));
        // A 5 MB header line with no newline at all is a header-only file.
        auto header = openBytes(m_dir, QByteArray(5 * 1024 * 1024, 'h'));
        QVERIFY(header);
        QCOMPARE(header->rowCount(), 0);
    }
    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("file is empty");
        QTest::newRow("only newlines") << QByteArray("\n\r\n") << QStringLiteral("file is empty");
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF") << QStringLiteral("file is empty");
        QTest::newRow("binary") << QByteArray("a,b\n\x01\x02\0\x03", 8) << QStringLiteral("binary data (NUL bytes)");
        QTest::newRow("control") << QByteArray("\x01\x02\x03\x04,\x05\x06\n\x07\x08") << QStringLiteral("control characters");
        QTest::newRow("utf16le bom") << QByteArray("\xFF\xFE" "a\0,\0b\0", 8) << QStringLiteral("UTF-16");
        QTest::newRow("utf16be bom") << QByteArray("\xFE\xFF\0a\0,\0b", 8) << QStringLiteral("UTF-16");
        QTest::newRow("utf16 no bom") << QByteArray("a\0,\0b\0\n\0x\0,\0y\0\n\0", 16) << QStringLiteral("UTF-16");
    }
    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QString error;
        const QString path = writeTemp(m_dir, QStringLiteral("refuse.csv"), bytes);
        auto src = openDataSource(path, {}, {}, &error);
        QVERIFY(!src);
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
    void sparseZerosRefusedQuickly()
    {
        const QString path = m_dir.filePath(QStringLiteral("zeros.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(qint64(2) << 30)); // sparse: no disk blocks, 2 GiB of zeros
        f.close();
        QString error;
        QElapsedTimer t;
        t.start();
        QVERIFY(!openDataSource(path, {}, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("binary data")), qPrintable(error));
        QVERIFY(t.elapsed() < 5000);
        QFile::remove(path);
    }
    void fileErrors()
    {
        QString error;
        const QString missing = m_dir.filePath(QStringLiteral("nope.csv"));
        QVERIFY(!openDataSource(missing, {}, {}, &error));
        QCOMPARE(error, missing + QStringLiteral(": not found"));
        QVERIFY(!openDataSource(m_dir.path(), {}, {}, &error));
        QCOMPARE(error, m_dir.path() + QStringLiteral(": is a directory"));
        const QString locked = writeTemp(m_dir, QStringLiteral("locked.csv"), "a\n1\n");
        QFile::setPermissions(locked, QFileDevice::Permissions());
        if (::access(locked.toLocal8Bit().constData(), R_OK) == 0) QSKIP("running as root: permissions are not enforced");
        QVERIFY(!openDataSource(locked, {}, {}, &error));
        QVERIFY2(error.startsWith(locked + QStringLiteral(": cannot be read")), qPrintable(error));
    }
    void headerErrorNamesLineAndColumn()
    {
        SourceOptions o;
        o.header = SourceOptions::Header::Yes;
        QString error;
        const QString path = writeTemp(m_dir, QStringLiteral("badheader.csv"), "\nname,\"oops\n1,2\n");
        QVERIFY(!openDataSource(path, o, {}, &error));
        QCOMPARE(error, path + QStringLiteral(": line 2, column 6: unterminated quoted field in the header"));
    }
    void cancelAndProgress()
    {
        const QString path = writeTemp(m_dir, QStringLiteral("p.csv"), "a,b\n1,2\n3,4\n");
        std::atomic<bool> cancel{true};
        OpenControl c;
        c.cancel = &cancel;
        QString error;
        QVERIFY(!openDataSource(path, {}, c, &error));
        QCOMPARE(error, path + QStringLiteral(": cancelled"));
        cancel = false;
        std::int64_t lastDone = -1, lastTotal = -1;
        c.progress = [&](std::int64_t done, std::int64_t total) {
            lastDone = done;
            lastTotal = total;
        };
        QVERIFY(openDataSource(path, {}, c, &error));
        QCOMPARE(lastDone, 12);
        QCOMPARE(lastTotal, 12);
    }
    void formatOverride()
    {
        SourceOptions o;
        o.format = SourceFormat::Csv;
        auto src = openBytes(m_dir, "[x],y\n1,2\n", o);
        QVERIFY(src);
        QCOMPARE(src->schema().columns[0].name, QStringLiteral("[x]"));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
