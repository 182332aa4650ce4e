#include "taskstreamplottable.h"
#include <algorithm>
#include <climits>
#include <cmath>

namespace sf::ui {

namespace {

constexpr double kPickTolerancePx = 3.0;

std::uint8_t stateSlotOf(const TaskRecord &r)
{
    switch (r.state) {
    case TaskState::Failed: return TaskStreamPlottable::SlotFailed;
    case TaskState::Retried: return TaskStreamPlottable::SlotRetried;
    case TaskState::Cancelled: return TaskStreamPlottable::SlotCancelled;
    default: break;
    }
    if (r.straggler) return TaskStreamPlottable::SlotStraggler;
    return r.state == TaskState::Running ? TaskStreamPlottable::SlotRunning
                                         : TaskStreamPlottable::SlotDone;
}

} // namespace

TaskStreamPlottable::TaskStreamPlottable(QCPAxis *keyAxis, QCPAxis *valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis)
{
    // Selection is ours (taskClicked), not QCustomPlot's data-range selection.
    setSelectable(QCP::stNone);
    setAntialiased(false);
    setAntialiasedFill(false);
}

QColor TaskStreamPlottable::slotColour(int slot)
{
    static const std::array<QColor, NUM_SLOTS> colours = [] {
        std::array<QColor, NUM_SLOTS> c;
        c[SlotDone] = QColor(0x43, 0xa0, 0x47);
        c[SlotCancelled] = QColor(0x9e, 0x9e, 0x9e);
        c[SlotRunning] = QColor(0x1e, 0x88, 0xe5);
        c[SlotRetried] = QColor(0xfb, 0x8c, 0x00);
        c[SlotStraggler] = QColor(0x8e, 0x24, 0xaa);
        c[SlotFailed] = QColor(0xe5, 0x39, 0x35);
        // Tableau 10: distinguishable jobs/priorities.
        const QRgb group[GroupColours] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                          0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
        for (int i = 0; i < GroupColours; ++i)
            c[SlotGroup0 + i] = QColor(group[i]);
        c[SlotRunningTrack] = QColor(0xbb, 0xde, 0xfb);
        return c;
    }();
    return colours[static_cast<std::size_t>(std::clamp(slot, 0, NUM_SLOTS - 1))];
}

std::uint8_t TaskStreamPlottable::slotFor(std::uint8_t stateSlot, std::int32_t job,
                                          std::int32_t priority) const
{
    const auto group = [](std::int32_t key) {
        const int k = ((key % GroupColours) + GroupColours) % GroupColours;
        return static_cast<std::uint8_t>(SlotGroup0 + k);
    };
    switch (m_mode) {
    case ColourMode::Job: return group(job);
    case ColourMode::Priority: return group(priority);
    case ColourMode::State: break;
    }
    return stateSlot;
}

void TaskStreamPlottable::applyRecords(const std::vector<TaskRecord> &records)
{
    m_store.apply(records, &stateSlotOf,
                  [this](std::uint8_t stateSlot, std::int32_t job, std::int32_t priority) {
                      return slotFor(stateSlot, job, priority);
                  });
}

void TaskStreamPlottable::clearBars()
{
    m_store.clear();
    m_now = 0;
    m_selected = -1;
}

void TaskStreamPlottable::setColourMode(ColourMode mode)
{
    if (mode == m_mode) return;
    m_mode = mode;
    m_store.recolour([this](std::uint8_t stateSlot, std::int32_t job, std::int32_t priority) {
        return slotFor(stateSlot, job, priority);
    });
}

void TaskStreamPlottable::setNow(double seconds)
{
    m_now = seconds;
}

void TaskStreamPlottable::setSelectedAttempt(std::int64_t attemptId)
{
    m_selected = attemptId;
}

void TaskStreamPlottable::draw(QCPPainter *painter)
{
    m_lastDrawnRects = 0;
    QCPAxis *keyAxis = mKeyAxis.data();
    QCPAxis *valueAxis = mValueAxis.data();
    if (!keyAxis || !valueAxis || m_store.barCount() == 0) return;
    const QCPRange range = keyAxis->range();
    if (range.size() <= 0) return;
    const QRect clip = clipRect();
    // A linear key axis: x = offset + t * scale, without coordToPixel's per-call branching.
    const double p0 = keyAxis->coordToPixel(range.lower);
    const double p1 = keyAxis->coordToPixel(range.upper);
    const double scale = (p1 - p0) / range.size();
    const double offset = p0 - range.lower * scale;
    const double xMin = clip.left() - 2.0;
    const double xMax = clip.right() + 2.0;

    for (auto &bucket : m_buckets)
        bucket.clear();
    QRectF selectedRect;

    for (int laneIndex = 0; laneIndex < laneCount(); ++laneIndex) {
        const Lane &lane = m_store.lanes()[static_cast<std::size_t>(laneIndex)];
        if (lane.start.empty()) continue;
        double laneTop = valueAxis->coordToPixel(laneIndex - LaneHalfHeight);
        double laneBottom = valueAxis->coordToPixel(laneIndex + LaneHalfHeight);
        if (laneTop > laneBottom) std::swap(laneTop, laneBottom);
        if (laneBottom < clip.top() || laneTop > clip.bottom()) continue;
        // Integer rectangles: QPainter fills those on its fast path; QRectF ones are
        // rasterised as polygons, which dominated the redraw at full zoom-out.
        const int y0 = static_cast<int>(std::lround(laneTop));
        const int h = std::max(1, static_cast<int>(std::lround(laneBottom)) - y0);
        const auto pixelRect = [&](double left, double right) {
            const int l = static_cast<int>(std::lround(left));
            return QRect(l, y0, std::max(1, static_cast<int>(std::lround(right)) - l), h);
        };

        const double lo = range.lower - m_store.maxDurationIn(lane, m_now);
        const auto first = static_cast<std::size_t>(
            std::lower_bound(lane.start.begin(), lane.start.end(), lo) - lane.start.begin());
        const double hi = range.upper;
        const double now = m_now;
        const double *starts = lane.start.data();
        const double *ends = lane.end.data();
        const std::uint8_t *slotOf = lane.slot.data();
        const std::size_t n = lane.size();

        int column = INT_MIN;
        std::uint8_t columnSlot = 0;
        const auto flush = [&] {
            if (column != INT_MIN) m_buckets[columnSlot].emplace_back(column, y0, 1, h);
        };
        for (std::size_t i = first; i < n; ++i) {
            const double s = starts[i];
            if (s > hi) break;
            if (i % TaskStreamLanes::BlockBars == 0 && i + TaskStreamLanes::BlockBars <= n) {
                const double blockEnd = lane.blockEnd[i / TaskStreamLanes::BlockBars];
                if (blockEnd >= range.lower) {
                    double b0 = offset + s * scale;
                    double b1 = offset + blockEnd * scale;
                    if (b0 > b1) std::swap(b0, b1);
                    const int col = static_cast<int>(std::floor(b0));
                    if (col == static_cast<int>(std::floor(b1))) {
                        // The whole block lies in one pixel column: merge it in one step.
                        const std::uint8_t blockSlot =
                            lane.blockSlot[i / TaskStreamLanes::BlockBars];
                        if (col == column) {
                            columnSlot = std::max(columnSlot, blockSlot);
                        } else {
                            flush();
                            column = col;
                            columnSlot = blockSlot;
                        }
                        i += TaskStreamLanes::BlockBars - 1;
                        continue;
                    }
                }
            }
            const bool running = ends[i] < 0;
            const double e = running ? now : ends[i];
            if (e < range.lower) continue;
            double x0 = offset + s * scale;
            double x1 = offset + e * scale;
            if (x0 > x1) std::swap(x0, x1);
            if (x1 - x0 < 1.0) {
                const int col = static_cast<int>(std::floor(x0));
                if (col == column) {
                    columnSlot = std::max(columnSlot, slotOf[i]);
                } else {
                    flush();
                    column = col;
                    columnSlot = slotOf[i];
                }
                continue;
            }
            x0 = std::max(x0, xMin);
            x1 = std::min(x1, xMax);
            if (running) {
                const double filled = (e - s) * double(lane.fill[i]) * std::abs(scale);
                m_buckets[SlotRunningTrack].push_back(pixelRect(x0, x1));
                const double fx0 = scale >= 0 ? offset + s * scale : x1 - filled;
                const double fx1 = std::clamp(fx0 + filled, xMin, xMax);
                if (fx1 > std::max(fx0, xMin))
                    m_buckets[slotOf[i]].push_back(pixelRect(std::max(fx0, xMin), fx1));
            } else {
                m_buckets[slotOf[i]].push_back(pixelRect(x0, x1));
            }
            if (lane.attemptId[i] == m_selected) selectedRect = pixelRect(x0, x1);
        }
        flush();
    }

    painter->setAntialiasing(false);
    painter->setPen(Qt::NoPen);
    // The running track first: the filled part of a running bar is painted over it.
    for (int k = 0; k < NUM_SLOTS; ++k) {
        const int slot = k == 0 ? int(SlotRunningTrack) : k - 1;
        const auto &rects = m_buckets[static_cast<std::size_t>(slot)];
        if (rects.empty()) continue;
        painter->setBrush(slotColour(slot));
        painter->drawRects(rects.data(), static_cast<int>(rects.size()));
        m_lastDrawnRects += static_cast<std::int64_t>(rects.size());
    }
    if (m_selected >= 0 && selectedRect.isNull()) {
        // The selected bar was merged or is narrow: still mark where it is.
        if (const Location *loc = m_store.locate(m_selected)) {
            const Lane &lane = m_store.lanes()[static_cast<std::size_t>(loc->lane)];
            const auto i = static_cast<std::size_t>(loc->index);
            const double e = lane.end[i] < 0 ? m_now : lane.end[i];
            double x0 = offset + lane.start[i] * scale, x1 = offset + e * scale;
            if (x0 > x1) std::swap(x0, x1);
            double y0 = valueAxis->coordToPixel(loc->lane - LaneHalfHeight);
            double y1 = valueAxis->coordToPixel(loc->lane + LaneHalfHeight);
            if (y0 > y1) std::swap(y0, y1);
            selectedRect = QRectF(x0 - 1, y0, std::max(2.0, x1 - x0 + 2), y1 - y0);
        }
    }
    if (!selectedRect.isNull()) {
        painter->setBrush(Qt::NoBrush);
        // The selection frame contrasts with the plot's background in light and dark themes.
        painter->setPen(QPen(mParentPlot->palette().color(QPalette::WindowText), 2));
        painter->drawRect(selectedRect);
    }
}

void TaskStreamPlottable::drawLegendIcon(QCPPainter *painter, const QRectF &rect) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(slotColour(SlotDone));
    painter->drawRect(rect.adjusted(0, rect.height() / 4, -rect.width() / 2, -rect.height() / 4));
    painter->setBrush(slotColour(SlotRunning));
    painter->drawRect(rect.adjusted(rect.width() / 2, rect.height() / 4, 0, -rect.height() / 4));
}

