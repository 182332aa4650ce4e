// The History page and service: finished runs saved through the RunSession finish path on
// the history thread, the table listing and filtering them, a past run's charts redrawn from
// its stored attempts, two runs compared side by side, and a corrupt file reported.
#include "syntheticrun.h"
#include "comparisonhistogram.h"
#include "comparisonview.h"
#include "historymodel.h"
#include "historypage.h"
#include "historyservice.h"
#include "runsession.h"
#include "timingcharts.h"
#include "timingchartshistogram.h"
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace sf;
using namespace sf::ui;

namespace {

// Run A: 10 tasks of 1..10 ms in 100 ms; run B: 2..20 ms in 50 ms.
StoredRun knownRun(int k)
{
    StoredRun r;
    r.params.origin = QStringLiteral("cli");
    r.params.analysis = k == 0 ? QStringLiteral("profile") : QStringLiteral("synthetic");
    r.params.jobName = r.params.analysis;
    if (k == 0) r.params.datasetPath = QStringLiteral("/data/weather.csv");
    r.params.workers = 2;
    r.totals.status = QStringLiteral("done");
    r.totals.wallMs = k == 0 ? 100 : 50;
    r.totals.tasks = 10;
    for (int i = 1; i <= 10; ++i) {
        TaskRecord t;
        t.attemptId = i - 1;
        t.taskId = i - 1;
        t.worker = i % 2;
        t.state = TaskState::Done;
        t.startedNs = 1'000'000;
        t.finishedNs = t.startedNs + std::int64_t(i * (k + 1)) * 1'000'000;
        t.rowsDone = 10;
        r.tasks.push_back(t);
    }
    return r;
}

} // namespace

class TestHistoryPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void finishedRunIsSavedOffTheGuiThread();
    void listsFiltersOpensAndCompares();
    void corruptFileIsReported();
};

void TestHistoryPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SuperflowTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_historypage"));
}

void TestHistoryPage::finishedRunIsSavedOffTheGuiThread()
{
    QTemporaryDir dir;
    HistoryService service(nullptr, dir.filePath(QStringLiteral("h.sqlite")), 100);
    RunSession session;
    session.setHistory(&service);
    QSignalSpy saved(&service, &HistoryService::saved);
    QSignalSpy finished(&session, &RunSession::finished);
    session.start(sf::test::syntheticRun(12, 1, 2));
    QVERIFY(finished.wait(30000));
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved[0][0].toLongLong(), 1);

    QSignalSpy listed(&service, &HistoryService::listed);
    service.requestList();
    QVERIFY(listed.wait(10000));
    const auto runs = listed[0][0].value<QList<StoredRun>>();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].params.origin, QStringLiteral("gui"));
    QCOMPARE(runs[0].params.analysis, QStringLiteral("synthetic"));
    QCOMPARE(runs[0].params.workers, 2);
    QCOMPARE(runs[0].totals.tasks, std::int64_t(12));
    QCOMPARE(runs[0].totals.status, QStringLiteral("done"));

    QSignalSpy loaded(&service, &HistoryService::loaded);
    service.requestLoad(1);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded[0][0].value<StoredRun>().tasks.size(), std::size_t(12));
}

