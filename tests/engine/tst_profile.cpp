// ProfileAnalysis on in-memory records: exact figures per type, invalid values, JSON shape,
// checkpoints every 1024 rows, and identical JSON for any chunking of the same rows.
#include "analysis/columnstats.h"
#include "analysis/profileanalysis.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace sf;

namespace {

using Rows = std::vector<std::vector<std::string>>;

// Reads rows of texts; "" and "NA" are nulls, as the CSV reader's pandas defaults would say.
class VectorReader : public RecordReader {
public:
    VectorReader(const Rows &rows, std::size_t first, std::size_t count)
        : m_rows(rows), m_next(first), m_end(std::min(rows.size(), first + count))
    {
    }
    bool next(Record &out) override
    {
        if (m_next >= m_end) return false;
        const auto &row = m_rows[m_next];
        m_views.assign(row.begin(), row.end());
        m_nulls.clear();
        for (const auto &f : row) m_nulls.push_back(f.empty() || f == "NA");
        out.fields = m_views;
        out.nulls = m_nulls;
        out.row = std::int64_t(m_next);
        ++m_next;
        ++m_consumed;
        return true;
    }
    std::int64_t rowsConsumed() const override { return m_consumed; }
    std::int64_t bytesConsumed() const override { return m_consumed * 10; }

private:
    const Rows &m_rows;
    std::size_t m_next;
    std::size_t m_end;
    std::int64_t m_consumed = 0;
    std::vector<std::string_view> m_views;
    std::vector<std::uint8_t> m_nulls;
};

class CountingContext : public TaskContext {
public:
    TaskSpec spec;
    int calls = 0;
    int stopAfter = -1; // checkpoint() says false from this call on
    std::vector<std::int64_t> rowsSeen;
    const TaskSpec &task() const override { return spec; }
    int attempt() const override { return 1; }
    bool checkpoint(std::int64_t rowsDone, std::int64_t) override
    {
        rowsSeen.push_back(rowsDone);
        return stopAfter < 0 || ++calls < stopAfter;
    }
};

Schema makeSchema(const std::vector<std::pair<const char *, ColumnType>> &cols)
{
    Schema s;
    for (const auto &[name, type] : cols)
        s.columns.append(Column{QString::fromUtf8(name), type, true});
    return s;
}

// Profiles `rows` cut into chunks of `chunk` rows, merged in chunk order.
QJsonObject profile(ProfileAnalysis &a, const Rows &rows, std::size_t chunk)
{
    std::unique_ptr<Partial> acc;
    for (std::size_t first = 0; first < rows.size() || !acc; first += chunk) {
        VectorReader reader(rows, first, chunk);
        CountingContext ctx;
        TaskInput input{ctx.spec, &reader, ctx};
        auto part = a.createPartial();
        a.process(*part, input);
        if (!acc)
            acc = std::move(part);
        else
            a.merge(*acc, *part);
        if (rows.empty()) break;
    }
    return a.finalize(*acc).json;
}

QJsonObject column(const QJsonObject &doc, int i)
{
    return doc.value(QStringLiteral("columns")).toArray().at(i).toObject();
}

QStringList keys(const QJsonObject &o)
{
    QStringList k = o.keys();
    k.sort();
    return k;
}

} // namespace

class TestProfile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void figuresPerType();
    void dateTimesWithTime();
    void emptyAndAllNullColumns();
    void identicalForAnyChunking();
    void checkpointsEvery1024Rows();
    void rejectsEmptySchema();
    void topValuesCapMakesResultApproximate();
};

