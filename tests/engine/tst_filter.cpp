// FilterAnalysis: counts, displayed rows, matching rows written in original order (CSV that
// parses back, JSON Lines), atomic output and errors.
#include "analysis/analysisregistry.h"
#include "analysis/filteranalysis.h"
#include "analysistestkit.h"
#include "csvtext.h"
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sf;
using sf::test::TestRow;
using sf::test::kPeople;
using sf::test::readAll;

class TestFilter : public QObject {
    Q_OBJECT

    Schema m_schema = test::makeSchema({{"k", ColumnType::Int64}, {"text", ColumnType::String}});
    std::vector<TestRow> rows(int n) {
        std::vector<TestRow> out;
        for (int i = 0; i < n; ++i)
            out.push_back({std::to_string(i),
                           i % 3 == 0 ? std::optional<std::string>() : "t" + std::to_string(i)});
        return out;
    }

    std::shared_ptr<Analysis> make(const QString &where, const QString &output,
                                   const Schema &schema, QString *error = nullptr) {
        AnalysisOptions o;
        o.where = where;
        o.outputPath = output;
        QString message;
        std::shared_ptr<Analysis> a = createAnalysis(QStringLiteral("filter"), o, &message);
        if (a && !a->prepare(schema, &message)) a.reset();
        if (error) *error = message;
        return a;
    }

private Q_SLOTS:
    void countsAndShowsFirstRows() {
        auto a = make(QStringLiteral("k % 2 = 0 and text is not null"), QString(), m_schema);
        QVERIFY(a);
        const auto data = rows(3000);
        const AnalysisResult r = test::runChunked(*a, data, 7);
        // Even k not divisible by 3: 1500 evens minus 500 multiples of 6.
        QCOMPARE(r.json[QStringLiteral("matched")].toInteger(), 1000);
        QCOMPARE(r.table.columns, QStringList({QStringLiteral("k"), QStringLiteral("text")}));
        QCOMPARE(r.table.rowCount(), FilterAnalysis::kShownRows);
        QCOMPARE(r.table.cell(0, 0).toLongLong(), 2);
        QCOMPARE(r.table.cell(1, 0).toLongLong(), 4);
        QCOMPARE(r.table.cell(2, 0).toLongLong(), 8);
        QCOMPARE(r.table.cell(999, 1).toString(), QStringLiteral("t2998"));
        QVERIFY(!r.json.contains(QStringLiteral("output")));
    }

