// GroupByAnalysis: exact aggregates, key order, nulls, errors, and the pandas reference on the
// weather sample through the real engine at several chunkings.
#include "analysis/analysisregistry.h"
#include "analysis/groupbyanalysis.h"
#include "export/resultdocument.h"
#include "analysistestkit.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace sf;
using sf::test::TestRow;

class TestGroupBy : public QObject {
    Q_OBJECT

    Schema m_schema = test::makeSchema(
        {{"city", ColumnType::String}, {"n", ColumnType::Int64}, {"v", ColumnType::Double}});
    std::vector<TestRow> m_rows{
        {"b", "10", "2"}, {"a", "2", "4"}, {std::nullopt, "1", "4"},
        {"b", "10", "4"}, {"a", "2", "5"}, {"b", std::nullopt, "5"},
        {"a", "3", "7"},  {"b", "1", "9"}, {"a", "-4", std::nullopt},
    };

    // A prepared group-by for `schema` (the rows above' by default); null with `error` set
    // when the options or the schema do not allow it.
    std::shared_ptr<Analysis> make(const QStringList &by, const QStringList &aggs,
                                   QString *error = nullptr, const Schema *schema = nullptr)
    {
        AnalysisOptions o;
        o.groupBy = by;
        o.aggregates = aggs;
        QString message;
        std::shared_ptr<Analysis> a = createAnalysis(QStringLiteral("groupby"), o, &message);
        if (a && !a->prepare(schema ? *schema : m_schema, &message)) a.reset();
        if (error) *error = message;
        return a;
    }

private Q_SLOTS:
    void exactValues()
    {
        auto a = make({QStringLiteral("city")},
                      {QStringLiteral("count"), QStringLiteral("sum:n"), QStringLiteral("mean:v"),
                       QStringLiteral("min:n"), QStringLiteral("max:v"), QStringLiteral("std:v"),
                       QStringLiteral("count:n")});
        QVERIFY(a);
        const AnalysisResult r = test::runChunked(*a, m_rows, 100);
        const QJsonArray groups = resultDocument(r)[QStringLiteral("groups")].toArray();
        QCOMPARE(groups.size(), 3);
        // Null key first, then strings bytewise.
        QCOMPARE(groups[0][QStringLiteral("key")][QStringLiteral("city")],
                 QJsonValue(QJsonValue::Null));
        QCOMPARE(groups[1][QStringLiteral("key")][QStringLiteral("city")].toString(),
                 QStringLiteral("a"));
        QCOMPARE(groups[2][QStringLiteral("key")][QStringLiteral("city")].toString(),
                 QStringLiteral("b"));
        const QJsonObject a1 = groups[1][QStringLiteral("values")].toObject();
        QCOMPARE(a1[QStringLiteral("count")].toInteger(), 4);
        QCOMPARE(a1[QStringLiteral("sum:n")].toInteger(), 3);
        QCOMPARE(a1[QStringLiteral("min:n")].toInteger(), -4);
        QCOMPARE(a1[QStringLiteral("mean:v")].toDouble(), 16.0 / 3);
        QCOMPARE(a1[QStringLiteral("max:v")].toDouble(), 7.0);
        QCOMPARE(a1[QStringLiteral("std:v")].toDouble(), std::sqrt(7.0 / 3)); // {4,5,7}
        QCOMPARE(a1[QStringLiteral("count:n")].toInteger(), 4);
        const QJsonObject b = groups[2][QStringLiteral("values")].toObject();
        QCOMPARE(b[QStringLiteral("count")].toInteger(), 4);
        QCOMPARE(b[QStringLiteral("count:n")].toInteger(), 3); // one null n
        QCOMPARE(b[QStringLiteral("sum:n")].toInteger(), 21);
        QCOMPARE(b[QStringLiteral("std:v")].toDouble(), std::sqrt(26.0 / 3)); // {2,4,5,9}
        // A group of one has no sample std.
        const QJsonObject nullGroup = groups[0][QStringLiteral("values")].toObject();
        QCOMPARE(nullGroup[QStringLiteral("std:v")], QJsonValue(QJsonValue::Null));
        // The table: key columns then one column per spec, as given.
        QCOMPARE(
            r.table.columns,
            QStringList({QStringLiteral("city"), QStringLiteral("count"), QStringLiteral("sum:n"),
                         QStringLiteral("mean:v"), QStringLiteral("min:n"), QStringLiteral("max:v"),
                         QStringLiteral("std:v"), QStringLiteral("count:n")}));
        QCOMPARE(r.table.rowCount(), 3);
        QVERIFY(!r.table.cell(0, 0).isValid());
        QCOMPARE(r.table.cell(2, 2).toLongLong(), 21);
    }

