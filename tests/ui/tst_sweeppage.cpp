// The Sweep page: a small synthetic sweep run off the GUI thread shows progress, the heatmap,
// the scaling curves and the recommendation; a bad grid says which field is wrong; cancel
// stops it; Apply hands the best setting to the Run setup page.
#include "analysis/syntheticanalysis.h"
#include "datasetpage.h"
#include "mainwindow.h"
#include "runsession.h"
#include "runsetuppage.h"
#include "sweepheatmap.h"
#include "sweeppage.h"
#include "sweepscalingchart.h"
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <cmath>

using namespace sf;
using namespace sf::ui;

namespace {

SweepPage::JobProvider sleepingTasks(int tasks, double meanMs)
{
    return [tasks, meanMs](SweepJob *job, QString *) {
        SyntheticOptions s;
        s.tasks = tasks;
        s.meanMs = meanMs;
        s.cpuBound = false;
        job->name = QStringLiteral("synthetic");
        job->makeAnalysis = [s](QString *error) -> std::shared_ptr<Analysis> {
            AnalysisOptions o;
            o.synthetic = s;
            auto a = std::make_shared<SyntheticAnalysis>(o);
            if (!a->prepare(Schema{}, error)) return nullptr;
            return a;
        };
        return true;
    };
}

} // namespace

class TestSweepPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void syntheticSweepShowsRecommendation();
    void badGridSaysWhichField();
    void cancelStopsTheSweep();
    void applyChangesRunSetup();
};

void TestSweepPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SuperflowTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sweeppage"));
}

void TestSweepPage::syntheticSweepShowsRecommendation()
{
    SweepPage page;
    page.resize(1200, 800);
    page.show();
    page.setJobProvider(sleepingTasks(20, 4));
    page.setWorkerCounts(QStringLiteral("2, 1"));
    page.setRepeats(2);
    QSignalSpy finished(&page, &SweepPage::sweepFinished);
    QVERIFY(page.startSweep());
    QVERIFY(page.isRunning());
    QVERIFY(!page.runButton()->isEnabled());
    QVERIFY(page.cancelButton()->isEnabled());
    QCOMPARE(page.progressBar()->maximum(), 4); // 2 settings × 2 repeats
    QVERIFY(finished.wait(60000));
    QVERIFY(!page.isRunning());
    QCOMPARE(page.progressBar()->value(), 4);
    QCOMPARE(page.statusLabel()->text(), QStringLiteral("Sweep finished."));

    const SweepResult &r = page.result();
    QCOMPARE(r.cells.size(), 2);
    QCOMPARE(r.cells[0].setting.workers, 1); // sorted from the editor's "2, 1"
    QCOMPARE(page.heatmap()->columns(), 1);
    QCOMPARE(page.heatmap()->rows(), 2);
    QCOMPARE(page.heatmap()->valueAt(0, 0), r.cells[0].medianMs);
    QCOMPARE(page.heatmap()->valueAt(0, 1), r.cells[1].medianMs);
    QVERIFY(std::isnan(page.heatmap()->valueAt(1, 0)));
    // One curve for the single (dataset-less) chunk, then the ideal.
    QCOMPARE(page.speedupChart()->curveCount(), 2);
    QCOMPARE(page.speedupChart()->curveName(1), QStringLiteral("ideal"));
    const QList<QPointF> speedup = page.speedupChart()->curvePoints(0);
    QCOMPARE(speedup.size(), 2);
    QCOMPARE(speedup[1].x(), 2.0);
    QCOMPARE(speedup[1].y(), r.cells[1].speedup);
    QVERIFY2(r.cells[1].speedup > 1.5, qPrintable(QString::number(r.cells[1].speedup)));
    QCOMPARE(page.efficiencyChart()->curvePoints(0)[1].y(), r.cells[1].efficiency);
    QCOMPARE(page.efficiencyChart()->curvePoints(1), (QList<QPointF>{{1, 1}, {2, 1}}));

    const QString text = page.recommendationLabel()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Best: workers=2 policy=fifo, median ")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("workers=1 policy=fifo: ")));
    QVERIFY(text.contains(QStringLiteral("fewer workers: 1 instead of 2")));
    QVERIFY(page.applyButton()->isEnabled());
    QSignalSpy applied(&page, &SweepPage::applyRequested);
    page.applyButton()->click();
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied[0][0].value<SweepSetting>().workers, 2);
}