double TaskStreamPlottable::selectTest(const QPointF &pos, bool onlySelectable,
                                       QVariant *details) const
{
    if (onlySelectable && selectable() == QCP::stNone) return -1;
    QCPAxis *keyAxis = mKeyAxis.data();
    QCPAxis *valueAxis = mValueAxis.data();
    if (!keyAxis || !valueAxis || m_store.barCount() == 0 ||
        !keyAxis->axisRect()->rect().contains(pos.toPoint()))
        return -1;
    const double laneCoord = valueAxis->pixelToCoord(pos.y());
    const int laneIndex = static_cast<int>(std::lround(laneCoord));
    if (laneIndex < 0 || laneIndex >= laneCount() ||
        std::abs(laneCoord - laneIndex) > LaneHalfHeight)
        return -1;
    const Lane &lane = m_store.lanes()[static_cast<std::size_t>(laneIndex)];
    const double t = keyAxis->pixelToCoord(pos.x());
    const double tolerance = std::abs(keyAxis->pixelToCoord(pos.x() + kPickTolerancePx) - t);
    // Bars of a lane do not overlap, so only the last bar starting before t (+ tolerance) and
    // its predecessor can be under the cursor: a binary search, never a scan.
    const auto upper = std::upper_bound(lane.start.begin(), lane.start.end(), t + tolerance);
    const std::ptrdiff_t last = (upper - lane.start.begin()) - 1;
    double bestDistance = -1;
    std::int64_t best = -1;
    for (std::ptrdiff_t k = last; k >= 0 && k >= last - 1; --k) {
        const auto i = static_cast<std::size_t>(k);
        const double e = lane.end[i] < 0 ? m_now : lane.end[i];
        const double gap = t < lane.start[i] ? lane.start[i] - t : (t > e ? t - e : 0.0);
        const double px = tolerance > 0 ? gap / tolerance * kPickTolerancePx : 0.0;
        if (px <= kPickTolerancePx && (best < 0 || px < bestDistance)) {
            bestDistance = px;
            best = lane.attemptId[i];
        }
    }
    if (best < 0) return -1;
    if (details) details->setValue(best);
    return bestDistance;
}

std::int64_t TaskStreamPlottable::attemptAt(const QPointF &pos) const
{
    QVariant details;
    if (selectTest(pos, false, &details) < 0) return -1;
    return details.toLongLong();
}

QCPRange TaskStreamPlottable::getKeyRange(bool &foundRange, QCP::SignDomain) const
{
    foundRange = m_store.barCount() > 0;
    return QCPRange(m_store.minStart(),
                    std::max({m_store.maxEnd(), m_now, m_store.minStart() + 1e-3}));
}

QCPRange TaskStreamPlottable::getValueRange(bool &foundRange, QCP::SignDomain,
                                            const QCPRange &) const
{
    foundRange = laneCount() > 0;
    return QCPRange(-0.5, std::max(1, laneCount()) - 0.5);
}

} // namespace sf::ui