    void sameForAnyChunking()
    {
        auto a = make({QStringLiteral("city"), QStringLiteral("n")},
                      {QStringLiteral("count"), QStringLiteral("mean:v"), QStringLiteral("std:v")});
        QVERIFY(a);
        const QJsonObject reference = resultDocument(test::runChunked(*a, m_rows, 1000));
        for (std::int64_t chunk : {1, 2, 3, 4, 5, 8})
            QCOMPARE(resultDocument(test::runChunked(*a, m_rows, chunk)), reference);
    }

    // 1,000 groups whose values are split between chunks in every way: groups of one, two and
    // three values (a group's first two stay inline in a chunk, the third moves them into an
    // exact accumulator; merges meet every mix). {1e16, 1, -1e16} sums to 1 only when summed
    // exactly (left to right in doubles it is 0).
    void manyGroupsExactForAnyChunking()
    {
        const Schema schema =
            test::makeSchema({{"k", ColumnType::Int64}, {"v", ColumnType::Double}});
        std::vector<TestRow> rows;
        const char *values[3][3] = {
            {"1e16", "1", "-1e16"}, {"0.1", "0.2", nullptr}, {"7", nullptr, nullptr}};
        for (int pass = 0; pass < 3; ++pass)
            for (int k = 0; k < 1000; ++k) {
                const char *v = values[k % 3][pass];
                rows.push_back({std::to_string(k),
                                v ? std::optional<std::string>(v) : std::optional<std::string>()});
            }
        QString error;
        const std::shared_ptr<Analysis> a =
            make({QStringLiteral("k")},
                 {QStringLiteral("count"), QStringLiteral("count:v"), QStringLiteral("sum:v"),
                  QStringLiteral("mean:v"), QStringLiteral("std:v"), QStringLiteral("min:v")},
                 &error, &schema);
        QVERIFY2(a, qPrintable(error));
        const QJsonObject reference = resultDocument(test::runChunked(*a, rows, 3000));
        const QJsonArray groups = reference[QStringLiteral("groups")].toArray();
        QCOMPARE(groups.size(), 1000);
        for (int k = 0; k < 1000; ++k) {
            const QJsonObject g = groups[k].toObject();
            QCOMPARE(g[QStringLiteral("key")][QStringLiteral("k")].toInteger(), k);
            const QJsonObject v = g[QStringLiteral("values")].toObject();
            QCOMPARE(v[QStringLiteral("count")].toInteger(), 3);
            QCOMPARE(v[QStringLiteral("count:v")].toInteger(), 3 - k % 3);
            switch (k % 3) {
            case 0:
                QCOMPARE(v[QStringLiteral("sum:v")].toDouble(), 1.0);
                QCOMPARE(v[QStringLiteral("mean:v")].toDouble(), 1.0 / 3);
                QCOMPARE(v[QStringLiteral("min:v")].toDouble(), -1e16);
                break;
            case 1:
                QCOMPARE(v[QStringLiteral("sum:v")].toDouble(), 0.1 + 0.2);
                QCOMPARE(v[QStringLiteral("mean:v")].toDouble(), (0.1 + 0.2) / 2);
                QVERIFY(std::fabs(v[QStringLiteral("std:v")].toDouble() - 0.1 / std::sqrt(2.0)) <
                        1e-16);
                break;
            case 2:
                QCOMPARE(v[QStringLiteral("sum:v")].toDouble(), 7.0);
                QCOMPARE(v[QStringLiteral("std:v")], QJsonValue(QJsonValue::Null)); // one value
                break;
            }
        }
        for (std::int64_t chunk : {1, 2, 7, 999, 1000, 1001})
            QCOMPARE(resultDocument(test::runChunked(*a, rows, chunk)), reference);
    }

