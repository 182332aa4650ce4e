// JSON Lines and JSON array sources: schema, field texts, rejects with positions, index
// rejects, and chunked reads equal to one sequential read.
#include "data/jsonrecordparser.h"
#include "data/jsonsource.h"
#include "data/mappedfile.h"
#include "tst_jsonsupport.h"
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace sf;
using namespace sf::test;

class TestJsonSource : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<DataSource> open(const QString &path, const SourceOptions &options = {},
                                     SourceFormat format = SourceFormat::Auto, QString *error = nullptr)
    {
        QString localError;
        QString *err = error ? error : &localError;
        auto file = MappedFile::open(path, OpenControl{}, err);
        if (!file) return nullptr;
        return openJsonSource(std::move(file), format, options, OpenControl{}, err);
    }
    QString write(const char *name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QString::fromUtf8(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) return {};
        f.write(bytes);
        return path;
    }
    static QStringList names(const Schema &s)
    {
        QStringList out;
        for (const Column &c : s.columns) out << c.name;
        return out;
    }
    static QStringList list(std::initializer_list<const char *> items)
    {
        QStringList out;
        for (const char *item : items) out << QString::fromUtf8(item);
        return out;
    }
    static int col(const Schema &s, const char *name) { return s.indexOf(QString::fromUtf8(name)); }
    static QByteArray field(const ReadRow &r, const Schema &s, const char *name)
    {
        return r.fields.value(col(s, name));
    }
    static bool isNull(const ReadRow &r, const Schema &s, const char *name)
    {
        return r.nulls.value(col(s, name), false);
    }

    // Records with nesting, escapes, blank lines and bad records sprinkled in.
    static QByteArray generatedRecord(int i)
    {
        if (i % 97 == 13) return QByteArrayLiteral("{\"i\": ") + QByteArray::number(i) + ", \"s\": oops}";
        if (i % 130 == 7) return QByteArrayLiteral("[\"not\", \"an object\"]");
        QByteArray r = "{\"i\": " + QByteArray::number(i) + ", \"s\": \"str\\u00e9 \\\"" + QByteArray::number(i)
            + "\\\"\", \"n\": {\"a\": " + QByteArray::number(i * 0.5) + "}, \"arr\": [" + QByteArray::number(i)
            + ", \"]\"]";
        if (i % 3 == 0) r += ", \"opt\": null";
        if (i % 5 == 0) r += ", \"b\": true";
        return r + "}";
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // fuzz_json: a JsonRecordParser built outside the engine library (the fuzz target, here a
    // test) overflowed its own stack object, because simdjson's SIMDJSON_THREADS_ENABLED was a
    // private definition of the engine and the embedded simdjson parser had another layout.
    void recordParserOutsideTheEngine()
    {
        JsonRecordParser parser(true, nullptr);
        parser.setColumns({QStringLiteral("a"), QStringLiteral("b.c")});
        QVERIFY(parser.parse(R"({"a": 1, "b": {"c": "x\ny"}})"));
        QCOMPARE(parser.fields().size(), std::size_t(2));
        QCOMPARE(parser.fields()[0], std::string_view("1"));
        QCOMPARE(parser.fields()[1], std::string_view("x\ny"));
        QVERIFY(!parser.parse(R"({"a": })"));
        QCOMPARE(parser.failure(), JsonRecordParser::Failure::Syntax);
    }

    void jsonLinesSchemaAndValues()
    {
        QString error;
        auto src = open(QStringLiteral(SF_TEST_DATA_DIR "/json/people.jsonl"), {}, SourceFormat::Auto, &error);
        QVERIFY2(src, qPrintable(error));
        QCOMPARE(src->info().format, SourceFormat::JsonLines);
        QCOMPARE(src->rowCount(), 7);
        const Schema &s = src->schema();
        QCOMPARE(names(s), (list({"id", "name", "addr.city", "addr.geo.lat", "addr.geo.lon", "tags",
                                        "active", "score", "addr", "extra.deep"})));
        QCOMPARE(s.columns[col(s, "id")].type, ColumnType::Int64);
        QCOMPARE(s.columns[col(s, "id")].nullable, false);
        QCOMPARE(s.columns[col(s, "name")].type, ColumnType::String);
        QCOMPARE(s.columns[col(s, "name")].nullable, true);
        QCOMPARE(s.columns[col(s, "addr.geo.lat")].type, ColumnType::Double);
        QCOMPARE(s.columns[col(s, "active")].type, ColumnType::Bool);
        QCOMPARE(s.columns[col(s, "score")].type, ColumnType::Double);
        QCOMPARE(s.columns[col(s, "tags")].type, ColumnType::String);

        const ReadResult all = readAll(*src);
        QCOMPARE(all.rowsConsumed, 7);
        QCOMPARE(all.rows.size(), 5);
        const ReadRow &ann = all.rows[0];
        QCOMPARE(ann.row, 0);
        QCOMPARE(ann.line, 1);
        QCOMPARE(ann.offset, 0);
        QCOMPARE(field(ann, s, "addr.city"), QByteArray("Oslo"));
        QCOMPARE(field(ann, s, "addr.geo.lon"), QByteArray("10.75"));
        QCOMPARE(field(ann, s, "tags"), QByteArray("[\"a\", \"b\"]"));
        QCOMPARE(field(ann, s, "active"), QByteArray("true"));
        QVERIFY(isNull(ann, s, "score")); // key absent
        QVERIFY(ann.raw.startsWith("{\"id\": 1,") && ann.raw.endsWith("true}"));

        const ReadRow &bjorn = all.rows[1];
        QCOMPARE(bjorn.line, 2);
        QCOMPARE(field(bjorn, s, "name"), QByteArray("Bj\xc3\xb8rn \"B\""));
        QCOMPARE(field(bjorn, s, "tags"), QByteArray("[]"));
        QCOMPARE(field(bjorn, s, "active"), QByteArray("false"));
        QVERIFY(isNull(bjorn, s, "score")); // JSON null
        QCOMPARE(field(bjorn, s, "score"), QByteArray());

        const ReadRow &smile = all.rows[2];
        QCOMPARE(smile.row, 2);
        QCOMPARE(smile.line, 4); // the blank line 3 counts as a line, not a record
        QCOMPARE(field(smile, s, "name"), QByteArray("\xf0\x9f\x98\x80 smile"));
        QCOMPARE(field(smile, s, "score"), QByteArray("1.5e3")); // raw number text
        QVERIFY(isNull(smile, s, "active"));

        const ReadRow &deep = all.rows[3];
        QCOMPARE(deep.row, 4);
        QCOMPARE(field(deep, s, "extra.deep"), QByteArray("[1, {\"x\": 2}]"));
        QVERIFY(isNull(deep, s, "addr"));
        QVERIFY(isNull(deep, s, "name"));

        QCOMPARE(field(all.rows[4], s, "name"), QByteArray("tab\tand\nnewline"));
        QCOMPARE(field(all.rows[4], s, "score"), QByteArray("-0.25"));

        QCOMPARE(all.rejects.size(), 2);
        QCOMPARE(all.rejects[0].row, 3);
        QCOMPARE(all.rejects[0].line, 5);
        QCOMPARE(all.rejects[0].column, 38);
        QVERIFY2(all.rejects[0].reason.startsWith(QLatin1String("invalid JSON at line 5, column 38: ")),
                 qPrintable(all.rejects[0].reason));
        QCOMPARE(all.rejects[0].raw, QByteArray("{\"id\": 4, \"name\": \"broken\", \"score\": 12abc}"));
        QCOMPARE(all.rejects[1].row, 5);
        QCOMPARE(all.rejects[1].line, 7);
        QCOMPARE(all.rejects[1].column, 1);
        QCOMPARE(all.rejects[1].reason, QStringLiteral("record is not a JSON object (found an array)"));
    }

    void jsonLinesUnflattened()
    {
        SourceOptions options;
        options.flattenJson = false;
        auto src = open(QStringLiteral(SF_TEST_DATA_DIR "/json/people.jsonl"), options);
        QVERIFY(src);
        const Schema &s = src->schema();
        QCOMPARE(names(s), (list({"id", "name", "addr", "tags", "active", "score", "extra"})));
        const ReadResult all = readAll(*src);
        QCOMPARE(field(all.rows[0], s, "addr"),
                 QByteArray("{\"city\": \"Oslo\", \"geo\": {\"lat\": 59.9, \"lon\": 10.75}}"));
        QCOMPARE(field(all.rows[3], s, "extra"), QByteArray("{\"deep\": [1, {\"x\": 2}]}"));
    }

    void jsonArrayFile()
    {
        QString error;
        auto src = open(QStringLiteral(SF_TEST_DATA_DIR "/json/people.json"), {}, SourceFormat::Auto, &error);
        QVERIFY2(src, qPrintable(error));
        QCOMPARE(src->info().format, SourceFormat::JsonArray);
        QCOMPARE(src->rowCount(), 6);
        QVERIFY(src->indexRejects().isEmpty());
        const Schema &s = src->schema();
        QCOMPARE(names(s), (list({"id", "name", "addr.city", "tags"})));
        const ReadResult all = readAll(*src);
        QCOMPARE(all.rows.size(), 3);
        QCOMPARE(all.rows[0].line, 2);
        QCOMPARE(all.rows[0].offset, 4);
        QCOMPARE(field(all.rows[0], s, "addr.city"), QByteArray("Oslo"));
        QCOMPARE(all.rows[1].line, 4);
        QCOMPARE(field(all.rows[1], s, "name"), QByteArray("B\xc3\xa9" "a"));
        QCOMPARE(field(all.rows[1], s, "tags"), QByteArray("[1, [2, \"]\"]]"));
        QCOMPARE(all.rows[2].row, 5);
        QCOMPARE(all.rows[2].line, 9);
        QCOMPARE(field(all.rows[2], s, "name"), QByteArray("comma, \"quoted\" ]"));

        QCOMPARE(all.rejects.size(), 3);
        QCOMPARE(all.rejects[0].row, 2);
        QCOMPARE(all.rejects[0].line, 5);
        QCOMPARE(all.rejects[0].column, 33);
        QCOMPARE(all.rejects[0].reason, QStringLiteral("invalid JSON at line 5, column 33: Problem "
                                                      "while parsing an atom starting with the letter 't'"));
        QCOMPARE(all.rejects[1].reason, QStringLiteral("record is not a JSON object (found a string)"));
        QCOMPARE(all.rejects[1].line, 6);
        QCOMPARE(all.rejects[1].column, 3);
        // A record spanning lines: the error is on the element's second line.
        QCOMPARE(all.rejects[2].row, 4);
        QCOMPARE(all.rejects[2].line, 8);
        QCOMPARE(all.rejects[2].column, 9);
        QCOMPARE(all.rejects[2].reason,
                 QStringLiteral("invalid JSON at line 8, column 9: Problem while parsing a number"));
        QCOMPARE(all.rejects[2].raw, QByteArray("{\"id\": 6,\n   \"v\": 01}"));
    }

    // fuzz_json: in a JSON array, a LF right after a backslash inside a string (invalid JSON)
    // was skipped as the escaped byte without being counted, so every later record and reject
    // got a line number one too low.
    void arrayEscapedLineEndCountsAsLine()
    {
        auto src = open(write(
            "esc.json", "[{\"a\": \"x\\\n\"},\n{\"a\": 2},\n{\"a\": \"y\\\n\"}, {\"a\": 3}\n"));
        QVERIFY(src);
        QCOMPARE(src->rowCount(), 4);
        const ReadResult all = readAll(*src);
        QCOMPARE(all.rows.size(), 2);
        QCOMPARE(all.rows[0].row, 1);
        QCOMPARE(all.rows[0].line, 3);
        QCOMPARE(all.rows[1].row, 3);
        QCOMPARE(all.rows[1].line, 5);
        QCOMPARE(all.rejects.size(), 2);
        QCOMPARE(all.rejects[0].row, 0);
        QCOMPARE(all.rejects[0].line, 1);
        QCOMPARE(all.rejects[1].row, 2);
        QCOMPARE(all.rejects[1].line, 4);
        QCOMPARE(src->indexRejects().size(), 1);
        QCOMPARE(src->indexRejects().front().line, 6); // the missing ']' at the end, on line 6
        for (qint64 step : {1, 2, 3}) {
            const ReadResult chunked = readChunked(*src, step);
            QCOMPARE(chunked.rows, all.rows);
        }
    }

    void arrayIndexRejects()
    {
        auto unterminated = open(write("u.json", "[{\"a\": 1}, {\"b\": \"oops"));
        QVERIFY(unterminated);
        QCOMPARE(unterminated->rowCount(), 1);
        QCOMPARE(unterminated->indexRejects().size(), 1);
        const RejectedRecord r = unterminated->indexRejects().front();
        QCOMPARE(r.reason, QStringLiteral("unterminated string"));
        QCOMPARE(r.line, 1);
        QCOMPARE(r.column, 18);
        QCOMPARE(r.row, -1);

        auto unclosed = open(write("c.json", "[{\"a\": 1},\n {\"a\": 2}\n"));
        QVERIFY(unclosed);
        QCOMPARE(unclosed->rowCount(), 2);
        QCOMPARE(unclosed->indexRejects().size(), 1);
        QCOMPARE(unclosed->indexRejects().front().line, 3);
        QCOMPARE(unclosed->indexRejects().front().reason,
                 QStringLiteral("unexpected end of data: the array is not closed with ']'"));
        QCOMPARE(readAll(*unclosed).rows.size(), 2);

        auto trailing = open(write("t.json", "[{\"a\": 1}] x"));
        QVERIFY(trailing);
        QCOMPARE(trailing->rowCount(), 1);
        QCOMPARE(trailing->indexRejects().front().reason,
                 QStringLiteral("unexpected content after the end of the array"));
        QCOMPARE(trailing->indexRejects().front().column, 12);

        auto empty = open(write("e.json", " [ ] \n"));
        QVERIFY(empty);
        QCOMPARE(empty->rowCount(), 0);
        QVERIFY(empty->indexRejects().isEmpty());

        auto trailingComma = open(write("tc.json", "[{\"a\": 1},]"));
        QVERIFY(trailingComma);
        QCOMPARE(trailingComma->rowCount(), 2);
        const ReadResult tc = readAll(*trailingComma);
        QCOMPARE(tc.rows.size(), 1);
        QCOMPARE(tc.rejects.size(), 1);
        QCOMPARE(tc.rejects[0].reason, QStringLiteral("invalid JSON at line 1, column 11: empty record"));

        QString error;
        QVERIFY(!open(write("na.json", "{\"a\": 1}"), {}, SourceFormat::JsonArray, &error));
        QCOMPARE(error, m_dir.filePath(QStringLiteral("na.json")) + QStringLiteral(": not a JSON array: expected '[' at line 1"));
    }

    void lineRejects()
    {
        auto src = open(write("bad.jsonl", "{\"a\": \"ok\"}\n{\"a\": \"x\xff\"}\n{\"a\": 1} {\"b\": 2}\r\n"
                                           "{\"a\": \"\\u12\"}\n{\"a\": [1, 2,]}\n{\"a\": nul}\n"));
        QVERIFY(src);
        QCOMPARE(src->rowCount(), 6);
        QCOMPARE(src->info().lineEnding, QStringLiteral("LF"));
        const ReadResult all = readAll(*src);
        QCOMPARE(all.rows.size(), 1);
        QCOMPARE(all.rejects.size(), 5);
        QCOMPARE(all.rejects[0].reason, QStringLiteral("invalid UTF-8 at line 2, column 9"));
        QCOMPARE(all.rejects[0].offset, 12 + 8);
        QCOMPARE(all.rejects[1].reason,
                 QStringLiteral("invalid JSON at line 3, column 10: unexpected content after the object"));
        QCOMPARE(all.rejects[1].raw, QByteArray("{\"a\": 1} {\"b\": 2}")); // no CR
        QCOMPARE(all.rejects[2].reason,
                 QStringLiteral("invalid JSON at line 4, column 7: Problem while parsing a string"));
        QCOMPARE(all.rejects[3].reason,
                 QStringLiteral("invalid JSON at line 5, column 13: The JSON document has an improper "
                                "structure: missing or superfluous commas, braces, missing keys, etc."));
        QCOMPARE(all.rejects[4].reason,
                 QStringLiteral("invalid JSON at line 6, column 7: Problem while parsing an atom "
                                "starting with the letter 'n'"));
        for (int i = 2; i < 5; ++i) QCOMPARE(all.rejects[i].row, i + 1);
    }

    void strictTypesAndNullTokens()
    {
        const QString path = write("typed.jsonl", "{\"a\": 1, \"s\": \"NA\"}\n{\"a\": 2, \"s\": \"x\"}\n"
                                                  "{\"a\": \"three\", \"s\": \"y\"}\n");
        SourceOptions options;
        options.inferenceSampleRows = 2;
        options.strictTypes = true;
        auto strict = open(path, options);
        QVERIFY(strict);
        QCOMPARE(strict->schema().columns[0].type, ColumnType::Int64);
        const ReadResult all = readAll(*strict);
        QCOMPARE(all.rows.size(), 2);
        QCOMPARE(all.rows[0].fields[1], QByteArray("NA")); // JSON strings are not null by default
        QCOMPARE(all.rejects.size(), 1);
        QCOMPARE(all.rejects[0].reason, QStringLiteral("column 'a': expected int64, found 'three'"));
        QCOMPARE(all.rejects[0].line, 3);

        SourceOptions nulls;
        nulls.nullValues = QStringList{QStringLiteral("NA")};
        auto withNulls = open(path, nulls);
        QVERIFY(withNulls);
        QCOMPARE(withNulls->schema().columns[0].type, ColumnType::String);
        QVERIFY(withNulls->schema().columns[1].nullable);
        QVERIFY(readAll(*withNulls).rows[0].nulls[1]);
    }

    void emptyAndBlankFiles()
    {
        auto empty = open(write("empty.jsonl", ""));
        QVERIFY(empty);
        QCOMPARE(empty->rowCount(), 0);
        QCOMPARE(empty->schema().size(), 0);
        QCOMPARE(readAll(*empty).rows.size(), 0);
        auto blank = open(write("blank.jsonl", "\n  \n\t\r\n"));
        QVERIFY(blank);
        QCOMPARE(blank->rowCount(), 0);
        auto bom = open(write("bom.jsonl", "\xEF\xBB\xBF{\"a\": 1}\r\n{\"a\": 2}\r\n"));
        QVERIFY(bom);
        QVERIFY(bom->info().bom);
        QCOMPARE(bom->info().lineEnding, QStringLiteral("CRLF"));
        const ReadResult all = readAll(*bom);
        QCOMPARE(all.rows.size(), 2);
        QCOMPARE(all.rows[0].offset, 3);
        QCOMPARE(all.rows[1].fields[0], QByteArray("2"));
    }

    void chunkedEqualsSequential_data()
    {
        QTest::addColumn<bool>("array");
        QTest::newRow("jsonl") << false;
        QTest::newRow("array") << true;
    }
    void chunkedEqualsSequential()
    {
        QFETCH(bool, array);
        QByteArray text = array ? "[\n" : "";
        const int n = 1000;
        for (int i = 0; i < n; ++i) {
            text += generatedRecord(i);
            if (array && i + 1 < n) text += i % 4 == 0 ? ",\n  " : ", ";
            if (!array) text += i % 50 == 49 ? "\n\n" : "\n";
        }
        if (array) text += "\n]\n";
        auto src = open(write(array ? "gen.json" : "gen.jsonl", text));
        QVERIFY(src);
        QCOMPARE(src->rowCount(), n);
        QCOMPARE(qsizetype(src->index().checkpoints.size()), (n + 127) / 128);
        QCOMPARE(col(src->schema(), "n.a"), 2);
        const ReadResult all = readAll(*src);
        QCOMPARE(all.rowsConsumed, n);
        QCOMPARE(all.rejects.size(), 11 + 8); // i%97==13 and i%130==7
        QCOMPARE(all.rows.size() + all.rejects.size(), n);
        for (qint64 chunk : {1, 2, 3, 128, 129, n}) {
            const QString diff = compareResults(all, readChunked(*src, chunk));
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("chunk %1: %2").arg(chunk).arg(diff)));
        }

        // Two threads reading halves at once see what one sequential read sees.
        ReadResult first, second;
        std::thread t1([&] { readRange(*src, 0, 500, &first); });
        std::thread t2([&] { readRange(*src, 500, 500, &second); });
        t1.join();
        t2.join();
        first.rows += second.rows;
        first.rejects += second.rejects;
        first.rowsConsumed += second.rowsConsumed;
        QVERIFY(compareResults(all, first).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonSource)
#include "tst_jsonsource.moc"
