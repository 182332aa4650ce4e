// ConvertAnalysis: CSV/JSON Lines/JSON array output that parses back, typed or exact texts,
// headerless data, identical bytes for every chunking.
#include "analysis/analysisregistry.h"
#include "analysistestkit.h"
#include "csvtext.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sf;
using sf::test::TestRow;
using sf::test::kPeople;
using sf::test::readAll;

class TestConvert : public QObject {
    Q_OBJECT

    std::shared_ptr<Analysis> make(const AnalysisOptions &o, const Schema &schema,
                                   QString *error = nullptr) {
        QString message;
        std::shared_ptr<Analysis> a = createAnalysis(QStringLiteral("convert"), o, &message);
        if (a && !a->prepare(schema, &message)) a.reset();
        if (error) *error = message;
        return a;
    }

    // Converts people.csv (read with `read`) at several chunkings; checks the bytes agree.
    QByteArray convertPeople(const QString &out, const SourceOptions &read, AnalysisOptions o) {
        auto source = test::openForTest(kPeople, read);
        if (!source) return "<no source>";
        o.outputPath = out;
        QString error;
        auto a = make(o, source->schema(), &error);
        if (!a) return error.toUtf8();
        QByteArray first;
        for (const auto &[chunk, workers] : {std::pair{1000, 1}, {1, 3}, {2, 2}}) {
            const JobOutcome r = test::runJob(a, source, chunk, workers);
            if (r.status != JobOutcome::Status::Done) return r.error.toUtf8();
            if (r.result.json[QStringLiteral("written")].toInteger() != 5) return "<wrong count>";
            const QByteArray bytes = readAll(out);
            if (!first.isEmpty() && bytes != first) return "<differs by chunking>";
            first = bytes;
        }
        return first;
    }

private Q_SLOTS:
    void csvRoundTrip() {
        QTemporaryDir dir;
        const QByteArray bytes = convertPeople(dir.filePath(QStringLiteral("p.csv")), {}, {});
        test::CsvRows written, original;
        QVERIFY2(test::parseCsvText(bytes, &written), bytes.constData());
        QVERIFY(test::readCsvFile(kPeople, &original));
        QCOMPARE(written, original);
    }

    void jsonLinesTyped() {
        QTemporaryDir dir;
        const QByteArray bytes = convertPeople(dir.filePath(QStringLiteral("p.jsonl")), {}, {});
        const QList<QByteArray> lines = bytes.split('\n');
        QCOMPARE(lines.size(), 6);
        for (int i = 0; i < 5; ++i) {
            QJsonParseError e;
            QJsonDocument::fromJson(lines[i], &e);
            QVERIFY2(e.error == QJsonParseError::NoError, lines[i].constData());
        }
        QCOMPARE(
            lines[0],
            QByteArray(
                R"({"id":1,"name":"Smith, Ann","score":9.5,"active":true,"joined":"2020-01-02"})"));
        QCOMPARE(lines[2], QByteArray("{\"id\":3,\"name\":\"multi\\nline\",\"score\":null,"
                                      "\"active\":true,\"joined\":\"2019-12-31\"}"));
    }

    void jsonArrayParses() {
        QTemporaryDir dir;
        const QByteArray bytes = convertPeople(dir.filePath(QStringLiteral("p.json")), {}, {});
        QJsonParseError e;
        const QJsonArray rows = QJsonDocument::fromJson(bytes, &e).array();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[3][QStringLiteral("active")], QJsonValue(QJsonValue::Null));
        QCOMPARE(rows[4][QStringLiteral("name")].toString(), QStringLiteral("Édith"));
        QCOMPARE(rows[1][QStringLiteral("id")].toInteger(), 2);
    }

    void allStringsKeepsExactTexts() {
        QTemporaryDir dir;
        SourceOptions read;
        read.allStrings = true;
        AnalysisOptions o;
        o.allStrings = true;
        const QByteArray bytes = convertPeople(dir.filePath(QStringLiteral("p.jsonl")), read, o);
        const QList<QByteArray> lines = bytes.split('\n');
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[2], QByteArray("{\"id\":\"3\",\"name\":\"multi\\nline\",\"score\":\"\","
                                      "\"active\":\"true\",\"joined\":\"2019-12-31\"}"));
        QCOMPARE(
            lines[4],
            QByteArray("{\"id\":\"5\",\"name\":\"\xc3\x89"
                       "dith\",\"score\":\"10\",\"active\":\"false\",\"joined\":\"2020-06-30\"}"));
    }

    void headerlessGivesArrays() {
        QTemporaryDir dir;
        SourceOptions read;
        read.header = SourceOptions::Header::No;
        AnalysisOptions o;
        o.headerless = true;
        const QString out = dir.filePath(QStringLiteral("p.jsonl"));
        auto source = test::openForTest(kPeople, read);
        QVERIFY(source);
        o.outputPath = out;
        auto a = make(o, source->schema());
        QVERIFY(a);
        const JobOutcome r = test::runJob(a, source, 2, 2);
        QVERIFY2(r.status == JobOutcome::Status::Done, qPrintable(r.error));
        QCOMPARE(r.result.json[QStringLiteral("written")].toInteger(),
                 6); // the header is a row now
        const QList<QByteArray> lines = readAll(out).split('\n');
        QCOMPARE(lines[0], QByteArray(R"(["id","name","score","active","joined"])"));
        QCOMPARE(lines[2],
                 QByteArray("[\"2\",\"Bob \\\"the\\\" builder\",\"7\",\"false\",\"2021-03-04\"]"));
    }

    void unitEscapesAndEmpty() {
        // Control characters (NUL included) escaped; a converted empty dataset is a valid empty
        // array.
        const Schema schema =
            test::makeSchema({{"s", ColumnType::String}, {"d", ColumnType::Double}});
        std::vector<TestRow> data{{std::string("a\tb\x01", 5), "nan"}, {"q\"\\", "1e300"}};
        QTemporaryDir dir;
        AnalysisOptions o;
        o.outputPath = dir.filePath(QStringLiteral("u.json"));
        auto a = make(o, schema);
        QVERIFY(a);
        test::runChunked(*a, data, 1);
        QCOMPARE(readAll(o.outputPath), QByteArray("[{\"s\":\"a\\tb\\u0001\\u0000\",\"d\":null},\n{"
                                                   "\"s\":\"q\\\"\\\\\",\"d\":1e+300}\n]\n"));
        test::runChunked(*a, {}, 1);
        QCOMPARE(readAll(o.outputPath), QByteArray("[\n]\n"));
        QJsonParseError e;
        QJsonDocument::fromJson(readAll(o.outputPath), &e);
        QCOMPARE(e.error, QJsonParseError::NoError);
    }

    void errors() {
        QString error;
        QVERIFY(!make({}, {}, &error));
        QCOMPARE(error, QStringLiteral("convert needs --output (a .csv, .jsonl or .json file)"));
        AnalysisOptions o;
        o.outputPath = QStringLiteral("x.parquet");
        QVERIFY(!make(o, {}, &error));
        QCOMPARE(error, QStringLiteral("convert: cannot tell the format of output 'x.parquet' (use "
                                       ".csv, .jsonl or .json)"));
        QTemporaryDir dir;
        o.outputPath = dir.path();
        o.outputPath += QStringLiteral("/sub.csv");
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub.csv")));
        QVERIFY(!make(o, {}, &error));
        QCOMPARE(error, QStringLiteral("cannot write %1: it is a directory").arg(o.outputPath));
    }
};

QTEST_GUILESS_MAIN(TestConvert)
#include "tst_convert.moc"