    // Through the real engine on a CSV file: 20,000 records over 5,000 keys, chunks of 64 to
    // 20,000 records on 1 to 4 workers (merged tables handed to later chunks as spares, on
    // several threads at once), one instance reused across the runs: the same JSON each time,
    // and the sums it must have.
    void manyGroupsThroughTheEngine()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("keys.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray text = "k,v,w\n";
        for (int r = 0; r < 20000; ++r) {
            const int k = (r * 7919) % 5000;
            text += QByteArray::number(k) + ',' + QByteArray::number(r % 4) + ".25," +
                    (r % 10 == 0 ? QByteArray() : QByteArray::number(r)) + '\n';
        }
        file.write(text);
        file.close();
        auto source = test::openForTest(path);
        QVERIFY(source);
        QString error;
        const std::shared_ptr<Analysis> a =
            make({QStringLiteral("k")},
                 {QStringLiteral("count"), QStringLiteral("sum:v"), QStringLiteral("mean:v"),
                  QStringLiteral("min:w"), QStringLiteral("std:w"), QStringLiteral("count:w")},
                 &error, &source->schema());
        QVERIFY2(a, qPrintable(error));
        QJsonObject first;
        for (const auto &[chunk, workers] :
             {std::pair{20000, 1}, {64, 4}, {997, 2}, {64, 2}, {5000, 3}}) {
            const JobOutcome out = test::runJob(a, source, chunk, workers);
            QVERIFY2(out.status == JobOutcome::Status::Done, qPrintable(out.error));
            if (first.isEmpty()) first = resultDocument(out.result);
            QCOMPARE(resultDocument(out.result), first);
        }
        const QJsonArray groups = first[QStringLiteral("groups")].toArray();
        QCOMPARE(groups.size(), 5000);
        // Key k holds rows r = k * 7919^-1 (mod 5000) + 5000 j, j = 0..3: four rows whose
        // r % 4 are all equal (5000 is a multiple of 4), so v is the same value four times.
        for (int k : {0, 1, 2, 4999}) {
            const QJsonObject values = groups[k][QStringLiteral("values")].toObject();
            QCOMPARE(values[QStringLiteral("count")].toInteger(), 4);
            const double v = values[QStringLiteral("mean:v")].toDouble();
            QVERIFY(v == 0.25 || v == 1.25 || v == 2.25 || v == 3.25);
            QCOMPARE(values[QStringLiteral("sum:v")].toDouble(), 4 * v);
        }
    }

    // An int64 column holding a non-integer: min and max of that group are doubles; a group
    // of integers keeps integers. The same for any chunking (the first value of a chunk may
    // be either kind).
    void minMaxOfIntsAndDoubles()
    {
        const std::vector<TestRow> rows{
            {"a", "3", "1"}, {"a", "2.5", "1"},        {"b", "7", "1"},   {"a", "-1", "1"},
            {"b", "5", "1"}, {"b", std::nullopt, "1"}, {"a", "2.75", "1"}};
        auto a = make({QStringLiteral("city")}, {QStringLiteral("min:n"), QStringLiteral("max:n")});
        QVERIFY(a);
        for (std::int64_t chunk : {1, 2, 3, 7}) {
            const AnalysisResult r = test::runChunked(*a, rows, chunk);
            QCOMPARE(r.table.rowCount(), 2);
            const QVariantList ga = r.table.rowValues(0);
            const QVariantList gb = r.table.rowValues(1);
            QCOMPARE(ga[0].toString(), QStringLiteral("a"));
            QCOMPARE(ga[1].typeId(), int(QMetaType::Double));
            QCOMPARE(ga[1].toDouble(), -1.0);
            QCOMPARE(ga[2].toDouble(), 3.0);
            QCOMPARE(gb[1].typeId(), int(QMetaType::LongLong));
            QCOMPARE(gb[1].toLongLong(), 5);
            QCOMPARE(gb[2].toLongLong(), 7);
        }
    }

    // Date-time keys group by instant and show the text first seen in the file.
    void dateTimeKeysKeepTheirText()
    {
        const Schema schema =
            test::makeSchema({{"when", ColumnType::DateTime}, {"v", ColumnType::Int64}});
        const std::vector<TestRow> rows{{"2026-01-02", "1"},
                                        {"2025-12-31T23:00:00", "2"},
                                        {"2026-01-02T00:00:00Z", "3"},
                                        {"2026-01-02 00:00", "4"}};
        QString error;
        const std::shared_ptr<Analysis> a =
            make({QStringLiteral("when")}, {QStringLiteral("sum:v")}, &error, &schema);
        QVERIFY2(a, qPrintable(error));
        for (std::int64_t chunk : {1, 2, 4}) {
            const QJsonArray groups =
                resultDocument(test::runChunked(*a, rows, chunk))[QStringLiteral("groups")].toArray();
            QCOMPARE(groups.size(), 2);
            QCOMPARE(groups[0][QStringLiteral("key")][QStringLiteral("when")].toString(),
                     QStringLiteral("2025-12-31T23:00:00"));
            QCOMPARE(groups[1][QStringLiteral("key")][QStringLiteral("when")].toString(),
                     QStringLiteral("2026-01-02"));
            QCOMPARE(groups[1][QStringLiteral("values")][QStringLiteral("sum:v")].toInteger(), 8);
        }
    }