void TestProfile::figuresPerType()
{
    const Schema schema = makeSchema({{"id", ColumnType::Int64}, {"x", ColumnType::Double},
                                      {"flag", ColumnType::Bool}, {"day", ColumnType::DateTime},
                                      {"name", ColumnType::String}});
    const Rows rows = {
        {"3", "1.5", "true", "2024-03-01", "b\xc3\xa9ta"},
        {"-7", "NA", "false", "2024-01-31", "alpha"},
        {"12", "2.5", "TRUE", "", "beta"},
        {"x1", "-4", "true", "2024-02-29", "beta"},
        {"", "oops", "maybe", "2024-13-01", ""},
        {"5", "nan", "true", "2023-12-31", "Zed"},
    };
    ProfileAnalysis a{AnalysisOptions{}};
    QString error;
    QVERIFY(a.prepare(schema, &error));
    const QJsonObject doc = profile(a, rows, 100);

    const QJsonObject id = column(doc, 0);
    QCOMPARE(keys(id), (QStringList{QStringLiteral("count"), QStringLiteral("distinct"),
                                    QStringLiteral("histogram"), QStringLiteral("invalid"),
                                    QStringLiteral("max"), QStringLiteral("mean"),
                                    QStringLiteral("min"), QStringLiteral("name"),
                                    QStringLiteral("nulls"), QStringLiteral("quantiles"),
                                    QStringLiteral("std"), QStringLiteral("sum"),
                                    QStringLiteral("type")}));
    QCOMPARE(id.value(QStringLiteral("type")).toString(), QStringLiteral("int64"));
    QCOMPARE(id.value(QStringLiteral("count")).toInteger(), 4);
    QCOMPARE(id.value(QStringLiteral("nulls")).toInteger(), 1);
    QCOMPARE(id.value(QStringLiteral("invalid")).toInteger(), 1); // "x1" reported, not dropped
    QCOMPARE(id.value(QStringLiteral("distinct")).toInteger(), 4);
    QCOMPARE(id.value(QStringLiteral("min")).toInteger(), -7);
    QCOMPARE(id.value(QStringLiteral("max")).toInteger(), 12);
    QCOMPARE(id.value(QStringLiteral("sum")).toInteger(), 13);
    QCOMPARE(id.value(QStringLiteral("mean")).toDouble(), 3.25);
    // sample std of {3,-7,12,5}: Σ(x-3.25)² = 184.75, /3
    QCOMPARE(id.value(QStringLiteral("std")).toDouble(), std::sqrt(184.75 / 3));
    const QJsonObject q = id.value(QStringLiteral("quantiles")).toObject();
    QCOMPARE(keys(q),
             (QStringList{QStringLiteral("p1"), QStringLiteral("p25"), QStringLiteral("p5"),
                          QStringLiteral("p50"), QStringLiteral("p75"), QStringLiteral("p95"),
                          QStringLiteral("p99")}));
    // pandas: [-7,3,5,12].quantile(0.5) = 4.0; the sketch is within alpha of 3 and of 5
    QVERIFY(std::fabs(q.value(QStringLiteral("p50")).toDouble() - 4.0) <= 0.005 * 5);
    QVERIFY(std::fabs(q.value(QStringLiteral("p1")).toDouble() - (-7 + 0.03 * 10)) <= 0.005 * 7);
    const QJsonObject hist = id.value(QStringLiteral("histogram")).toObject();
    const QJsonArray edges = hist.value(QStringLiteral("edges")).toArray();
    const QJsonArray counts = hist.value(QStringLiteral("counts")).toArray();
    QCOMPARE(edges.size(), 21);
    QCOMPARE(counts.size(), 20);
    QCOMPARE(edges.first().toDouble(), -7.0);
    QCOMPARE(edges.last().toDouble(), 12.0);
    QCOMPARE(counts.first().toInteger(), 1);  // -7
    QCOMPARE(counts.at(10).toInteger(), 1);   // 3: (3+7)/19*20 = 10.5
    QCOMPARE(counts.at(12).toInteger(), 1);   // 5: 12.6
    QCOMPARE(counts.last().toInteger(), 1);   // 12

    const QJsonObject x = column(doc, 1);
    QCOMPARE(x.value(QStringLiteral("count")).toInteger(), 3);
    QCOMPARE(x.value(QStringLiteral("nulls")).toInteger(), 2); // "NA" and "nan", as pandas
    QCOMPARE(x.value(QStringLiteral("invalid")).toInteger(), 1);
    QCOMPARE(x.value(QStringLiteral("min")).toDouble(), -4.0);
    QCOMPARE(x.value(QStringLiteral("max")).toDouble(), 2.5);
    QCOMPARE(x.value(QStringLiteral("sum")).toDouble(), 0.0);
    QCOMPARE(x.value(QStringLiteral("std")).toDouble(), std::sqrt((2.25 + 6.25 + 16.0) / 2));

    const QJsonObject flag = column(doc, 2);
    QVERIFY(!flag.contains(QStringLiteral("min")));
    QVERIFY(!flag.contains(QStringLiteral("mean")));
    QCOMPARE(flag.value(QStringLiteral("count")).toInteger(), 5);
    QCOMPARE(flag.value(QStringLiteral("invalid")).toInteger(), 1);
    QCOMPARE(flag.value(QStringLiteral("distinct")).toInteger(), 2);
    const QJsonArray flagTop = flag.value(QStringLiteral("top")).toArray();
    QCOMPARE(flagTop.size(), 2);
    QCOMPARE(flagTop.at(0).toObject().value(QStringLiteral("value")).toBool(), true);
    QCOMPARE(flagTop.at(0).toObject().value(QStringLiteral("count")).toInteger(), 4);
    QCOMPARE(flagTop.at(1).toObject().value(QStringLiteral("count")).toInteger(), 1);

    const QJsonObject day = column(doc, 3);
    QCOMPARE(day.value(QStringLiteral("type")).toString(), QStringLiteral("datetime"));
    QCOMPARE(day.value(QStringLiteral("count")).toInteger(), 4);
    QCOMPARE(day.value(QStringLiteral("invalid")).toInteger(), 1); // month 13
    QCOMPARE(day.value(QStringLiteral("min")).toString(), QStringLiteral("2023-12-31"));
    QCOMPARE(day.value(QStringLiteral("max")).toString(), QStringLiteral("2024-03-01"));
    QCOMPARE(day.value(QStringLiteral("distinct")).toInteger(), 4);
    QVERIFY(!day.contains(QStringLiteral("quantiles")));

    const QJsonObject name = column(doc, 4);
    QCOMPARE(name.value(QStringLiteral("count")).toInteger(), 5);
    QCOMPARE(name.value(QStringLiteral("nulls")).toInteger(), 1);
    QCOMPARE(name.value(QStringLiteral("distinct")).toInteger(), 4);
    QCOMPARE(name.value(QStringLiteral("min")).toString(), QStringLiteral("Zed")); // bytewise
    QCOMPARE(name.value(QStringLiteral("max")).toString(), QString::fromUtf8("b\xc3\xa9ta"));
    const QJsonArray top = name.value(QStringLiteral("top")).toArray();
    QCOMPARE(top.size(), 4);
    QCOMPARE(top.at(0).toObject().value(QStringLiteral("value")).toString(),
             QStringLiteral("beta"));
    QCOMPARE(top.at(0).toObject().value(QStringLiteral("count")).toInteger(), 2);
    QCOMPARE(top.at(1).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("Zed"));
    QCOMPARE(top.at(2).toObject().value(QStringLiteral("value")).toString(),
             QStringLiteral("alpha"));
    const QJsonObject length = name.value(QStringLiteral("length")).toObject();
    QCOMPARE(length.value(QStringLiteral("min")).toInteger(), 3);
    QCOMPARE(length.value(QStringLiteral("max")).toInteger(), 5);
    QCOMPARE(length.value(QStringLiteral("mean")).toDouble(), (4 + 5 + 4 + 4 + 3) / 5.0);
    QVERIFY(!name.contains(QStringLiteral("approximate")));

    const AnalysisResult r = [&] {
        VectorReader reader(rows, 0, rows.size());
        CountingContext ctx;
        TaskInput input{ctx.spec, &reader, ctx};
        auto p = a.createPartial();
        a.process(*p, input);
        return a.finalize(*p);
    }();
    QCOMPARE(r.table.columns.size(), 10);
    QCOMPARE(r.table.rowCount(), 5);
    QCOMPARE(r.table.cell(0, 0).toString(), QStringLiteral("id"));
    QCOMPARE(r.table.cell(0, 5).toLongLong(), -7);
    QCOMPARE(r.table.cell(0, 7).toDouble(), 3.25);
    QVERIFY(r.table.cell(2, 7).isNull()); // bool has no mean
    QCOMPARE(r.table.cell(4, 6).toString(), QString::fromUtf8("b\xc3\xa9ta"));
}

