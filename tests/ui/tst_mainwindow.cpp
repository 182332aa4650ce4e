// The workbench frame: open → run → results; several datasets and queued jobs on one pool,
// one progress bar each; cancel mid-run; pause/resume; a live worker change; drop to open;
// the window layout saved and restored.
#include "analysisoptionsform.h"
#include "datasetpage.h"
#include "liverunpage.h"
#include "mainwindow.h"
#include "progresspanel.h"
#include "resultmodel.h"
#include "resultspage.h"
#include "runsession.h"
#include "runsetuppage.h"
#include "settings.h"
#include "tasktablemodel.h"
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QUrl>

using namespace sf;
using namespace sf::ui;

namespace {

const QString kWeather = QStringLiteral(SF_SAMPLES_DIR "/weather.csv");
const QString kPeople = QStringLiteral(SF_TEST_DATA_DIR "/analyses/people.csv");

// A slow synthetic job: sleeping tasks, so the run lasts while the test pokes at it.
void setUpSlowSynthetic(MainWindow &w, int tasks, double meanMs)
{
    RunSetupPage *setup = w.runSetupPage();
    QVERIFY(setup->setAnalysis(QStringLiteral("synthetic")));
    setup->optionsForm()->syntheticTasksSpin()->setValue(tasks);
    setup->optionsForm()->syntheticMeanSpin()->setValue(meanMs);
    setup->optionsForm()
        ->findChild<QCheckBox *>(QStringLiteral("syntheticCpuBound"))
        ->setChecked(false);
    setup->setWorkers(2);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void openRunProfileShowsResults();
    void runWhenLoadedStartsByItself();
    void queuedJobsOnOnePoolEachNamed();
    void cancelMidRun();
    void pauseResumeAndWorkers();
    void dropOpensDataset();
    void layoutSavedOnClose();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SuperflowTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::openRunProfileShowsResults()
{
    MainWindow w;
    w.show();
    QSignalSpy loaded(w.datasetPage(), &DatasetPage::datasetLoaded);
    w.openDataset(kWeather);
    QCOMPARE(w.pages()->currentIndex(), int(MainWindow::DatasetTab));
    QVERIFY(loaded.wait(30000));
    QVERIFY(w.runSetupPage()->setAnalysis(QStringLiteral("profile")));
    w.runSetupPage()->setChunk(PartitionSpec::Unit::Rows, 2000);

    QSignalSpy finished(w.session(), &RunSession::finished);
    QSignalSpy snapshots(w.session(), &RunSession::snapshotReady);
    w.runAction()->trigger();
    QVERIFY(w.session()->isRunning());
    QCOMPARE(w.pages()->currentIndex(), int(MainWindow::LiveRunTab));
    QVERIFY(!w.runAction()->isEnabled());
    QVERIFY(w.cancelAction()->isEnabled());
    QVERIFY(finished.wait(60000));
    QCOMPARE(w.pages()->currentIndex(), int(MainWindow::ResultsTab));
    QVERIFY(w.runAction()->isEnabled());
    QVERIFY(!w.cancelAction()->isEnabled());
    QCOMPARE(w.resultsPage()->resultModel()->rowCount(), 8);
    QCOMPARE(w.resultsPage()->resultModel()->index(2, 0).data().toString(),
             QStringLiteral("temp_max"));
    // 30000 rows in chunks of 2000: 15 tasks, every one shown in the live tasks table.
    QCOMPARE(w.liveRunPage()->tasksModel()->rowCount(), 15);
    QVERIFY(w.statusBar()->findChildren<QLabel *>().size() > 0);
}

void TestMainWindow::runWhenLoadedStartsByItself()
{
    MainWindow w;
    QVERIFY(w.runSetupPage()->setAnalysis(QStringLiteral("profile")));
    QSignalSpy finished(w.session(), &RunSession::finished);
    w.runWhenLoaded(kWeather);
    w.openDataset(kWeather);
    QVERIFY(finished.wait(60000));
    QCOMPARE(w.resultsPage()->resultModel()->rowCount(), 8);
    QCOMPARE(w.resultsPage()->run()->outcomes[0].rows, 30000);
}

void TestMainWindow::queuedJobsOnOnePoolEachNamed()
{
    MainWindow w;
    QSignalSpy loaded(w.datasetPage(), &DatasetPage::datasetLoaded);
    w.openDataset(kWeather);
    w.openDataset(kPeople);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 30000);
    QCOMPARE(w.datasetPage()->readyDatasets().size(), 2);
    RunSetupPage *setup = w.runSetupPage();
    QVERIFY(setup->setPolicy(SchedulePolicy::Priority));
    QVERIFY(setup->setAnalysis(QStringLiteral("profile")));
    QVERIFY(setup->selectDataset(kWeather));
    setup->setJobPriority(3);
    QVERIFY(setup->addJob());
    QVERIFY(setup->selectDataset(kPeople));
    setup->setJobPriority(-2);
    QVERIFY(setup->addJob());
    setUpSlowSynthetic(w, 30, 5.0);
    setup->setJobPriority(0);
    QVERIFY(setup->addJob());

    QSignalSpy finished(w.session(), &RunSession::finished);
    QVERIFY(w.startRun());
    QCOMPARE(w.session()->run()->jobCount(), 3);
    QVERIFY(finished.wait(60000));
    // One bar per job, each labelled with its job's own name and dataset.
    ProgressPanel *progress = w.liveRunPage()->progressPanel();
    QCOMPARE(progress->jobBarCount(), 3);
    for (int j = 0; j < 3; ++j)
        QCOMPARE(progress->jobBar(j)->value(), 1000);
    const auto run = w.resultsPage()->run();
    QCOMPARE(run->jobNames, (QStringList{QStringLiteral("profile · weather.csv (p3)"),
                                         QStringLiteral("profile · people.csv (p-2)"),
                                         QStringLiteral("synthetic")}));
    for (const JobOutcome &o : run->outcomes)
        QCOMPARE(int(o.status), int(JobOutcome::Status::Done));
    QCOMPARE(run->outcomes[0].rows, 30000);
    auto *jobs = w.resultsPage()->findChild<QComboBox *>(QStringLiteral("resultJob"));
    QCOMPARE(jobs->count(), 3);
    jobs->setCurrentIndex(1);
    QCOMPARE(w.resultsPage()->resultModel()->index(0, 0).data().toString(),
             w.datasetPage()->readyDatasets().at(1).source->schema().columns.at(0).name);
    // The tasks table names each task's job.
    const TaskTableModel *tasks = w.liveRunPage()->tasksModel();
    QSet<QString> names;
    for (int r = 0; r < tasks->rowCount(); ++r)
        names.insert(tasks->index(r, TaskTableModel::JobColumn).data().toString());
    QCOMPARE(names.size(), 3);
    QVERIFY(names.contains(QStringLiteral("profile · people.csv (p-2)")));
}

void TestMainWindow::cancelMidRun()
{
    MainWindow w;
    setUpSlowSynthetic(w, 400, 30.0); // ~6 s on 2 workers
    QSignalSpy snapshots(w.session(), &RunSession::snapshotReady);
    QSignalSpy finished(w.session(), &RunSession::finished);
    QVERIFY(w.startRun());
    QVERIFY(!w.startRun()); // one run at a time
    QVERIFY(snapshots.wait(5000));
    QElapsedTimer clock;
    clock.start();
    w.cancelAction()->trigger();
    QVERIFY(finished.wait(5000));
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(w.pages()->currentIndex(), int(MainWindow::ResultsTab));
    QCOMPARE(int(w.resultsPage()->run()->outcomes[0].status), int(JobOutcome::Status::Cancelled));
    QVERIFY(w.resultsPage()->run()->summary.tasksDone < 400);
    QVERIFY(w.resultsPage()->summaryLabel()->text().contains(QStringLiteral("cancelled")));
}

void TestMainWindow::pauseResumeAndWorkers()
{
    MainWindow w;
    setUpSlowSynthetic(w, 60, 10.0);
    QSignalSpy finished(w.session(), &RunSession::finished);
    QVERIFY(w.startRun());
    w.pauseAction()->trigger();
    QVERIFY(w.pauseAction()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(w.session()->lastSummary().paused, 5000);
    Q_EMIT w.liveRunPage()->workersChanged(1);
    QTRY_COMPARE_WITH_TIMEOUT(w.session()->lastSummary().workers, 1, 5000);
    Q_EMIT w.liveRunPage()->resumeRequested();
    QVERIFY(!w.pauseAction()->isChecked());
    QVERIFY(finished.wait(30000));
    QCOMPARE(w.resultsPage()->run()->summary.tasksDone, 60);
    QCOMPARE(int(w.resultsPage()->run()->outcomes[0].status), int(JobOutcome::Status::Done));
}

void TestMainWindow::dropOpensDataset()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy loaded(w.datasetPage(), &DatasetPage::datasetLoaded);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(kWeather)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(w.datasetPage()->readyDatasets().size(), 1);
    QCOMPARE(w.windowTitle(), QStringLiteral("Superflow — weather.csv"));
}

void TestMainWindow::layoutSavedOnClose()
{
    {
        MainWindow w;
        w.show();
        w.resize(1111, 777);
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.close();
    }
    QVERIFY(!Settings::windowGeometry().isEmpty());
    QVERIFY(!Settings::windowState().isEmpty());
    MainWindow again;
    QCOMPARE(again.size(), QSize(1111, 777));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
