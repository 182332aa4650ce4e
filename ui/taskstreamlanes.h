#pragma once
// Storage of the task stream: one lane per worker, each a set of parallel arrays of bars sorted
// by start time, an attempt-id index to update bars in place, and per-block summaries that
// let the plottable skip over runs of sub-pixel bars. Knows nothing about painting.
#include "monitor/taskrecord.h"
#include <cstdint>
#include <functional>
#include <vector>

namespace sf::ui {

class TaskStreamLanes {
public:
    // Colour slot of an attempt from its state alone, and the slot shown for (state slot,
    // job, priority) under the current colour mode: both belong to the plottable.
    using StateSlotFn = std::uint8_t (*)(const TaskRecord &);
    using SlotFn = std::function<std::uint8_t(std::uint8_t stateSlot, std::int32_t job,
                                              std::int32_t priority)>;
    static constexpr std::size_t BlockBars = 16;

    // Hot arrays (read by every draw) and cold ones (tooltips, recolouring) kept apart.
    struct Lane {
        std::vector<double> start; // seconds, sorted
        std::vector<double> end;   // seconds; < 0 while running (ends at now)
        std::vector<std::uint8_t> slot;
        std::vector<float> fill; // running: rowsDone / rowCount
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

    // Inserts new attempts and updates known ones; attempts never started are ignored.
    void apply(const std::vector<TaskRecord> &records, StateSlotFn stateSlotOf,
               const SlotFn &slotFor);
    // Room for `attempts` bars spread over `lanes` lanes (a quarter more per lane for uneven
    // ones), so a big run's arrays do not double mid-snapshot: at half a million bars a lane's
    // doubling copied 10 MB into fresh pages, tens of ms on the GUI thread. Takes address
    // space only; pages are touched as bars arrive. Never shrinks.
    void reserve(std::int64_t attempts, int lanes);
    void recolour(const SlotFn &slotFor);
    void clear();

    const std::vector<Lane> &lanes() const { return m_lanes; }
    int laneCount() const { return static_cast<int>(m_lanes.size()); }
    std::int64_t barCount() const { return m_barCount; }
    double minStart() const { return m_minStart; }
    double maxEnd() const { return m_maxEnd; }
    const Location *locate(std::int64_t attemptId) const;
    // Longest bar of the lane, running bars measured up to `now`: how far before the visible
    // range a bar may start and still reach into it.
    double maxDurationIn(const Lane &lane, double now) const;

private:
    Lane &laneFor(int worker);
    static void reserveLane(Lane &lane, std::size_t bars);
    static void setRunning(Lane &lane, std::int64_t attemptId, bool running);
    static void refreshBlock(Lane &lane, std::size_t block);
    static void rebuildBlocks(Lane &lane);
    static void appendToBlocks(Lane &lane);
    void sortLane(int laneIndex);
    void removeBar(const Location &loc);

    std::vector<Lane> m_lanes;
    std::vector<Location> m_locations; // by attempt id
    std::int64_t m_barCount = 0;
    std::size_t m_reservedPerLane = 0;
    double m_minStart = 0;
    double m_maxEnd = 0;
};

} // namespace sf::ui