    void numericKeysSortByValue()
    {
        auto a = make({QStringLiteral("n"), QStringLiteral("city")}, {QStringLiteral("count")});
        QVERIFY(a);
        const QJsonArray groups =
            resultDocument(test::runChunked(*a, m_rows, 2))[QStringLiteral("groups")].toArray();
        QStringList keys;
        for (const auto &g : groups) {
            const QJsonObject k = g[QStringLiteral("key")].toObject();
            keys.append(QString::fromUtf8(QJsonDocument(k).toJson(QJsonDocument::Compact)));
        }
        QCOMPARE(keys, QStringList({QStringLiteral(R"({"city":"b","n":null})"),
                                    QStringLiteral(R"({"city":"a","n":-4})"),
                                    QStringLiteral(R"({"city":null,"n":1})"),
                                    QStringLiteral(R"({"city":"b","n":1})"),
                                    QStringLiteral(R"({"city":"a","n":2})"),
                                    QStringLiteral(R"({"city":"a","n":3})"),
                                    QStringLiteral(R"({"city":"b","n":10})")}));
        QCOMPARE(groups.last()[QStringLiteral("values")][QStringLiteral("count")].toInteger(), 2);
    }

    void oneIntegerKeySortsByValue()
    {
        // One key column of integers takes a sort of its own (nulls first, then by value):
        // the same order whatever order the keys first appear in, at any chunking.
        std::vector<TestRow> ascending;
        for (int i = -3; i < 40; ++i)
            ascending.push_back({"x", std::to_string(i * 7), "1"});
        const std::vector<TestRow> shuffled{
            {"b", "10", "2"}, {"a", "2", "4"}, {"c", "-4", "4"}, {"b", std::nullopt, "4"},
            {"a", "2", "5"},  {"b", "1", "5"}, {"a", "9000000000", "7"}, {"b", "10", "9"}};
        auto a = make({QStringLiteral("n")}, {QStringLiteral("count")});
        QVERIFY(a);
        for (const int chunk : {1, 3, 100}) {
            const AnalysisResult sorted = test::runChunked(*a, ascending, chunk);
            QCOMPARE(sorted.table.rowCount(), 43);
            for (qsizetype r = 0; r < 43; ++r)
                QCOMPARE(sorted.table.cell(r, 0).toLongLong(), (r - 3) * 7);
            const AnalysisResult r = test::runChunked(*a, shuffled, chunk);
            QCOMPARE(r.table.rowCount(), 6);
            QVERIFY(!r.table.cell(0, 0).isValid());
            const QList<qlonglong> keys{-4, 1, 2, 10, 9000000000LL};
            const QList<qlonglong> counts{1, 1, 2, 2, 1};
            for (qsizetype i = 0; i < keys.size(); ++i) {
                QCOMPARE(r.table.cell(i + 1, 0).toLongLong(), keys[i]);
                QCOMPARE(r.table.cell(i + 1, 1).toLongLong(), counts[i]);
            }
        }
        // Whole-number doubles are integer keys too; a fraction among them takes the general
        // sort, with the same order by value.
        const std::vector<TestRow> doubles{{"a", "1", "2.5"}, {"a", "1", "2"}, {"a", "1", "-1"},
                                           {"a", "1", "3"}};
        auto byV = make({QStringLiteral("v")}, {QStringLiteral("count")});
        QVERIFY(byV);
        const AnalysisResult d = test::runChunked(*byV, doubles, 2);
        QCOMPARE(d.table.rowCount(), 4);
        QCOMPARE(d.table.cell(0, 0).toDouble(), -1.0);
        QCOMPARE(d.table.cell(1, 0).toDouble(), 2.0);
        QCOMPARE(d.table.cell(2, 0).toDouble(), 2.5);
        QCOMPARE(d.table.cell(3, 0).toDouble(), 3.0);
    }

