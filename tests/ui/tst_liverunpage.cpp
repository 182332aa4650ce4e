// The Live run page fed with synthetic snapshots: table, stream, progress, controls, timings
// charts, errors, and chart export to PNG/SVG/PDF files that parse back.
#include "chartexport.h"
#include "chartexportdialog.h"
#include "errorspanel.h"
#include "liverunpage.h"
#include "progresspanel.h"
#include "taskfilterproxy.h"
#include "taskstreamwidget.h"
#include "tasktablemodel.h"
#include "timingcharts.h"
#include "timingchartshistogram.h"
#include "timingchartsseries.h"
#include "timingchartsutilisation.h"
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <qcustomplot.h>

using namespace sf;
using namespace sf::ui;

namespace {

constexpr std::int64_t kMs = 1'000'000;

TaskRecord attempt(std::int64_t id, TaskState state, int worker, std::int64_t startMs,
                   std::int64_t durationMs)
{
    TaskRecord r;
    r.attemptId = r.taskId = r.chunk = id;
    r.firstRow = id * 10;
    r.rowCount = 10;
    r.rowsDone = state == TaskState::Done ? 10 : 0;
    r.state = state;
    r.worker = worker;
    r.queuedNs = 0;
    r.startedNs = startMs * kMs;
    r.finishedNs = state == TaskState::Running ? 0 : (startMs + durationMs) * kMs;
    return r;
}

RunSummary summary(double elapsedMs, std::int64_t done, std::int64_t total)
{
    RunSummary s;
    s.elapsedMs = elapsedMs;
    s.workers = 2;
    s.tasksDone = done;
    s.tasksTotal = total;
    s.progress = total > 0 ? double(done) / double(total) : 0;
    s.rowsPerSec = 12'345;
    s.bytesPerSec = 2.5e6;
    s.etaMs = 65'000;
    return s;
}

} // namespace

class TestLiveRunPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void snapshotsFillEveryView();
    void clickOnBarSelectsTableRow();
    void stateFilterCombo();
    void controlsEmitRequests();
    void histogramCountsAndQuantiles();
    void seriesAndUtilisation();
    void errorsPanelListsFailuresAndRejects();
    void chartExportWritesParsableFiles();
    void chartExportRejectsUnknownFormat();
    void chartExportDialogSizes();
    void taskStreamExportButtonWritesTheChosenFile();

private:
    LiveRunPage *m_page = nullptr;
};

