// SyntheticAnalysis: reproducible durations per distribution, reproducible failures, timing,
// cooperative stop, and a run through the engine.
#include "analysis/analysisregistry.h"
#include "analysis/syntheticanalysis.h"
#include "analysistestkit.h"
#include "testtiming.h"
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <numeric>
#include <set>

using namespace sf;

class TestSynthetic : public QObject {
    Q_OBJECT

    static SyntheticOptions options(const QString &duration, std::int64_t tasks,
                                    double meanMs = 5.0) {
        SyntheticOptions o;
        o.duration = duration;
        o.tasks = tasks;
        o.meanMs = meanMs;
        return o;
    }
    static double mean(const std::vector<double> &v) {
        return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    }

private Q_SLOTS:
    void durationsReproducibleWithRequestedMean_data() {
        QTest::addColumn<QString>("duration");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("constant") << QStringLiteral("constant") << 1e-12;
        QTest::newRow("uniform") << QStringLiteral("uniform") << 0.01;
        QTest::newRow("exponential") << QStringLiteral("exponential") << 0.02;
        QTest::newRow("lognormal") << QStringLiteral("lognormal") << 0.03;
        QTest::newRow("bimodal") << QStringLiteral("bimodal") << 0.03;
        QTest::newRow("heavytail") << QStringLiteral("heavytail") << 0.15;
    }

    void durationsReproducibleWithRequestedMean() {
        QFETCH(QString, duration);
        QFETCH(double, tolerance);
        const SyntheticOptions o = options(duration, 200000, 4.0);
        const std::vector<double> a = SyntheticAnalysis::plannedDurationsMs(o);
        QCOMPARE(a.size(), std::size_t(200000));
        QCOMPARE(SyntheticAnalysis::plannedDurationsMs(o), a); // same seed, same plan
        SyntheticOptions other = o;
        other.seed = 7;
        if (duration != QLatin1String("constant"))
            QVERIFY(SyntheticAnalysis::plannedDurationsMs(other) != a);
        QVERIFY2(std::fabs(mean(a) / 4.0 - 1.0) <= tolerance, qPrintable(QString::number(mean(a))));
        for (double ms : a)
            QVERIFY(ms >= 0 && std::isfinite(ms));
    }

    void shapes() {
        const auto uniform =
            SyntheticAnalysis::plannedDurationsMs(options(QStringLiteral("uniform"), 10000));
        const auto [lo, hi] = std::minmax_element(uniform.begin(), uniform.end());
        QVERIFY(*lo >= 2.5 && *lo < 2.52 && *hi < 7.5 && *hi > 7.48);
        const auto bimodal =
            SyntheticAnalysis::plannedDurationsMs(options(QStringLiteral("bimodal"), 10000));
        const std::set<double> values(bimodal.begin(), bimodal.end());
        QCOMPARE(values, (std::set<double>{2.5, 27.5}));
        const auto slow = std::count(bimodal.begin(), bimodal.end(), 27.5);
        QVERIFY(slow > 900 && slow < 1100);
        const auto heavy =
            SyntheticAnalysis::plannedDurationsMs(options(QStringLiteral("heavytail"), 10000));
        QVERIFY(*std::min_element(heavy.begin(), heavy.end()) >= 5.0 / 3);
        QVERIFY(*std::max_element(heavy.begin(), heavy.end()) > 50 * 5.0);
        QVERIFY(*std::max_element(heavy.begin(), heavy.end()) <= 1000 * 5.0);
    }

    void failuresReproducible() {
        SyntheticOptions o = options(QStringLiteral("constant"), 1);
        o.failRate = 0.25;
        int fails = 0;
        for (int task = 0; task < 20000; ++task) {
            const bool f = SyntheticAnalysis::attemptFails(o, task, 1);
            QCOMPARE(SyntheticAnalysis::attemptFails(o, task, 1), f);
            fails += f;
        }
        QVERIFY2(fails > 4700 && fails < 5300, qPrintable(QString::number(fails)));
        // A retry is a new draw.
        int differ = 0;
        for (int task = 0; task < 1000; ++task)
            differ += SyntheticAnalysis::attemptFails(o, task, 1) !=
                      SyntheticAnalysis::attemptFails(o, task, 2);
        QVERIFY(differ > 250);
        o.failRate = 0;
        QVERIFY(!SyntheticAnalysis::attemptFails(o, 3, 1));
        o.failRate = 1;
        QVERIFY(SyntheticAnalysis::attemptFails(o, 3, 1));
    }