void TestProfile::dateTimesWithTime()
{
    const Schema schema = makeSchema({{"t", ColumnType::DateTime}});
    const Rows rows = {{"2024-05-01T10:20:30Z"}, {"2024-05-01 08:00:00.250"}, {"2024-04-30"}};
    ProfileAnalysis a{AnalysisOptions{}};
    QVERIFY(a.prepare(schema, nullptr));
    const QJsonObject t = column(profile(a, rows, 2), 0);
    QCOMPARE(t.value(QStringLiteral("min")).toString(), QStringLiteral("2024-04-30T00:00:00Z"));
    QCOMPARE(t.value(QStringLiteral("max")).toString(), QStringLiteral("2024-05-01T10:20:30Z"));
}

void TestProfile::emptyAndAllNullColumns()
{
    const Schema schema = makeSchema({{"a", ColumnType::Double}, {"s", ColumnType::String}});
    ProfileAnalysis a{AnalysisOptions{}};
    QVERIFY(a.prepare(schema, nullptr));
    const QJsonObject doc = profile(a, {{"", "NA"}, {"NA", ""}}, 1);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject c = column(doc, i);
        QCOMPARE(keys(c), (QStringList{QStringLiteral("count"), QStringLiteral("distinct"),
                                       QStringLiteral("invalid"), QStringLiteral("name"),
                                       QStringLiteral("nulls"), QStringLiteral("type")}));
        QCOMPARE(c.value(QStringLiteral("nulls")).toInteger(), 2);
        QCOMPARE(c.value(QStringLiteral("distinct")).toInteger(), 0);
    }
    const QJsonObject none = profile(a, {}, 10);
    QCOMPARE(column(none, 0).value(QStringLiteral("count")).toInteger(), 0);
}