void TestLiveRunPage::init()
{
    m_page = new LiveRunPage;
    m_page->resize(1200, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_page->reset({QStringLiteral("a.csv"), QStringLiteral("b.csv")}, 2);
}

void TestLiveRunPage::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void TestLiveRunPage::snapshotsFillEveryView()
{
    QAbstractItemModelTester tester(m_page->tasksProxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunSnapshot s1;
    s1.changed = {attempt(0, TaskState::Running, 0, 0, 0), attempt(1, TaskState::Running, 1, 0, 0),
                  attempt(2, TaskState::Queued, -1, 0, 0)};
    s1.summary = summary(5, 0, 10);
    m_page->applySnapshot(s1);
    QCOMPARE(m_page->tasksModel()->rowCount(), 3);
    QCOMPARE(m_page->taskStream()->plottable()->barCount(), 2); // the queued one has no bar

    RunSnapshot s2;
    s2.changed = {attempt(0, TaskState::Done, 0, 0, 4), attempt(2, TaskState::Running, 0, 4, 0),
                  attempt(3, TaskState::Queued, -1, 0, 0)};
    s2.summary = summary(6, 3, 10);
    s2.summary.tasksRunning = 2;
    s2.summary.tasksQueued = 1;
    m_page->applySnapshot(s2);
    QCOMPARE(m_page->tasksModel()->rowCount(), 4);
    QCOMPARE(m_page->taskStream()->plottable()->barCount(), 3);
    QCOMPARE(m_page->progressPanel()->overallBar()->value(), 300);
    const QString stats = m_page->progressPanel()->statsText();
    QVERIFY2(stats.contains(QStringLiteral("tasks 3/10 · 2 running · 1 queued")),
             qPrintable(stats));
    QVERIFY2(stats.contains(QStringLiteral("12.3 k rows/s · 2.5 MB/s")), qPrintable(stats));
    QVERIFY2(stats.contains(QStringLiteral("ETA 1:05")), qPrintable(stats));
    QCOMPARE(m_page->progressPanel()->jobBarCount(), 0);

    // Several jobs: one bar each.
    RunSnapshot s3;
    s3.summary = summary(7, 4, 10);
    s3.summary.jobs = {JobProgress{0, QStringLiteral("a.csv"), 3, 4, 30, 40, 0, 0, false},
                       JobProgress{1, QStringLiteral("b.csv"), 1, 6, 10, 60, 0, 0, false}};
    m_page->applySnapshot(s3);
    QCOMPARE(m_page->progressPanel()->jobBarCount(), 2);
    QCOMPARE(m_page->progressPanel()->jobBar(0)->value(), 750);
    QCOMPARE(m_page->progressPanel()->jobBar(1)->value(), 167);

    m_page->runFinished();
    QVERIFY(!m_page->progressPanel()->pauseButton()->isEnabled());
    QVERIFY(m_page->progressPanel()->statsText().endsWith(QStringLiteral("finished")));

    m_page->reset({}, 4);
    QCOMPARE(m_page->tasksModel()->rowCount(), 0);
    QCOMPARE(m_page->taskStream()->plottable()->barCount(), 0);
    QCOMPARE(m_page->progressPanel()->jobBarCount(), 0);
    QCOMPARE(m_page->progressPanel()->workersBox()->value(), 4);
    QVERIFY(m_page->progressPanel()->pauseButton()->isEnabled());
}

void TestLiveRunPage::clickOnBarSelectsTableRow()
{
    RunSnapshot s;
    for (int i = 0; i < 20; ++i)
        s.changed.push_back(attempt(i, TaskState::Done, i % 2, (i / 2) * 10, 8));
    s.summary = summary(100, 20, 20);
    m_page->applySnapshot(s);
    m_page->tabs()->setCurrentIndex(2); // the click must bring the Tasks tab back
    m_page->tasksView()->sortByColumn(TaskTableModel::IdColumn, Qt::DescendingOrder);
    QCustomPlot *plot = m_page->taskStream()->plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    // Attempt 13: lane 1, starts at 60 ms.
    const QPoint pos(qRound(plot->xAxis->coordToPixel(0.064)),
                     qRound(plot->yAxis->coordToPixel(1)));
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, pos);
    QCOMPARE(m_page->tabs()->currentIndex(), 0);
    const QModelIndex current = m_page->tasksView()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(TaskTableModel::AttemptIdRole).toLongLong(), 13);
    QCOMPARE(current.row(), 6); // ids 19 … 0 descending
    QVERIFY(m_page->taskStream()->tooltipAt(pos).contains(QStringLiteral("Task 13, attempt 1")));

    // And the other way: choosing a row marks the bar.
    m_page->tasksView()->selectRow(0);
    QCOMPARE(m_page->taskStream()->plottable()->selectedAttempt(), 19);
}

void TestLiveRunPage::stateFilterCombo()
{
    RunSnapshot s;
    s.changed = {attempt(0, TaskState::Done, 0, 0, 5), attempt(1, TaskState::Failed, 1, 0, 5),
                 attempt(2, TaskState::Retried, 0, 5, 5), attempt(3, TaskState::Running, 1, 5, 0)};
    s.changed[0].straggler = true;
    m_page->applySnapshot(s);
    QComboBox *combo = m_page->stateFilterBox();
    const auto rowsFor = [&](const QString &label) {
        combo->setCurrentIndex(combo->findText(label));
        return m_page->tasksProxy()->rowCount();
    };
    QCOMPARE(rowsFor(QStringLiteral("Failed or retried")), 2);
    QCOMPARE(rowsFor(QStringLiteral("Running")), 1);
    QCOMPARE(rowsFor(QStringLiteral("Stragglers")), 1);
    QCOMPARE(rowsFor(QStringLiteral("Queued")), 0);
    // Selecting a filtered-out attempt clears the filter instead of selecting nothing.
    m_page->selectAttempt(1);
    QCOMPARE(combo->currentIndex(), 0);
    QCOMPARE(m_page->tasksView()->currentIndex().data(TaskTableModel::AttemptIdRole).toLongLong(),
             1);
}