    void processTakesItsTimeAndStops() {
        AnalysisOptions ao;
        ao.synthetic = options(QStringLiteral("constant"), 2, 30.0);
        ao.synthetic.memoryPerTask = 1 << 20;
        for (bool cpu : {true, false}) {
            ao.synthetic.cpuBound = cpu;
            SyntheticAnalysis a(ao);
            QString error;
            QVERIFY(a.prepare({}, &error));
            QCOMPARE(a.plannedTasks().size(), std::size_t(2));
            QCOMPARE(a.plannedTasks()[0].costNs, 30e6);
            QCOMPARE(a.plannedTasks()[0].memory, std::int64_t(1 << 20));
            TaskSpec spec;
            spec.chunk = 1;
            test::TestTaskContext context(spec);
            TaskInput input{spec, nullptr, context};
            auto partial = a.createPartial();
            QElapsedTimer timer;
            timer.start();
            a.process(*partial, input);
            QVERIFY2(timer.elapsed() >= 29 && timer.elapsed() < 1000,
                     qPrintable(QString::number(timer.elapsed())));
            // About one per millisecond of wall time (30 here); a loaded machine that preempts
            // the thread for several milliseconds at a time leaves fewer, but never only the
            // final one.
            QVERIFY2(context.checkpoints >= 4, qPrintable(QString::number(context.checkpoints)));
            // Told to stop after 3 checkpoints: returns after ~4 ms, well before the 30 ms the
            // task would take (the bound leaves room for a loaded machine preempting it).
            test::TestTaskContext stopping(spec, 1, 3);
            TaskInput stopInput{spec, nullptr, stopping};
            timer.restart();
            a.process(*a.createPartial(), stopInput);
            QVERIFY2(timer.elapsed() < 25 * test::timingSlack(), qPrintable(QString::number(timer.elapsed())));
            QCOMPARE(stopping.checkpoints, 4);
        }
    }

    void failingAttemptThrows() {
        AnalysisOptions ao;
        ao.synthetic = options(QStringLiteral("constant"), 4, 0.0);
        ao.synthetic.failRate = 1.0;
        SyntheticAnalysis a(ao);
        QString error;
        QVERIFY(a.prepare({}, &error));
        TaskSpec spec;
        spec.chunk = 3;
        test::TestTaskContext context(spec, 2);
        TaskInput input{spec, nullptr, context};
        try {
            a.process(*a.createPartial(), input);
            QFAIL("no failure");
        } catch (const TaskError &e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                     QStringLiteral("synthetic failure of task 3 (attempt 2)"));
        }
    }

    void runsThroughTheEngine() {
        AnalysisOptions ao;
        ao.synthetic = options(QStringLiteral("exponential"), 40, 0.5);
        ao.synthetic.cpuBound = false;
        QString error;
        std::shared_ptr<Analysis> a = createAnalysis(QStringLiteral("synthetic"), ao, &error);
        QVERIFY(a && !a->needsDataset());
        QVERIFY(a->prepare({}, &error));
        const JobOutcome o = test::runJob(a, nullptr, 1, 4);
        QVERIFY2(o.status == JobOutcome::Status::Done, qPrintable(o.error));
        const auto plan = SyntheticAnalysis::plannedDurationsMs(ao.synthetic);
        const QJsonObject j = o.result.json;
        QCOMPARE(j[QStringLiteral("tasks")].toInteger(), 40);
        QCOMPARE(j[QStringLiteral("distribution")].toString(), QStringLiteral("exponential"));
        QCOMPARE(j[QStringLiteral("seed")].toInteger(), 42);
        QVERIFY(std::fabs(j[QStringLiteral("planned_ms_total")].toDouble() -
                          std::accumulate(plan.begin(), plan.end(), 0.0)) < 1e-9);
        QCOMPARE(o.result.table.rowCount(), 40);
        for (int i = 0; i < 40; ++i) {
            QCOMPARE(o.result.table.cell(i, 0).toLongLong(), i); // in task order
            QCOMPARE(o.result.table.cell(i, 1).toDouble(), plan[std::size_t(i)]);
        }
    }

    void errors() {
        AnalysisOptions ao;
        QString error;
        ao.synthetic.duration = QStringLiteral("gamma");
        QVERIFY(!createAnalysis(QStringLiteral("synthetic"), ao, &error));
        QCOMPARE(error,
                 QStringLiteral("synthetic: unknown duration distribution 'gamma' (expected "
                                "constant, uniform, exponential, lognormal, bimodal, heavytail)"));
        ao = {};
        ao.synthetic.failRate = 1.5;
        QVERIFY(!createAnalysis(QStringLiteral("synthetic"), ao, &error));
        QCOMPARE(error,
                 QStringLiteral("synthetic: the failure rate must be between 0 and 1, not 1.5"));
        QVERIFY(!createAnalysis(QStringLiteral("median"), ao, &error));
        QVERIFY2(error.startsWith(QStringLiteral("unknown analysis 'median' (available: ")),
                 qPrintable(error));
        QVERIFY(analysisNames().contains(QStringLiteral("synthetic")));
        QVERIFY(!analysisDescription(QStringLiteral("groupby")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSynthetic)
#include "tst_synthetic.moc"
