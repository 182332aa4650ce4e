// The profile of the bundled sample (resources/samples/weather.csv) through the real engine
// (CSV source + Run) against the committed pandas figures, and identical JSON for every chunk
// size, worker count and scheduling policy.
#include "analysis/profileanalysis.h"
#include "analysis/sketchquantile.h"
#include "data/datasource.h"
#include "exec/run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <cmath>

using namespace sf;

namespace {

const QString kSample = QStringLiteral(SF_SAMPLES_DIR "/weather.csv");
const QString kReference = QStringLiteral(SF_TEST_DATA_DIR "/reference/weather_profile.json");

PartitionSpec rowChunks(std::int64_t rows)
{
    PartitionSpec p;
    p.unit = PartitionSpec::Unit::Rows;
    p.strategy = PartitionSpec::Strategy::Fixed;
    p.size = rows;
    return p;
}

bool runProfile(const std::shared_ptr<const DataSource> &source, const PartitionSpec &partition,
                int workers, SchedulePolicy policy, QJsonObject *out, QString *error)
{
    auto analysis = std::make_shared<ProfileAnalysis>(AnalysisOptions{});
    if (!analysis->prepare(source->schema(), error)) return false;
    RunOptions options;
    options.workers = workers;
    options.policy = policy;
    Run run(options);
    JobSpec job;
    job.name = QStringLiteral("profile weather.csv");
    job.source = source;
    job.analysis = analysis;
    job.partition = partition;
    run.addJob(job);
    run.start();
    if (!run.wait(120000)) {
        *error = QStringLiteral("run did not finish in 120 s");
        return false;
    }
    const JobOutcome outcome = run.outcome(0);
    if (outcome.status != JobOutcome::Status::Done) {
        *error = QStringLiteral("run failed: ") + outcome.error;
        return false;
    }
    if (outcome.rows != source->rowCount()) {
        *error = QStringLiteral("read %1 of %2 rows").arg(outcome.rows).arg(source->rowCount());
        return false;
    }
    *out = outcome.result.json;
    return true;
}

QJsonObject findColumn(const QJsonObject &doc, const QString &name)
{
    for (const QJsonValue &c : doc.value(QStringLiteral("columns")).toArray())
        if (c.toObject().value(QStringLiteral("name")).toString() == name) return c.toObject();
    return {};
}

bool closeRel(double a, double b, double rel)
{
    return std::fabs(a - b) <= rel * std::max(std::fabs(a), std::fabs(b));
}

} // namespace

class TestProfileSample : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void matchesPandas();
    void identicalForAnyChunkingWorkersAndPolicy();

private:
    std::shared_ptr<const DataSource> m_source;
    QJsonObject m_reference;
    QJsonObject m_profile; // chunks of 1000 rows, 2 workers
};

void TestProfileSample::initTestCase()
{
    QString error;
    std::shared_ptr<const DataSource> source =
        openDataSource(kSample, SourceOptions{}, OpenControl{}, &error);
    QVERIFY2(source, qPrintable(error));
    m_source = source;
    QFile f(kReference);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(kReference));
    m_reference = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(m_source->rowCount(), m_reference.value(QStringLiteral("rows")).toInteger());
    QVERIFY2(runProfile(m_source, rowChunks(1000), 2, SchedulePolicy::Fifo, &m_profile, &error),
             qPrintable(error));
}

