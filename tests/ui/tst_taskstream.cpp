// The task stream plottable and widget: culling, pixel merging, picking, live edge, clicks.
#include "replotthrottle.h"
#include "taskstreamlanes.h"
#include "taskstreamplottable.h"
#include "taskstreamwidget.h"
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <qcustomplot.h>

using namespace sf;
using namespace sf::ui;

namespace {

constexpr std::int64_t kMs = 1'000'000;

// Bar k of a lane runs from k·10 ms to k·10 ms + 8 ms.
TaskRecord bar(std::int64_t id, int worker, std::int64_t k, TaskState state = TaskState::Done)
{
    TaskRecord r;
    r.attemptId = id;
    r.taskId = id;
    r.worker = worker;
    r.state = state;
    r.rowCount = 100;
    r.rowsDone = state == TaskState::Running ? 25 : 100;
    r.startedNs = k * 10 * kMs;
    r.finishedNs = state == TaskState::Running ? 0 : r.startedNs + 8 * kMs;
    return r;
}

std::vector<TaskRecord> lanesOfBars(int lanes, std::int64_t perLane)
{
    std::vector<TaskRecord> records;
    records.reserve(static_cast<std::size_t>(lanes * perLane));
    for (std::int64_t k = 0; k < perLane; ++k)
        for (int w = 0; w < lanes; ++w)
            records.push_back(bar(k * lanes + w, w, k));
    return records;
}

struct Plot {
    QCustomPlot plot;
    TaskStreamPlottable *bars;
    explicit Plot(int lanes)
        : bars(new TaskStreamPlottable(plot.xAxis, plot.yAxis))
    {
        // Hidden widgets get no resize event: set the viewport the way showing would.
        plot.resize(1600, 900);
        plot.setViewport(QRect(0, 0, 1600, 900));
        plot.yAxis->setRangeReversed(true);
        plot.yAxis->setRange(-0.5, lanes - 0.5);
    }
    void render() { plot.replot(QCustomPlot::rpImmediateRefresh); }
    QPointF at(double seconds, double lane) const
    {
        return {plot.xAxis->coordToPixel(seconds), plot.yAxis->coordToPixel(lane)};
    }
};

} // namespace

class TestTaskStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cullsAndMergesBelowAPixel();
    void zoomedInDrawsExactlyTheVisibleBars();
    void mergedColumnKeepsFailuresVisible();
    void selectTestFindsTheBar();
    void updatesAndOutOfOrderArrivals();
    void reservedLanesNeverReallocate();
    void runningBarsEndAtNow();
    void colourModes();
    void widgetFollowsUntilUserZooms();
    void widgetClickEmitsTaskClicked();
    void replotsAreCoalescedAndPaced();
};