void TestHistoryPage::listsFiltersOpensAndCompares()
{
    QTemporaryDir dir;
    HistoryService service(nullptr, dir.filePath(QStringLiteral("h.sqlite")), 100);
    service.save(knownRun(0));
    service.save(knownRun(1));
    QVERIFY(service.waitForIdle());

    HistoryPage page(&service);
    page.resize(1300, 900);
    QSignalSpy listed(&page, &HistoryPage::listUpdated);
    page.show(); // the first show lists
    QVERIFY(listed.wait(10000));
    QCOMPARE(page.model()->rowCount(), 2);
    QCOMPARE(page.proxy()->index(0, HistoryModel::IdColumn).data().toLongLong(), 2);
    QCOMPARE(page.proxy()->index(1, HistoryModel::DatasetColumn).data().toString(),
             QStringLiteral("weather.csv"));
    QCOMPARE(page.proxy()->index(1, HistoryModel::ChunkColumn).data().toString(),
             QStringLiteral("50000 rows"));
    QCOMPARE(page.proxy()->index(0, HistoryModel::ChunkColumn).data().toString(),
             QStringLiteral("—"));
    page.filterEdit()->setText(QStringLiteral("PROFILE"));
    QCOMPARE(page.proxy()->rowCount(), 1);
    page.filterEdit()->clear();
    QCOMPARE(page.proxy()->rowCount(), 2);
    page.table()->sortByColumn(HistoryModel::WallColumn, Qt::AscendingOrder);
    QCOMPARE(page.proxy()->index(0, HistoryModel::IdColumn).data().toLongLong(), 2); // 50 ms

    // A past run's charts, from its stored attempts.
    page.selectRuns({1});
    QSignalSpy opened(&page, &HistoryPage::runOpened);
    page.openSelected();
    QVERIFY(opened.wait(10000));
    QCOMPARE(page.charts()->histogram()->total(), std::int64_t(10));
    QVERIFY2(page.runLabel()->text().startsWith(QStringLiteral("Run 1 — profile · ")),
             qPrintable(page.runLabel()->text()));
    QVERIFY(page.runLabel()->text().endsWith(QStringLiteral(" · 100.0 ms · 10 tasks")));

    // Two runs side by side.
    page.selectRuns({1, 2});
    QSignalSpy compared(&page, &HistoryPage::runsCompared);
    page.compareSelected();
    QVERIFY(compared.wait(10000));
    QCOMPARE(page.views()->currentWidget(), page.comparison());
    const RunComparison &c = page.comparison()->comparison();
    QCOMPARE(c.idA, std::int64_t(1));
    QCOMPARE(c.wallRatio, 0.5);
    QCOMPARE(c.diff.medianMs, 5.0);
    QTableWidget *table = page.comparison()->quantileTable();
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Run 1"));
    QCOMPARE(table->verticalHeaderItem(0)->text(), QStringLiteral("wall ms"));
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("100.0"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("50.0"));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("0.50×"));
    QCOMPARE(table->verticalHeaderItem(4)->text(), QStringLiteral("task p50 ms"));
    QCOMPARE(table->item(4, 0)->text(), QStringLiteral("5.000"));
    QCOMPARE(table->item(4, 1)->text(), QStringLiteral("10.000"));
    QCOMPARE(table->item(4, 2)->text(), QStringLiteral("5.000"));
    QVERIFY(page.comparison()->summaryLabel()->text().contains(
        QStringLiteral("Run 2 took 0.50× the wall time of run 1: 50% faster.")));
    QCOMPARE(page.comparison()->histogram()->barsA()->data()->size(), 20);
    double sumA = 0, sumB = 0;
    for (auto it = page.comparison()->histogram()->barsA()->data()->constBegin();
         it != page.comparison()->histogram()->barsA()->data()->constEnd(); ++it)
        sumA += it->value;
    for (auto it = page.comparison()->histogram()->barsB()->data()->constBegin();
         it != page.comparison()->histogram()->barsB()->data()->constEnd(); ++it)
        sumB += it->value;
    QCOMPARE(sumA, 100.0); // shares of each run's 10 tasks
    QCOMPARE(sumB, 100.0);
    QCOMPARE(page.comparison()->histogram()->barsA()->name(), QStringLiteral("run 1 (10 tasks)"));

    // Removing a run lists again without it.
    page.selectRuns({2});
    listed.clear();
    page.removeSelected();
    QVERIFY(listed.wait(10000));
    QCOMPARE(page.model()->rowCount(), 1);
}

void TestHistoryPage::corruptFileIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("not a database\n").repeated(100));
    }
    HistoryService service(nullptr, path, 100);
    QSignalSpy problem(&service, &HistoryService::problem);
    QSignalSpy saved(&service, &HistoryService::saved);
    service.save(knownRun(1));
    QVERIFY(saved.wait(10000));
    QCOMPARE(problem.size(), 1);
    QVERIFY(problem[0][0].toString().startsWith(
        path + QStringLiteral(" was not a usable run history (file is not a database)")));
}

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