void TestLiveRunPage::controlsEmitRequests()
{
    QSignalSpy pause(m_page, &LiveRunPage::pauseRequested);
    QSignalSpy resume(m_page, &LiveRunPage::resumeRequested);
    QSignalSpy cancel(m_page, &LiveRunPage::cancelRequested);
    QSignalSpy workers(m_page, &LiveRunPage::workersChanged);
    ProgressPanel *panel = m_page->progressPanel();
    QTest::mouseClick(panel->pauseButton(), Qt::LeftButton);
    QCOMPARE(pause.count(), 1);
    QCOMPARE(panel->pauseButton()->text(), QStringLiteral("Resume"));
    QTest::mouseClick(panel->pauseButton(), Qt::LeftButton);
    QCOMPARE(resume.count(), 1);
    QCOMPARE(panel->pauseButton()->text(), QStringLiteral("Pause"));
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QCOMPARE(cancel.count(), 1);
    panel->workersBox()->setValue(3);
    QCOMPARE(workers.count(), 1);
    QCOMPARE(workers.at(0).at(0).toInt(), 3);
    // The engine's state flows back without echoing requests.
    RunSnapshot s;
    s.summary = summary(10, 0, 5);
    s.summary.paused = true;
    s.summary.workers = 6;
    m_page->applySnapshot(s);
    QVERIFY(panel->pauseButton()->isChecked());
    QCOMPARE(panel->workersBox()->value(), 6);
    QCOMPARE(pause.count(), 1);
    QCOMPARE(workers.count(), 1);
}

void TestLiveRunPage::histogramCountsAndQuantiles()
{
    DurationHistogramChart *h = m_page->timings()->histogram();
    QCOMPARE(DurationHistogramChart::binOf(1.0), 30); // 1 ms: decade 3 of 10 from 1 µs
    QCOMPARE(DurationHistogramChart::binOf(10.0), 40);
    QCOMPARE(DurationHistogramChart::binOf(1.5), 31); // log10(1.5) = 0.176
    QCOMPARE(DurationHistogramChart::binOf(1e-9), 0);
    QCOMPARE(DurationHistogramChart::binOf(1e12), DurationHistogramChart::BinCount - 1);
    RunSnapshot s;
    s.changed = {
        attempt(0, TaskState::Done, 0, 0, 1),      attempt(1, TaskState::Done, 0, 1, 10),
        attempt(2, TaskState::Done, 1, 0, 10),     attempt(3, TaskState::Running, 1, 10, 0),
        attempt(4, TaskState::Failed, 0, 11, 100), attempt(5, TaskState::Cancelled, 1, 20, 3)};
    s.summary = summary(200, 4, 6);
    s.summary.durations = {1, 1, 10, 10, 100, 100};
    m_page->applySnapshot(s);
    QCOMPARE(h->total(), 4);
    QCOMPARE(h->count(30), 1);
    QCOMPARE(h->count(40), 2);
    QCOMPARE(h->count(50), 1);
    QCOMPARE(h->markerPosition(1), 1.0); // median 10 ms at log10 = 1
    QCOMPARE(h->markerPosition(3), 2.0);
    // Attempt 1 is flagged a straggler later: it moves to the straggler series, not counted twice.
    RunSnapshot later;
    later.changed = {attempt(1, TaskState::Done, 0, 1, 10)};
    later.changed[0].straggler = true;
    later.summary = s.summary;
    m_page->applySnapshot(later);
    QCOMPARE(h->total(), 4);
    QCOMPARE(h->count(40), 1);
    QCOMPARE(h->stragglerCount(40), 1);
}

void TestLiveRunPage::seriesAndUtilisation()
{
    RunSnapshot s;
    s.summary = summary(2000, 1, 2);
    s.summary.throughput = {{0, 0}, {1000, 5000}, {2000, 7000}};
    s.summary.queueLength = {{0, 10}, {1000, 4}};
    s.summary.workerUtilisation = {0.5, 0.25};
    m_page->applySnapshot(s);
    ThroughputChart *t = m_page->timings()->throughput();
    QCOMPARE(t->throughputGraph()->dataCount(), 3);
    QCOMPARE(t->throughputGraph()->data()->at(2)->value, 7000.0);
    QCOMPARE(t->throughputGraph()->data()->at(2)->key, 2.0);
    QCOMPARE(t->queueGraph()->dataCount(), 2);
    QCOMPARE(t->plot()->xAxis->range().upper, 2.0);
    QCPBars *u = m_page->timings()->utilisation()->bars();
    QCOMPARE(u->dataCount(), 2);
    QCOMPARE(u->data()->at(0)->value, 50.0);
    QCOMPARE(u->data()->at(1)->value, 25.0);
}