void TestTaskStream::cullsAndMergesBelowAPixel()
{
    Plot p(2);
    p.bars->applyRecords(lanesOfBars(2, 50'000)); // 100k bars over 500 s
    QCOMPARE(p.bars->barCount(), 100'000);
    QCOMPARE(p.bars->laneCount(), 2);
    bool found = false;
    const QCPRange keys = p.bars->getKeyRange(found);
    QVERIFY(found);
    QCOMPARE(keys.lower, 0.0);
    QCOMPARE(keys.upper, 499.998);
    p.plot.xAxis->setRange(keys);
    p.render();
    const int width = p.plot.axisRect()->width();
    QVERIFY2(p.bars->lastDrawnRects() <= 2 * width,
             qPrintable(
                 QStringLiteral("%1 rects for width %2").arg(p.bars->lastDrawnRects()).arg(width)));
    // Every pixel column of both lanes has a bar under it: merging loses no coverage.
    QVERIFY2(p.bars->lastDrawnRects() >= 2 * (width - 2),
             qPrintable(QString::number(p.bars->lastDrawnRects())));
}

void TestTaskStream::zoomedInDrawsExactlyTheVisibleBars()
{
    Plot p(2);
    p.bars->applyRecords(lanesOfBars(2, 50'000));
    // [1.0 s, 1.1 s]: bars k = 100 … 110 touch it (k = 99 ends at 0.998 s) in each lane.
    p.plot.xAxis->setRange(1.0, 1.1);
    p.render();
    QCOMPARE(p.bars->lastDrawnRects(), 22);
    // Between two bars of one lane (8–10 ms gap) nothing but the neighbours is drawn.
    p.plot.xAxis->setRange(1.0085, 1.0095);
    p.render();
    QCOMPARE(p.bars->lastDrawnRects(), 0);
}

void TestTaskStream::mergedColumnKeepsFailuresVisible()
{
    Plot p(1);
    // ~125 bars per pixel: whole blocks of bars are merged without visiting each bar, and the
    // one failure among them must still colour its column.
    std::vector<TaskRecord> records = lanesOfBars(1, 200'000);
    records[123'450].state = TaskState::Failed;
    p.bars->applyRecords(records);
    p.plot.xAxis->setRange(0, 2000);
    p.render();
    const QImage image = p.plot.toPixmap(1600, 900).toImage();
    const QRgb failed = TaskStreamPlottable::slotColour(TaskStreamPlottable::SlotFailed).rgb();
    const int x = qRound(p.plot.xAxis->coordToPixel(1234.504));
    const int y = qRound(p.plot.yAxis->coordToPixel(0));
    int failedPixels = 0;
    for (int dx = -2; dx <= 2; ++dx)
        failedPixels += image.pixel(x + dx, y) == failed ? 1 : 0;
    QCOMPARE(failedPixels, 1); // one merged column, in the failure's colour
    const QRgb done = TaskStreamPlottable::slotColour(TaskStreamPlottable::SlotDone).rgb();
    QCOMPARE(image.pixel(x + 20, y), done);
}

void TestTaskStream::selectTestFindsTheBar()
{
    Plot p(2);
    p.bars->applyRecords(lanesOfBars(2, 1000));
    p.plot.xAxis->setRange(1.0, 1.2);
    p.render();
    QVariant details;
    // Middle of bar k = 105 in lane 1: attempt id 105·2 + 1.
    QCOMPARE(p.bars->selectTest(p.at(1.054, 1), false, &details), 0.0);
    QCOMPARE(details.toLongLong(), 211);
    QCOMPARE(p.bars->attemptAt(p.at(1.054, 0)), 210);
    // 1 pixel right of bar 105's end (1.058 s) still picks it, within the tolerance.
    const QPointF nearEnd(p.plot.xAxis->coordToPixel(1.058) + 1, p.plot.yAxis->coordToPixel(0));
    QCOMPARE(p.bars->attemptAt(nearEnd), 210);
    const double d = p.bars->selectTest(nearEnd, false);
    QVERIFY(d > 0 && d <= 3);
    // The middle of a 2 ms gap is 8 px from either bar at this zoom: nothing.
    QCOMPARE(p.bars->selectTest(p.at(1.059, 0), false), -1.0);
    // Between lanes.
    QCOMPARE(p.bars->selectTest(p.at(1.054, 0.5), false), -1.0);
    // Selectable is off, so QCustomPlot's own selection never claims the bars.
    QCOMPARE(p.bars->selectTest(p.at(1.054, 0), true), -1.0);
}

void TestTaskStream::updatesAndOutOfOrderArrivals()
{
    Plot p(1);
    // Later bars first, then earlier ones: the lane is re-sorted, picking stays right.
    p.bars->applyRecords({bar(5, 0, 5), bar(6, 0, 6)});
    p.bars->applyRecords({bar(1, 0, 1), bar(3, 0, 3), bar(2, 0, 2, TaskState::Running)});
    QCOMPARE(p.bars->barCount(), 5);
    p.bars->setNow(0.1);
    p.plot.xAxis->setRange(0, 0.07);
    p.render();
    for (std::int64_t k : {1, 2, 3, 5, 6})
        QCOMPARE(p.bars->attemptAt(p.at(k * 0.010 + 0.004, 0)), k);
    // The running bar finishes: same bar, updated in place.
    p.bars->applyRecords({bar(2, 0, 2)});
    QCOMPARE(p.bars->barCount(), 5);
    QCOMPARE(p.bars->attemptAt(p.at(0.027, 0)), 2);
    QCOMPARE(p.bars->attemptAt(p.at(0.0295, 0)), -1); // ended at 28 ms, no longer at "now"
    // Queued attempts and attempts without a worker have no bar.
    TaskRecord queued = bar(9, 0, 9, TaskState::Queued);
    queued.worker = -1;
    p.bars->applyRecords({queued});
    QCOMPARE(p.bars->barCount(), 5);
    p.bars->clearBars();
    QCOMPARE(p.bars->barCount(), 0);
    QCOMPARE(p.bars->attemptAt(p.at(0.014, 0)), -1);
}

void TestTaskStream::reservedLanesNeverReallocate()
{
    // Room for the run's attempts is taken before they arrive, including for lanes that do
    // not exist yet: the arrays keep their storage (no mid-run copy) and the bars are right.
    TaskStreamLanes lanes;
    const auto stateSlot = [](const TaskRecord &r) { return std::uint8_t(r.state); };
    const auto slot = [](std::uint8_t s, std::int32_t, std::int32_t) { return s; };
    lanes.reserve(40000, 2);
    const std::vector<TaskRecord> all = lanesOfBars(2, 20000);
    std::vector<TaskRecord> batch;
    const double *storage[2] = {nullptr, nullptr};
    for (std::size_t i = 0; i < all.size(); ++i) {
        batch.push_back(all[i]);
        if (batch.size() < 1000 && i + 1 < all.size()) continue;
        lanes.apply(batch, stateSlot, slot);
        batch.clear();
        for (int w = 0; w < 2; ++w) {
            const double *data = lanes.lanes()[std::size_t(w)].start.data();
            if (!storage[w]) storage[w] = data;
            QCOMPARE(data, storage[w]);
        }
    }
    QCOMPARE(lanes.barCount(), 40000);
    for (int w = 0; w < 2; ++w) {
        const TaskStreamLanes::Lane &lane = lanes.lanes()[std::size_t(w)];
        QCOMPARE(lane.size(), std::size_t(20000));
        QCOMPARE(lane.start[19999], 199.99);
        QCOMPARE(lane.attemptId[19999], 2 * 19999 + w);
    }
    const TaskStreamLanes::Location *last = lanes.locate(39999);
    QVERIFY(last);
    QCOMPARE(last->lane, 1);
    QCOMPARE(last->index, 19999);
    lanes.clear();
    QCOMPARE(lanes.barCount(), 0);
    QVERIFY(!lanes.locate(0));
}

void TestTaskStream::runningBarsEndAtNow()
{
    Plot p(1);
    p.bars->applyRecords({bar(0, 0, 0), bar(1, 0, 100, TaskState::Running)}); // starts at 1 s
    p.bars->setNow(2.0);
    bool found = false;
    QCOMPARE(p.bars->getKeyRange(found).upper, 2.0);
    p.plot.xAxis->setRange(0, 2.2);
    p.render();
    QCOMPARE(p.bars->attemptAt(p.at(1.9, 0)), 1);
    QCOMPARE(p.bars->attemptAt(p.at(2.1, 0)), -1);
    // A quarter done: the filled part ends at 1.25 s, the track continues to now.
    const QImage image = p.plot.toPixmap(1600, 900).toImage();
    const int y = qRound(p.plot.yAxis->coordToPixel(0));
    QCOMPARE(image.pixel(qRound(p.plot.xAxis->coordToPixel(1.1)), y),
             TaskStreamPlottable::slotColour(TaskStreamPlottable::SlotRunning).rgb());
    QCOMPARE(image.pixel(qRound(p.plot.xAxis->coordToPixel(1.6)), y),
             TaskStreamPlottable::slotColour(TaskStreamPlottable::SlotRunningTrack).rgb());
    // Zoomed far right of its start, the running bar is still found (it spans into view).
    p.plot.xAxis->setRange(1.8, 1.9);
    p.render();
    QVERIFY(p.bars->lastDrawnRects() >= 1);
}

void TestTaskStream::colourModes()
{
    Plot p(1);
    TaskRecord a = bar(0, 0, 0);
    a.job = 3;
    a.straggler = true;
    p.bars->applyRecords({a});
    p.plot.xAxis->setRange(0, 0.01);
    p.render();
    const int x = qRound(p.plot.xAxis->coordToPixel(0.004));
    const int y = qRound(p.plot.yAxis->coordToPixel(0));
    const auto colourAt = [&] { return p.plot.toPixmap(1600, 900).toImage().pixel(x, y); };
    QCOMPARE(colourAt(), TaskStreamPlottable::slotColour(TaskStreamPlottable::SlotStraggler).rgb());
    p.bars->setColourMode(TaskStreamPlottable::ColourMode::Job);
    QCOMPARE(colourAt(),
             TaskStreamPlottable::slotColour(TaskStreamPlottable::SlotGroup0 + 3).rgb());
    p.bars->setColourMode(TaskStreamPlottable::ColourMode::State);
    QCOMPARE(colourAt(), TaskStreamPlottable::slotColour(TaskStreamPlottable::SlotStraggler).rgb());
}

void TestTaskStream::widgetFollowsUntilUserZooms()
{
    TaskStreamWidget widget;
    widget.resize(1000, 400);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.reset(2);
    RunSnapshot snap;
    snap.changed = lanesOfBars(2, 100); // up to 0.998 s
    snap.summary.elapsedMs = 1500;
    snap.summary.workers = 2;
    widget.applySnapshot(snap);
    QVERIFY(widget.isFollowing());
    QCOMPARE(widget.plot()->xAxis->range().lower, 0.0);
    QCOMPARE(widget.plot()->xAxis->range().upper, 1.5 * 1.02);

    QSignalSpy following(&widget, &TaskStreamWidget::followingChanged);
    QWidget *canvas = widget.plot();
    const QPoint centre = canvas->rect().center();
    QWheelEvent wheel(centre, canvas->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &wheel);
    QVERIFY(!widget.isFollowing());
    QCOMPARE(following.count(), 1);
    const QCPRange zoomed = widget.plot()->xAxis->range();
    QVERIFY(zoomed.size() < 1.5 * 1.02);
    snap.changed.clear();
    snap.summary.elapsedMs = 3000;
    widget.applySnapshot(snap);
    QCOMPARE(widget.plot()->xAxis->range(), zoomed); // no longer dragged to the live edge

    widget.setFollowing(true);
    QCOMPARE(widget.plot()->xAxis->range().upper, 3.0 * 1.02);
    QCOMPARE(following.count(), 2);
}

void TestTaskStream::widgetClickEmitsTaskClicked()
{
    TaskStreamWidget widget;
    widget.resize(1000, 400);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.reset(2);
    RunSnapshot snap;
    snap.changed = lanesOfBars(2, 10); // 0 … 98 ms
    snap.summary.elapsedMs = 100;
    widget.applySnapshot(snap);
    widget.setDescribeAttempt(
        [](std::int64_t id) { return QStringLiteral("attempt #%1").arg(id); });
    widget.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QSignalSpy clicked(&widget, &TaskStreamWidget::taskClicked);
    const QPoint pos(qRound(widget.plot()->xAxis->coordToPixel(0.034)),
                     qRound(widget.plot()->yAxis->coordToPixel(1)));
    QCOMPARE(widget.tooltipAt(pos), QStringLiteral("attempt #7"));
    QTest::mouseClick(widget.plot(), Qt::LeftButton, Qt::NoModifier, pos);
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toLongLong(), 7);
    QCOMPARE(widget.plottable()->selectedAttempt(), 7);
    QVERIFY(widget.isFollowing()); // a click is not a pan
}

void TestTaskStream::replotsAreCoalescedAndPaced()
{
    QCustomPlot plot;
    plot.resize(400, 300);
    auto *throttle = new ReplotThrottle(&plot, 60, 0.5); // owned by the plot
    QSignalSpy replots(&plot, &QCustomPlot::afterReplot);
    QTest::qWait(50); // QCustomPlot's own start-up replot, if any, is not ours
    replots.clear();
    for (int i = 0; i < 10; ++i)
        throttle->request();
    QVERIFY(throttle->isPending());
    QTRY_COMPARE(replots.count(), 1); // ten requests, one replot
    QElapsedTimer clock;
    clock.start();
    throttle->request();
    QTRY_COMPARE(replots.count(), 2);
    QVERIFY2(clock.elapsed() >= 50, qPrintable(QString::number(clock.elapsed()))); // paced
    QVERIFY(throttle->intervalMs() >= 60);
    QTest::qWait(100);
    QCOMPARE(replots.count(), 2); // nothing replots without a request
}

QTEST_MAIN(TestTaskStream)
#include "tst_taskstream.moc"