    void errors()
    {
        QString error;
        QVERIFY(!make({}, {}, &error));
        QCOMPARE(error, QStringLiteral("groupby needs --by (one or more key columns)"));
        QVERIFY(!make({QStringLiteral("city")}, {QStringLiteral("avg:v")}, &error));
        QCOMPARE(error,
                 QStringLiteral("groupby: unknown aggregate 'avg:v' (expected count, count:COL, "
                                "sum:COL, mean:COL, min:COL, max:COL or std:COL)"));
        QVERIFY(!make({QStringLiteral("city")}, {QStringLiteral("sum")}, &error));
        QCOMPARE(error, QStringLiteral("groupby: sum needs a column, as sum:COLUMN"));
        QVERIFY(!make({QStringLiteral("cty")}, {}, &error));
        QCOMPARE(error, QStringLiteral("groupby: unknown column 'cty' (did you mean: city?)"));
        QVERIFY(!make({QStringLiteral("n")}, {QStringLiteral("mean:city")}, &error));
        QCOMPARE(error,
                 QStringLiteral("groupby: cannot compute mean of column 'city': it is string, "
                                "not a number"));
    }

    void weatherMatchesPandas()
    {
        const QString refPath =
            QStringLiteral(SF_TEST_DATA_DIR "/reference/weather_groupby_station.json");
        QFile refFile(refPath);
        if (!refFile.open(QIODevice::ReadOnly)) QSKIP("pandas reference not generated");
        const QJsonArray expected =
            QJsonDocument::fromJson(refFile.readAll())[QStringLiteral("groups")].toArray();
        auto source = test::openForTest(QStringLiteral(SF_SAMPLES_DIR "/weather.csv"));
        QVERIFY(source);
        const QStringList numeric = {QStringLiteral("temp_max"), QStringLiteral("temp_min"),
                                     QStringLiteral("precipitation"), QStringLiteral("wind_kmh")};
        AnalysisOptions o;
        o.groupBy = {QStringLiteral("station")};
        o.aggregates = {QStringLiteral("count")};
        for (const QString &c : numeric)
            o.aggregates << QStringLiteral("count:") + c << QStringLiteral("mean:") + c
                         << QStringLiteral("sum:") + c;
        QString error;
        std::shared_ptr<Analysis> a = createAnalysis(QStringLiteral("groupby"), o, &error);
        QVERIFY2(a && a->prepare(source->schema(), &error), qPrintable(error));

        QJsonObject first;
        for (const auto &[chunk, workers] : {std::pair{30000, 1}, {997, 2}, {64, 4}}) {
            const JobOutcome out = test::runJob(a, source, chunk, workers);
            QVERIFY2(out.status == JobOutcome::Status::Done, qPrintable(out.error));
            if (first.isEmpty()) first = resultDocument(out.result);
            QCOMPARE(resultDocument(out.result), first); // bit-identical for every chunking
        }
        const QJsonArray groups = first[QStringLiteral("groups")].toArray();
        // pandas drops a null key; we keep it as the first group.
        const qsizetype offset = groups.size() - expected.size();
        QVERIFY(offset == 0 || offset == 1);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject want = expected[i].toObject();
            const QJsonObject got = groups[i + offset].toObject();
            QCOMPARE(got[QStringLiteral("key")][QStringLiteral("station")].toString(),
                     want[QStringLiteral("station")].toString());
            const QJsonObject values = got[QStringLiteral("values")].toObject();
            QCOMPARE(values[QStringLiteral("count")].toInteger(),
                     want[QStringLiteral("count")].toInteger());
            for (const QString &c : numeric) {
                QCOMPARE(values[QStringLiteral("count:") + c].toInteger(),
                         want[QStringLiteral("count_") + c].toInteger());
                // pandas sums naively; ours are correctly rounded: equal to ~1 ulp of the sum.
                for (const char *fn : {"mean", "sum"}) {
                    const double x = values[QLatin1String(fn) + QLatin1Char(':') + c].toDouble();
                    const double y = want[QLatin1String(fn) + QLatin1Char('_') + c].toDouble();
                    QVERIFY2(std::fabs(x - y) <= 1e-12 * std::max(1.0, std::fabs(y)),
                             qPrintable(QStringLiteral("%1 %2: %3 vs %4")
                                            .arg(QLatin1String(fn), c)
                                            .arg(x)
                                            .arg(y)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestGroupBy)
#include "tst_groupby.moc"