void TestProfileSample::matchesPandas()
{
    const QHash<QString, QString> types = {
        {QStringLiteral("station"), QStringLiteral("string")},
        {QStringLiteral("date"), QStringLiteral("datetime")},
        {QStringLiteral("temp_max"), QStringLiteral("double")},
        {QStringLiteral("temp_min"), QStringLiteral("double")},
        {QStringLiteral("precipitation"), QStringLiteral("double")},
        {QStringLiteral("wind_kmh"), QStringLiteral("int64")},
        {QStringLiteral("condition"), QStringLiteral("string")},
        {QStringLiteral("has_alert"), QStringLiteral("bool")}};
    const QJsonArray refColumns = m_reference.value(QStringLiteral("columns")).toArray();
    QCOMPARE(refColumns.size(), 8);
    QCOMPARE(m_profile.value(QStringLiteral("columns")).toArray().size(), 8);
    for (const QJsonValue &rv : refColumns) {
        const QJsonObject ref = rv.toObject();
        const QString name = ref.value(QStringLiteral("name")).toString();
        const QJsonObject col = findColumn(m_profile, name);
        const QByteArray where = name.toUtf8();
        QVERIFY2(!col.isEmpty(), where.constData());
        QCOMPARE(col.value(QStringLiteral("type")).toString(), types.value(name));
        QCOMPARE(col.value(QStringLiteral("count")).toInteger(),
                 ref.value(QStringLiteral("count")).toInteger());
        QCOMPARE(col.value(QStringLiteral("nulls")).toInteger(),
                 ref.value(QStringLiteral("nulls")).toInteger());
        QCOMPARE(col.value(QStringLiteral("invalid")).toInteger(), 0);
        const double nunique = ref.value(QStringLiteral("nunique")).toDouble();
        QVERIFY2(std::fabs(col.value(QStringLiteral("distinct")).toDouble() - nunique) <=
                     0.02 * nunique,
                 where.constData());

        if (ref.contains(QStringLiteral("mean"))) { // numeric
            QCOMPARE(col.value(QStringLiteral("min")).toDouble(),
                     ref.value(QStringLiteral("min")).toDouble());
            QCOMPARE(col.value(QStringLiteral("max")).toDouble(),
                     ref.value(QStringLiteral("max")).toDouble());
            for (const char *key : {"sum", "mean", "std"}) {
                const double ours = col.value(QLatin1String(key)).toDouble();
                const double theirs = ref.value(QLatin1String(key)).toDouble();
                QVERIFY2(closeRel(ours, theirs, 1e-9),
                         qPrintable(name + QLatin1Char(' ') + QLatin1String(key) + QLatin1Char(' ')
                                    + QString::number(ours, 'g', 17) + QStringLiteral(" vs ")
                                    + QString::number(theirs, 'g', 17)));
            }
            const QJsonObject q = col.value(QStringLiteral("quantiles")).toObject();
            const QJsonObject rq = ref.value(QStringLiteral("quantiles")).toObject();
            const QJsonObject nb = ref.value(QStringLiteral("quantile_neighbours")).toObject();
            QCOMPARE(q.keys(), rq.keys());
            for (const QString &k : rq.keys()) {
                const QJsonArray pair = nb.value(k).toArray();
                const double bound =
                    QuantileSketch::kAlpha *
                    std::max(std::fabs(pair.at(0).toDouble()), std::fabs(pair.at(1).toDouble()));
                const double ours = q.value(k).toDouble();
                const double theirs = rq.value(k).toDouble();
                QVERIFY2(std::fabs(ours - theirs) <= bound * 1.000001 + 1e-12,
                         qPrintable(name + QLatin1Char(' ') + k + QLatin1Char(' ')
                                    + QString::number(ours, 'g', 17) + QStringLiteral(" vs ")
                                    + QString::number(theirs, 'g', 17)));
            }
            const QJsonObject hist = col.value(QStringLiteral("histogram")).toObject();
            const QJsonArray edges = hist.value(QStringLiteral("edges")).toArray();
            QCOMPARE(edges.size(), 21);
            QCOMPARE(edges.first().toDouble(), ref.value(QStringLiteral("min")).toDouble());
            QCOMPARE(edges.last().toDouble(), ref.value(QStringLiteral("max")).toDouble());
            qint64 total = 0;
            for (const QJsonValue &c : hist.value(QStringLiteral("counts")).toArray())
                total += c.toInteger();
            QCOMPARE(total, ref.value(QStringLiteral("count")).toInteger());
        } else if (ref.contains(QStringLiteral("value_counts"))) { // bool
            const QJsonObject vc = ref.value(QStringLiteral("value_counts")).toObject();
            const QJsonArray top = col.value(QStringLiteral("top")).toArray();
            QCOMPARE(top.size(), vc.size());
            for (const QJsonValue &t : top) {
                const QJsonObject e = t.toObject();
                const QString key = e.value(QStringLiteral("value")).toBool()
                                        ? QStringLiteral("true")
                                        : QStringLiteral("false");
                QCOMPARE(e.value(QStringLiteral("count")).toInteger(), vc.value(key).toInteger());
            }
        } else { // string / datetime
            QCOMPARE(col.value(QStringLiteral("min")).toString(),
                     ref.value(QStringLiteral("min")).toString());
            QCOMPARE(col.value(QStringLiteral("max")).toString(),
                     ref.value(QStringLiteral("max")).toString());
            if (types.value(name) == QLatin1String("string")) {
                QCOMPARE(col.value(QStringLiteral("top")).toArray(),
                         ref.value(QStringLiteral("top")).toArray());
                const QJsonObject len = col.value(QStringLiteral("length")).toObject();
                const QJsonObject rlen = ref.value(QStringLiteral("length")).toObject();
                QCOMPARE(len.value(QStringLiteral("min")).toInteger(),
                         rlen.value(QStringLiteral("min")).toInteger());
                QCOMPARE(len.value(QStringLiteral("max")).toInteger(),
                         rlen.value(QStringLiteral("max")).toInteger());
                QVERIFY(closeRel(len.value(QStringLiteral("mean")).toDouble(),
                                 rlen.value(QStringLiteral("mean")).toDouble(), 1e-12));
            }
        }
    }
}