    void writesCsvInOrderForAnyChunking() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        auto a = make(QStringLiteral("k >= 10 and k < 20"), out, m_schema);
        QVERIFY(a);
        const auto data = rows(50);
        QByteArray first;
        for (std::int64_t chunk : {50, 1, 3, 7}) {
            const AnalysisResult r = test::runChunked(*a, data, chunk);
            QCOMPARE(r.json[QStringLiteral("matched")].toInteger(), 10);
            const QByteArray bytes = readAll(out);
            if (first.isEmpty()) first = bytes;
            QCOMPARE(bytes, first);
        }
        QCOMPARE(
            first,
            QByteArray(
                "k,text\n10,t10\n11,t11\n12,\n13,t13\n14,t14\n15,\n16,t16\n17,t17\n18,\n19,t19\n"));
    }

    void realRunCsvParsesBack() {
        auto source = test::openForTest(kPeople);
        QVERIFY(source);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("kept.csv"));
        QString error;
        auto a = make(QStringLiteral("score >= 8 or name contains 'line'"), out, source->schema(),
                      &error);
        QVERIFY2(a, qPrintable(error));
        QByteArray first;
        for (const auto &[chunk, workers] : {std::pair{100, 1}, {1, 3}, {2, 2}}) {
            const JobOutcome o = test::runJob(a, source, chunk, workers);
            QVERIFY2(o.status == JobOutcome::Status::Done, qPrintable(o.error));
            QCOMPARE(o.result.json[QStringLiteral("matched")].toInteger(), 4);
            const QByteArray bytes = readAll(out);
            if (first.isEmpty()) first = bytes;
            QCOMPARE(bytes, first);
        }
        test::CsvRows parsed;
        QVERIFY(test::parseCsvText(first, &parsed));
        QCOMPARE(parsed.size(), 5);
        QCOMPARE(parsed[0], QList<QByteArray>({"id", "name", "score", "active", "joined"}));
        QCOMPARE(parsed[1], QList<QByteArray>({"1", "Smith, Ann", "9.5", "true", "2020-01-02"}));
        QCOMPARE(parsed[2], QList<QByteArray>({"3", "multi\nline", "", "true", "2019-12-31"}));
        QCOMPARE(parsed[3], QList<QByteArray>({"4", "Dee", "8.25", "", "2022-01-01"}));
        QCOMPARE(parsed[4], QList<QByteArray>({"5",
                                               "\xc3\x89"
                                               "dith",
                                               "10", "false", "2020-06-30"}));
    }

    void realRunJsonLinesTyped() {
        auto source = test::openForTest(kPeople);
        QVERIFY(source);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("kept.jsonl"));
        auto a = make(QStringLiteral("not active"), out, source->schema());
        QVERIFY(a);
        const JobOutcome o = test::runJob(a, source, 2, 2);
        QVERIFY2(o.status == JobOutcome::Status::Done, qPrintable(o.error));
        // Row 4 has a null `active`: a null bool is false, so `not active` keeps it.
        QCOMPARE(o.result.json[QStringLiteral("matched")].toInteger(), 3);
        const QList<QByteArray> lines = readAll(out).split('\n');
        QCOMPARE(lines.size(), 4); // three rows and the empty tail after the last newline
        QCOMPARE(lines[0],
                 QByteArray("{\"id\":2,\"name\":\"Bob \\\"the\\\" "
                            "builder\",\"score\":7,\"active\":false,\"joined\":\"2021-03-04\"}"));
        QCOMPARE(lines[1],
                 QByteArray(
                     R"({"id":4,"name":"Dee","score":8.25,"active":null,"joined":"2022-01-01"})"));
        QJsonParseError pe;
        const QJsonObject last = QJsonDocument::fromJson(lines[2], &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QCOMPARE(last[QStringLiteral("name")].toString(), QStringLiteral("Édith"));
        QCOMPARE(last[QStringLiteral("score")].toDouble(), 10.0);
        QVERIFY(lines[3].isEmpty());
    }

    void abandonLeavesNoFile() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("never.jsonl"));
        auto a = make(QStringLiteral("k > 1"), out, m_schema);
        QVERIFY(a);
        const auto data = rows(20);
        // Two chunks processed and merged (the file is open and written), then the run stops.
        std::unique_ptr<Partial> acc = a->createPartial();
        for (int c = 0; c < 2; ++c) {
            TaskSpec spec;
            spec.chunk = c;
            test::VectorRecordReader reader(data, c * 10, 10);
            test::TestTaskContext context(spec);
            TaskInput input{spec, &reader, context};
            std::unique_ptr<Partial> p = a->createPartial();
            a->process(*p, input);
            a->merge(*acc, *p);
        }
        a->abandon();
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
    }

    void noMatchesStillWritesHeader() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("none.csv"));
        auto a = make(QStringLiteral("k < 0"), out, m_schema);
        QVERIFY(a);
        QCOMPARE(test::runChunked(*a, rows(10), 3).json[QStringLiteral("matched")].toInteger(), 0);
        QCOMPARE(readAll(out), QByteArray("k,text\n"));
    }

    void errors() {
        QString error;
        QVERIFY(!make(QString(), QString(), m_schema, &error));
        QCOMPARE(error,
                 QStringLiteral("filter needs --where (an expression such as \"temp > 20\")"));
        QVERIFY(!make(QStringLiteral("k > 1"), QStringLiteral("out.txt"), m_schema, &error));
        QCOMPARE(error,
                 QStringLiteral("filter: cannot tell the format of output 'out.txt' (use .csv, "
                                ".jsonl or .json)"));
        QVERIFY(!make(QStringLiteral("(k > 1"), QString(), m_schema, &error));
        QCOMPARE(error, QStringLiteral("filter: expected ')' at position 7\n(k > 1\n      ^"));
        QVERIFY(!make(QStringLiteral("k > 1"), QStringLiteral("/nonexistent-dir/x.csv"), m_schema,
                      &error));
        QCOMPARE(error,
                 QStringLiteral("cannot write /nonexistent-dir/x.csv: folder /nonexistent-dir "
                                "does not exist"));
    }
};

QTEST_GUILESS_MAIN(TestFilter)
#include "tst_filter.moc"
