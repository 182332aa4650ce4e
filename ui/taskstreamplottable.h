#pragma once
// The task stream's one plottable: every task attempt as a bar in its worker's lane. Bars live
// in per-lane arrays sorted by start time so a replot touches only the visible ones, draws them
// with one drawRects() call per colour and folds bars narrower than a pixel into one pixel
// column per lane: a million bars cost about as much as the plot is wide.
#include "monitor/taskrecord.h"
#include <qcustomplot.h>
#include <array>
#include <cstdint>
#include <vector>

namespace sf::ui {

class TaskStreamPlottable : public QCPAbstractPlottable {
    Q_OBJECT
public:
    enum class ColourMode { State, Job, Priority };
    // Colour slots; in State mode a merged pixel column takes the highest slot of its bars, so
    // one failure among thousands of done bars stays visible at full zoom-out.
    enum Slot : std::uint8_t {
        SlotDone, SlotCancelled, SlotRunning, SlotRetried, SlotStraggler, SlotFailed,
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
    void clearBars();
    // The run's "now" in seconds: where running bars end.
    void setNow(double seconds);
    double now() const { return m_now; }
    void setColourMode(ColourMode mode);
    ColourMode colourMode() const { return m_mode; }
    void setSelectedAttempt(std::int64_t attemptId); // -1: none
    std::int64_t selectedAttempt() const { return m_selected; }

    int laneCount() const { return static_cast<int>(m_lanes.size()); }
    std::int64_t barCount() const { return m_barCount; }
    // Rectangles handed to QPainter by the last draw() (merged columns count once).
    std::int64_t lastDrawnRects() const { return m_lastDrawnRects; }
    // Attempt under a widget pixel position, -1 when none is within a few pixels.
    std::int64_t attemptAt(const QPointF &pos) const;
    static QColor slotColour(int slot);

    double selectTest(const QPointF &pos, bool onlySelectable,
                      QVariant *details = nullptr) const override;
    QCPRange getKeyRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange &inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter *painter) override;
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    // Hot arrays (read by every draw) and cold ones (tooltips, recolouring) kept apart.
    struct Lane {
        std::vector<double> start;   // seconds, sorted
        std::vector<double> end;     // seconds; < 0 while running (ends at now)
        std::vector<std::uint8_t> slot;
        std::vector<float> fill;     // running: rowsDone / rowCount
        std::vector<std::int64_t> attemptId;
        std::vector<std::uint8_t> stateSlot;
        std::vector<std::int32_t> job;
        std::vector<std::int32_t> priority;
        std::vector<std::int64_t> running; // attempt ids of running bars (few)
        // Per block of BlockBars bars: the highest slot and the latest end (-1 when a bar of
        // the block is running). A block narrower than a pixel is merged without visiting
        // its bars, so a full zoom-out over a million bars visits blocks, not bars.
        std::vector<std::uint8_t> blockSlot;
        std::vector<double> blockEnd;
        double maxFinishedDuration = 0;
        std::size_t size() const { return start.size(); }
    };
    struct Location {
        std::int32_t lane = -1;
        std::int32_t index = -1;
    };

    std::uint8_t slotFor(std::uint8_t stateSlot, std::int32_t job, std::int32_t priority) const;
    Lane &laneFor(int worker);
    void setRunning(Lane &lane, std::int64_t attemptId, bool running);
    static constexpr std::size_t BlockBars = 16;
    static void refreshBlock(Lane &lane, std::size_t block);
    static void rebuildBlocks(Lane &lane);
    static void appendToBlocks(Lane &lane);
    void sortLane(int laneIndex);
    void removeBar(const Location &loc);
    double maxDurationIn(const Lane &lane) const;
    const Location *locate(std::int64_t attemptId) const;

    std::vector<Lane> m_lanes;
    std::vector<Location> m_locations; // by attempt id
    std::int64_t m_barCount = 0;
    double m_now = 0;
    double m_minStart = 0;
    double m_maxEnd = 0;
    ColourMode m_mode = ColourMode::State;
    std::int64_t m_selected = -1;
    std::int64_t m_lastDrawnRects = 0;
    std::array<std::vector<QRect>, NUM_SLOTS> m_buckets; // reused between draws
};

} // namespace sf::ui