void TestSweepPage::badGridSaysWhichField()
{
    SweepPage page;
    page.setJobProvider(sleepingTasks(5, 1));
    page.setWorkerCounts(QStringLiteral("1, x"));
    QVERIFY(!page.startSweep());
    QCOMPARE(page.statusLabel()->text(),
             QStringLiteral("Workers: 'x' is not a worker count (1 … 1024)."));
    page.setWorkerCounts(QStringLiteral("1"));
    page.setPolicies({});
    QVERIFY(!page.startSweep());
    QCOMPARE(page.statusLabel()->text(), QStringLiteral("the sweep needs at least one policy"));
    SweepPage noJob;
    QVERIFY(!noJob.startSweep());
    QCOMPARE(noJob.statusLabel()->text(),
             QStringLiteral("Nothing to sweep: set up a job on the Run setup page first."));
    QVERIFY(!noJob.applyButton()->isEnabled());
}

void TestSweepPage::cancelStopsTheSweep()
{
    SweepPage page;
    page.setJobProvider(sleepingTasks(400, 5));
    page.setWorkerCounts(QStringLiteral("1, 2, 3"));
    page.setRepeats(3);
    QSignalSpy finished(&page, &SweepPage::sweepFinished);
    QVERIFY(page.startSweep());
    QTest::qWait(100);
    page.cancelButton()->click();
    QVERIFY(finished.wait(10000));
    QVERIFY2(page.statusLabel()->text().startsWith(QStringLiteral("Sweep cancelled after 0 of 3 "
                                                                  "settings")),
             qPrintable(page.statusLabel()->text()));
    QVERIFY(page.runButton()->isEnabled());
}

void TestSweepPage::applyChangesRunSetup()
{
    MainWindow w;
    w.show();
    QSignalSpy loaded(w.datasetPage(), &DatasetPage::datasetLoaded);
    const QString weather = QStringLiteral(SF_SAMPLES_DIR "/weather.csv");
    w.openDataset(weather);
    QVERIFY(loaded.wait(30000));
    RunSetupPage *setup = w.runSetupPage();
    QVERIFY(setup->setAnalysis(QStringLiteral("profile")));
    setup->setChunk(PartitionSpec::Unit::Rows, 777);
    setup->setWorkers(3);

    w.pages()->setCurrentIndex(MainWindow::SweepTab);
    SweepPage *page = w.sweepPage();
    page->setChunkSizes(QStringLiteral("5000, 15000"));
    page->setWorkerCounts(QStringLiteral("1, 2"));
    page->setPolicies({SchedulePolicy::Fifo, SchedulePolicy::Longest});
    page->setRepeats(1);
    page->setSample({SweepSample::Kind::First, 1});
    QSignalSpy finished(page, &SweepPage::sweepFinished);
    QVERIFY(page->startSweep());
    QCOMPARE(page->statusLabel()->text(),
             QStringLiteral("Measured on a sample: the first 1 chunks of 15000 rows (15000 of "
                            "30000 rows, 50.0%)."));
    QVERIFY(finished.wait(60000));
    QCOMPARE(page->result().cells.size(), 8);
    QCOMPARE(page->result().datasetRows, std::int64_t(15000));
    QCOMPARE(page->heatmap()->columns(), 2);
    QVERIFY(page->recommendationLabel()->text().contains(
        QStringLiteral("\nMeasured on a sample: the first 1 chunks of 15000 rows")));

    const SweepSetting best = page->recommendation().best.setting;
    page->applyButton()->click();
    QCOMPARE(w.pages()->currentIndex(), int(MainWindow::RunSetupTab));
    QCOMPARE(setup->partition().size, best.chunk);
    QCOMPARE(setup->partition().unit, PartitionSpec::Unit::Rows);
    QCOMPARE(setup->runOptions().workers, best.workers);
    QCOMPARE(setup->runOptions().policy, best.policy);
    // The workbench's runs leave the GUI thread ahead of their workers.
    QCOMPARE(setup->runOptions().workerNice, RunSession::kWorkerNice);
}

QTEST_MAIN(TestSweepPage)
#include "tst_sweeppage.moc"