void TestProfile::identicalForAnyChunking()
{
    const Schema schema = makeSchema({{"i", ColumnType::Int64}, {"d", ColumnType::Double},
                                      {"b", ColumnType::Bool}, {"s", ColumnType::String},
                                      {"u", ColumnType::String}, {"c", ColumnType::Int64}});
    std::mt19937_64 rng(4242);
    Rows rows;
    std::set<std::uint64_t> codes;
    for (int r = 0; r < 20000; ++r) {
        const double d = std::normal_distribution<double>(1e6, 3.0)(rng);
        const std::uint64_t code = rng() % 1000; // <= 2048 distinct: exact (a sketch: 1005)
        codes.insert(code);
        rows.push_back({std::to_string(std::int64_t(rng() % 100000) - 50000),
                        rng() % 50 == 0 ? std::string("NA") : std::to_string(d),
                        rng() % 3 ? "true" : "false",
                        "k" + std::to_string(rng() % 37),
                        "u" + std::to_string(rng()), // > 2048 distinct: HyperLogLog path
                        std::to_string(code)});
    }
    // One instance for every chunking, as a run's tasks share it: what its chunks learn
    // (ProfileAnalysis' hints: table sizes, distinct sketches that start past their exact
    // set) carries over from one chunking to the next and must change nothing.
    ProfileAnalysis a{AnalysisOptions{}};
    QVERIFY(a.prepare(schema, nullptr));
    const QJsonObject whole = profile(a, rows, rows.size());
    const QByteArray wholeText = QJsonDocument(whole).toJson(QJsonDocument::Compact);
    for (std::size_t chunk : {1000, 7000, 333, 1}) {
        const QJsonObject split = profile(a, rows, chunk);
        QCOMPARE(QJsonDocument(split).toJson(QJsonDocument::Compact), wholeText);
    }
    const QJsonObject u = column(whole, 4);
    QVERIFY(std::fabs(u.value(QStringLiteral("distinct")).toDouble() - 20000) <
            1.0); // exact counts
    QCOMPARE(column(whole, 0).value(QStringLiteral("count")).toInteger(), 20000);
    QCOMPARE(column(whole, 5).value(QStringLiteral("distinct")).toInteger(),
             qint64(codes.size()));
}