void TestProfileSample::identicalForAnyChunkingWorkersAndPolicy()
{
    const QByteArray expected = QJsonDocument(m_profile).toJson(QJsonDocument::Compact);
    const std::int64_t all = m_source->rowCount();
    for (std::int64_t chunk : {std::int64_t(1000), std::int64_t(7000), all}) {
        for (int workers : {1, 2, 4}) {
            for (SchedulePolicy policy : {SchedulePolicy::Fifo, SchedulePolicy::Priority,
                                          SchedulePolicy::Shortest, SchedulePolicy::Longest,
                                          SchedulePolicy::Fair}) {
                QJsonObject doc;
                QString error;
                QVERIFY2(runProfile(m_source, rowChunks(chunk), workers, policy, &doc, &error),
                         qPrintable(error));
                const QByteArray got = QJsonDocument(doc).toJson(QJsonDocument::Compact);
                QVERIFY2(got == expected,
                         qPrintable(QStringLiteral("chunk %1, %2 workers, %3 differs")
                                        .arg(chunk).arg(workers).arg(schedulePolicyName(policy))));
            }
        }
    }
    // Byte-sized chunks that start between checkpoints, and the adaptive strategies.
    PartitionSpec bytes;
    bytes.unit = PartitionSpec::Unit::Bytes;
    bytes.size = 64 * 1024 + 17;
    PartitionSpec guided = rowChunks(500);
    guided.strategy = PartitionSpec::Strategy::Guided;
    PartitionSpec adaptive = rowChunks(300);
    adaptive.strategy = PartitionSpec::Strategy::Auto;
    adaptive.targetTaskMs = 2.0;
    for (const PartitionSpec &p : {bytes, guided, adaptive}) {
        QJsonObject doc;
        QString error;
        QVERIFY2(runProfile(m_source, p, 3, SchedulePolicy::Shortest, &doc, &error),
                 qPrintable(error));
        QVERIFY2(QJsonDocument(doc).toJson(QJsonDocument::Compact) == expected,
                 qPrintable(partitionStrategyName(p.strategy)));
    }
}

QTEST_GUILESS_MAIN(TestProfileSample)
#include "tst_profilesample.moc"
