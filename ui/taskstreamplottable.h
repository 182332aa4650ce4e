#pragma once
// The task stream's one plottable: every task attempt as a bar in its worker's lane. Bars live
// in per-lane arrays sorted by start time so a replot touches only the visible ones, draws them
// with one drawRects() call per colour and folds bars narrower than a pixel into one pixel
// column per lane: a million bars cost about as much as the plot is wide.
#include "monitor/taskrecord.h"
#include "taskstreamlanes.h"
#include <array>
#include <cstdint>
#include <qcustomplot.h>
#include <vector>

namespace sf::ui {

class TaskStreamPlottable : public QCPAbstractPlottable {
    Q_OBJECT
public:
    enum class ColourMode {
        State,
        Job,
        Priority
    };
    // Colour slots; in State mode a merged pixel column takes the highest slot of its bars, so
    // one failure among thousands of done bars stays visible at full zoom-out.
    enum Slot : std::uint8_t {
        SlotDone,
        SlotCancelled,
        SlotRunning,
        SlotRetried,
        SlotStraggler,
        SlotFailed,
        SlotGroup0, // Job/Priority mode: SlotGroup0 + key % GroupColours
        GroupColours = 10,
        SlotRunningTrack = SlotGroup0 + GroupColours, // the not-yet-done part of a running bar
        NUM_SLOTS
    };
    static constexpr double LaneHalfHeight = 0.4; // in lane units; lanes sit at 0, 1, 2 …

    TaskStreamPlottable(QCPAxis *keyAxis, QCPAxis *valueAxis);

    // Inserts new attempts and updates known ones; attempts never started (no worker) are
    // ignored. Times become seconds since the run started.
    void applyRecords(const std::vector<TaskRecord> &records);
    // Room for a run of `attempts` attempts on `lanes` workers (see TaskStreamLanes::reserve).
    void reserveBars(std::int64_t attempts, int lanes) { m_store.reserve(attempts, lanes); }
    void clearBars();
    // The run's "now" in seconds: where running bars end.
    void setNow(double seconds);
    double now() const { return m_now; }
    void setColourMode(ColourMode mode);
    ColourMode colourMode() const { return m_mode; }
    void setSelectedAttempt(std::int64_t attemptId); // -1: none
    std::int64_t selectedAttempt() const { return m_selected; }

    int laneCount() const { return m_store.laneCount(); }
    std::int64_t barCount() const { return m_store.barCount(); }
    // Rectangles handed to QPainter by the last draw() (merged columns count once).
    std::int64_t lastDrawnRects() const { return m_lastDrawnRects; }
    // Attempt under a widget pixel position, -1 when none is within a few pixels.
    std::int64_t attemptAt(const QPointF &pos) const;
    static QColor slotColour(int slot);

    double selectTest(const QPointF &pos, bool onlySelectable,
                      QVariant *details = nullptr) const override;
    QCPRange getKeyRange(bool &foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange &inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter *painter) override;
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    using Lane = TaskStreamLanes::Lane;
    using Location = TaskStreamLanes::Location;

    std::uint8_t slotFor(std::uint8_t stateSlot, std::int32_t job, std::int32_t priority) const;

    TaskStreamLanes m_store;
    double m_now = 0;
    ColourMode m_mode = ColourMode::State;
    std::int64_t m_selected = -1;
    std::int64_t m_lastDrawnRects = 0;
    std::array<std::vector<QRect>, NUM_SLOTS> m_buckets; // reused between draws
};

} // namespace sf::ui