void TestProfile::checkpointsEvery1024Rows()
{
    const Schema schema = makeSchema({{"v", ColumnType::Int64}});
    Rows rows;
    for (int i = 0; i < 5000; ++i) rows.push_back({std::to_string(i)});
    ProfileAnalysis a{AnalysisOptions{}};
    QVERIFY(a.prepare(schema, nullptr));
    {
        VectorReader reader(rows, 0, rows.size());
        CountingContext ctx;
        TaskInput input{ctx.spec, &reader, ctx};
        auto p = a.createPartial();
        a.process(*p, input);
        QCOMPARE(ctx.rowsSeen, (std::vector<std::int64_t>{1024, 2048, 3072, 4096}));
        QCOMPARE(reader.rowsConsumed(), 5000);
    }
    {
        VectorReader reader(rows, 0, rows.size());
        CountingContext ctx;
        ctx.stopAfter = 2; // cancelled at the second checkpoint
        TaskInput input{ctx.spec, &reader, ctx};
        auto p = a.createPartial();
        a.process(*p, input);
        QCOMPARE(reader.rowsConsumed(), 2048);
    }
}

void TestProfile::rejectsEmptySchema()
{
    ProfileAnalysis a{AnalysisOptions{}};
    QString error;
    QVERIFY(!a.prepare(Schema{}, &error));
    QCOMPARE(error, QStringLiteral("profile: the dataset has no columns"));
    QCOMPARE(a.name(), QStringLiteral("profile"));
}

void TestProfile::topValuesCapMakesResultApproximate()
{
    // Past 1,000,000 distinct strings the exact counts stop admitting values: the JSON says
    // so and the distinct count comes from the HyperLogLog instead.
    ColumnStats a(ColumnType::String), b(ColumnType::String);
    char buf[24];
    const int n = int(TopValues::kMaxDistinct) + 5000;
    for (int i = 0; i < n; ++i) {
        const int len = std::snprintf(buf, sizeof buf, "v%d", i);
        (i < int(TopValues::kMaxDistinct) ? a : b).addText(std::string_view(buf, std::size_t(len)));
    }
    QVERIFY(!a.toJson(QStringLiteral("s")).contains(QStringLiteral("approximate"))); // at the cap
    a.merge(b); // the merge crosses it
    const QJsonObject o = a.toJson(QStringLiteral("s"));
    QCOMPARE(o.value(QStringLiteral("approximate")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("count")).toInteger(), n);
    QVERIFY(std::fabs(o.value(QStringLiteral("distinct")).toDouble() - n) < 0.03 * n);
    QCOMPARE(o.value(QStringLiteral("top")).toArray().size(), 10);
    // Min, max and lengths still cover the values the cap kept out ("v1000000" on).
    QCOMPARE(o.value(QStringLiteral("min")).toString(), QStringLiteral("v0"));
    QCOMPARE(o.value(QStringLiteral("max")).toString(), QStringLiteral("v999999"));
    const QJsonObject length = o.value(QStringLiteral("length")).toObject();
    QCOMPARE(length.value(QStringLiteral("min")).toInteger(), 2);
    QCOMPARE(length.value(QStringLiteral("max")).toInteger(), 8); // "v1004999"
    std::int64_t lengths = 0;
    for (int i = 0; i < n; ++i)
        lengths += std::snprintf(buf, sizeof buf, "v%d", i);
    QCOMPARE(length.value(QStringLiteral("mean")).toDouble(), double(lengths) / double(n));
    // One stats object past the cap by itself (values kept out as they are added) says the same.
    ColumnStats c(ColumnType::String);
    for (int i = 0; i < n; ++i)
        c.addText(std::string_view(buf, std::size_t(std::snprintf(buf, sizeof buf, "v%d", i))));
    QCOMPARE(c.toJson(QStringLiteral("s")), o);
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