void TestLiveRunPage::errorsPanelListsFailuresAndRejects()
{
    ErrorsPanel *errors = m_page->errorsPanel();
    RunSnapshot s;
    s.changed = {attempt(0, TaskState::Done, 0, 0, 1), attempt(1, TaskState::Retried, 1, 0, 2)};
    s.changed[1].error = QStringLiteral("line 40: bad quote");
    m_page->applySnapshot(s);
    m_page->applySnapshot(s); // the same failure again is listed once
    QCOMPARE(errors->failuresView()->topLevelItemCount(), 1);
    QCOMPARE(errors->failuresView()->topLevelItem(0)->text(4),
             QStringLiteral("line 40: bad quote"));
    QCOMPARE(errors->failuresView()->topLevelItem(0)->text(2), QStringLiteral("a.csv"));
    const QString failure = errors->detailsFor(errors->failuresView()->topLevelItem(0));
    QVERIFY2(failure.contains(QStringLiteral("Error: line 40: bad quote")), qPrintable(failure));
    QVERIFY2(failure.contains(QStringLiteral("b.csv")) || failure.contains(QStringLiteral("a.csv")),
             qPrintable(failure));

    RejectedRecord bad;
    bad.row = 38;
    bad.line = 40;
    bad.column = 7;
    bad.offset = 1234;
    bad.reason = QStringLiteral("unterminated quote");
    bad.raw = QByteArrayLiteral("1,\"abc\n2,x");
    // No rejects: their list takes no room and its count joins the failures' title.
    QVERIFY(!errors->rejectsView()->isVisibleTo(errors));
    m_page->setRejects({bad});
    QVERIFY(errors->rejectsView()->isVisibleTo(errors));
    QTreeWidgetItem *item = errors->rejectsView()->topLevelItem(0);
    QCOMPARE(item->text(0), QStringLiteral("40"));
    QCOMPARE(item->text(2), QStringLiteral("unterminated quote"));
    QCOMPARE(item->text(3), QStringLiteral("1,\"abc\\n2,x"));
    QSignalSpy shown(errors, &ErrorsPanel::detailsShown);
    QTest::mouseDClick(errors->rejectsView()->viewport(), Qt::LeftButton, Qt::NoModifier,
                       errors->rejectsView()->visualItemRect(item).center());
    if (shown.isEmpty()) // the Errors tab is hidden; drive the same path through the signal
        Q_EMIT errors->rejectsView()->itemDoubleClicked(item, 0);
    QCOMPARE(shown.count(), 1);
    const QString text = shown.at(0).at(0).toString();
    QVERIFY2(text.startsWith(QStringLiteral("Line 40, column 7 (record 38), byte offset 1234")),
             qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral("1,\"abc\n2,x")), qPrintable(text));
}

void TestLiveRunPage::chartExportWritesParsableFiles()
{
    RunSnapshot s;
    for (int i = 0; i < 50; ++i)
        s.changed.push_back(attempt(i, TaskState::Done, i % 2, i * 2, 1 + i % 7));
    s.summary = summary(120, 50, 50);
    s.summary.durations = {1, 2, 4, 5, 7, 7};
    s.summary.workerUtilisation = {0.9, 0.8};
    m_page->applySnapshot(s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<QCustomPlot *> plots{m_page->taskStream()->plot()};
    for (TimingChartBase *chart : m_page->timings()->charts())
        plots << chart->plot();
    int n = 0;
    for (QCustomPlot *plot : plots) {
        const QString base = dir.filePath(QStringLiteral("chart%1").arg(n++));
        QString error;
        QVERIFY2(ChartExport::save(plot, base + QStringLiteral(".png"), 640, 360, &error),
                 qPrintable(error));
        QImage image;
        QVERIFY(image.load(base + QStringLiteral(".png")));
        QCOMPARE(image.size(), QSize(640, 360));

        QVERIFY2(ChartExport::save(plot, base + QStringLiteral(".svg"), 800, 500, &error),
                 qPrintable(error));
        QSvgRenderer svg(base + QStringLiteral(".svg"));
        QVERIFY(svg.isValid());
        QCOMPARE(svg.viewBox(), QRect(0, 0, 800, 500));

        QVERIFY2(ChartExport::save(plot, base + QStringLiteral(".PDF"), 400, 300, &error),
                 qPrintable(error));
        QFile pdf(base + QStringLiteral(".PDF"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        QVERIFY2(bytes.contains("/MediaBox [0 0 400.000000 300.000000]"),
                 bytes.left(2000).constData());
    }
}

void TestLiveRunPage::chartExportRejectsUnknownFormat()
{
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("chart.bmpx"));
    QVERIFY(!ChartExport::save(m_page->taskStream()->plot(), path, 100, 100, &error));
    QCOMPARE(error, path + QStringLiteral(": unknown chart format (use .png, .svg or .pdf)"));
    QVERIFY(!QFile::exists(path));
}

void TestLiveRunPage::chartExportDialogSizes()
{
    ChartExportDialog dialog(QStringLiteral("Task durations"), QSize(640, 300));
    QCOMPARE(dialog.chartSize(), QSize(640, 300)); // the chart's own size first
    QCOMPARE(dialog.format(), ChartExport::Format::Png);
    QComboBox *presets = dialog.presetBox();
    const int hd = presets->findData(QSize(1920, 1080));
    QVERIFY(hd > 0);
    presets->setCurrentIndex(hd);
    Q_EMIT presets->activated(hd);
    QCOMPARE(dialog.chartSize(), QSize(1920, 1080));
    dialog.findChild<QSpinBox *>(QStringLiteral("chartWidth"))->setValue(1000);
    QCOMPARE(presets->currentText(), QStringLiteral("Custom"));
    QCOMPARE(dialog.chartSize(), QSize(1000, 1080));
    dialog.setFormat(ChartExport::Format::Pdf);
    QCOMPARE(dialog.format(), ChartExport::Format::Pdf);
    QCOMPARE(ChartExportDialog::suggestedFileName(QStringLiteral("Task stream"),
                                                  ChartExport::Format::Svg),
             QStringLiteral("Task stream.svg"));
    QCOMPARE(ChartExportDialog::withSuffix(QStringLiteral("/tmp/a"), ChartExport::Format::Pdf),
             QStringLiteral("/tmp/a.pdf"));
    QCOMPARE(ChartExportDialog::withSuffix(QStringLiteral("/tmp/a.PNG"), ChartExport::Format::Pdf),
             QStringLiteral("/tmp/a.PNG"));
}

void TestLiveRunPage::taskStreamExportButtonWritesTheChosenFile()
{
    RunSnapshot s;
    for (int i = 0; i < 20; ++i)
        s.changed.push_back(attempt(i, TaskState::Done, i % 2, i * 2, 3));
    s.summary = summary(50, 20, 20);
    m_page->applySnapshot(s);
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("stream")); // no suffix: SVG's is added
    // Answer the size dialog, then the file dialog it opens, as a user would.
    QTimer::singleShot(0, this, [target] {
        auto *sizes = qobject_cast<ChartExportDialog *>(QApplication::activeModalWidget());
        QVERIFY(sizes);
        sizes->setFormat(ChartExport::Format::Svg);
        sizes->setChartSize(QSize(1280, 720));
        QTimer::singleShot(0, sizes, [target] {
            auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(files);
            files->selectFile(target);
            static_cast<QDialog *>(files)->accept(); // protected in QFileDialog
        });
        sizes->accept();
    });
    QSignalSpy exported(m_page, &LiveRunPage::chartExported);
    auto *button = m_page->findChild<QToolButton *>(QStringLiteral("taskStreamExport"));
    QVERIFY(button);
    button->click();
    QCOMPARE(exported.count(), 1);
    QCOMPARE(exported.first().at(0).toString(), target + QStringLiteral(".svg"));
    QSvgRenderer svg(target + QStringLiteral(".svg"));
    QVERIFY(svg.isValid());
    QCOMPARE(svg.viewBox(), QRect(0, 0, 1280, 720));
}

QTEST_MAIN(TestLiveRunPage)
#include "tst_liverunpage.moc"
