#include "taskstreamlanes.h"
#include <algorithm>
#include <numeric>

namespace sf::ui {

namespace {

constexpr double kNsPerSecond = 1e9;

float fillOf(const TaskRecord &r)
{
    if (r.rowCount <= 0) return 0.f;
    return static_cast<float>(std::clamp(double(r.rowsDone) / double(r.rowCount), 0.0, 1.0));
}

} // namespace

TaskStreamLanes::Lane &TaskStreamLanes::laneFor(int worker)
{
    if (worker >= static_cast<int>(m_lanes.size())) {
        const std::size_t before = m_lanes.size();
        m_lanes.resize(static_cast<std::size_t>(worker) + 1);
        for (std::size_t i = before; i < m_lanes.size(); ++i)
            reserveLane(m_lanes[i], m_reservedPerLane);
    }
    return m_lanes[static_cast<std::size_t>(worker)];
}

void TaskStreamLanes::reserveLane(Lane &lane, std::size_t bars)
{
    if (bars <= lane.start.capacity()) return;
    lane.start.reserve(bars);
    lane.end.reserve(bars);
    lane.slot.reserve(bars);
    lane.fill.reserve(bars);
    lane.attemptId.reserve(bars);
    lane.stateSlot.reserve(bars);
    lane.job.reserve(bars);
    lane.priority.reserve(bars);
    lane.blockSlot.reserve(bars / BlockBars + 1);
    lane.blockEnd.reserve(bars / BlockBars + 1);
}

void TaskStreamLanes::reserve(std::int64_t attempts, int lanes)
{
    if (attempts <= 0 || lanes <= 0) return;
    m_locations.reserve(static_cast<std::size_t>(attempts));
    const auto perLane = static_cast<std::size_t>(attempts / lanes + attempts / (4 * lanes) + 1);
    if (perLane <= m_reservedPerLane) return;
    m_reservedPerLane = perLane;
    for (Lane &lane : m_lanes)
        reserveLane(lane, perLane);
}

const TaskStreamLanes::Location *TaskStreamLanes::locate(std::int64_t attemptId) const
{
    if (attemptId < 0 || attemptId >= static_cast<std::int64_t>(m_locations.size())) return nullptr;
    const Location &loc = m_locations[static_cast<std::size_t>(attemptId)];
    return loc.lane < 0 ? nullptr : &loc;
}

void TaskStreamLanes::setRunning(Lane &lane, std::int64_t attemptId, bool running)
{
    auto it = std::find(lane.running.begin(), lane.running.end(), attemptId);
    if (running && it == lane.running.end())
        lane.running.push_back(attemptId);
    else if (!running && it != lane.running.end())
        lane.running.erase(it);
}

void TaskStreamLanes::apply(const std::vector<TaskRecord> &records, StateSlotFn stateSlotOf,
                            const SlotFn &slotFor)
{
    std::vector<int> touchedLanes;
    for (const TaskRecord &r : records) {
        if (r.worker < 0 || r.state == TaskState::Queued || r.attemptId < 0) continue;
        const double start = double(r.startedNs) / kNsPerSecond;
        const bool running = r.state == TaskState::Running;
        const double end =
            running ? -1.0 : double(std::max(r.finishedNs, r.startedNs)) / kNsPerSecond;
        if (const Location *known = locate(r.attemptId)) {
            Lane &lane = m_lanes[static_cast<std::size_t>(known->lane)];
            const auto i = static_cast<std::size_t>(known->index);
            if (known->lane == r.worker && lane.start[i] == start) {
                lane.end[i] = end;
                lane.fill[i] = fillOf(r);
                lane.stateSlot[i] = stateSlotOf(r);
                lane.job[i] = r.job;
                lane.priority[i] = r.priority;
                lane.slot[i] = slotFor(lane.stateSlot[i], r.job, r.priority);
                setRunning(lane, r.attemptId, running);
                if (!running)
                    lane.maxFinishedDuration = std::max(lane.maxFinishedDuration, end - start);
                refreshBlock(lane, i / BlockBars);
                m_maxEnd = std::max(m_maxEnd, end);
                continue;
            }
            removeBar(*known); // moved lane or start: rare, re-inserted below
        }
        Lane &lane = laneFor(r.worker);
        const bool inOrder = lane.start.empty() || lane.start.back() <= start;
        lane.start.push_back(start);
        lane.end.push_back(end);
        lane.fill.push_back(fillOf(r));
        lane.attemptId.push_back(r.attemptId);
        lane.stateSlot.push_back(stateSlotOf(r));
        lane.job.push_back(r.job);
        lane.priority.push_back(r.priority);
        lane.slot.push_back(slotFor(lane.stateSlot.back(), r.job, r.priority));
        appendToBlocks(lane);
        setRunning(lane, r.attemptId, running);
        if (!running) lane.maxFinishedDuration = std::max(lane.maxFinishedDuration, end - start);
        if (r.attemptId >= static_cast<std::int64_t>(m_locations.size()))
            m_locations.resize(static_cast<std::size_t>(r.attemptId) + 1);
        m_locations[static_cast<std::size_t>(r.attemptId)] = {
            r.worker, static_cast<std::int32_t>(lane.size() - 1)};
        m_minStart = m_barCount == 0 ? start : std::min(m_minStart, start);
        m_maxEnd = std::max({m_maxEnd, start, end});
        ++m_barCount;
        if (!inOrder &&
            std::find(touchedLanes.begin(), touchedLanes.end(), r.worker) == touchedLanes.end())
            touchedLanes.push_back(r.worker);
    }
    for (int lane : touchedLanes)
        sortLane(lane);
}

void TaskStreamLanes::sortLane(int laneIndex)
{
    Lane &lane = m_lanes[static_cast<std::size_t>(laneIndex)];
    std::vector<std::size_t> order(lane.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return lane.start[a] < lane.start[b]; });
    const auto permute = [&order](auto &v) {
        std::remove_reference_t<decltype(v)> out;
        out.reserve(v.size());
        for (std::size_t i : order)
            out.push_back(v[i]);
        v.swap(out);
    };
    permute(lane.start);
    permute(lane.end);
    permute(lane.slot);
    permute(lane.fill);
    permute(lane.attemptId);
    permute(lane.stateSlot);
    permute(lane.job);
    permute(lane.priority);
    for (std::size_t i = 0; i < lane.size(); ++i)
        m_locations[static_cast<std::size_t>(lane.attemptId[i])] = {laneIndex,
                                                                    static_cast<std::int32_t>(i)};
    rebuildBlocks(lane);
}

void TaskStreamLanes::refreshBlock(Lane &lane, std::size_t block)
{
    const std::size_t begin = block * BlockBars;
    const std::size_t end = std::min(lane.size(), begin + BlockBars);
    std::uint8_t slot = 0;
    double latest = 0;
    for (std::size_t i = begin; i < end; ++i) {
        slot = std::max(slot, lane.slot[i]);
        latest = (lane.end[i] < 0 || latest < 0) ? -1.0 : std::max(latest, lane.end[i]);
    }
    lane.blockSlot[block] = slot;
    lane.blockEnd[block] = latest;
}

void TaskStreamLanes::rebuildBlocks(Lane &lane)
{
    const std::size_t blocks = (lane.size() + BlockBars - 1) / BlockBars;
    lane.blockSlot.assign(blocks, 0);
    lane.blockEnd.assign(blocks, 0);
    for (std::size_t b = 0; b < blocks; ++b)
        refreshBlock(lane, b);
}

void TaskStreamLanes::appendToBlocks(Lane &lane)
{
    const std::size_t i = lane.size() - 1;
    const std::size_t block = i / BlockBars;
    if (block >= lane.blockSlot.size()) {
        lane.blockSlot.push_back(lane.slot[i]);
        lane.blockEnd.push_back(lane.end[i]);
        return;
    }
    lane.blockSlot[block] = std::max(lane.blockSlot[block], lane.slot[i]);
    const double latest = lane.blockEnd[block];
    lane.blockEnd[block] = (lane.end[i] < 0 || latest < 0) ? -1.0 : std::max(latest, lane.end[i]);
}

void TaskStreamLanes::removeBar(const Location &where)
{
    const Location loc = where; // `where` points into m_locations, which we rewrite
    Lane &lane = m_lanes[static_cast<std::size_t>(loc.lane)];
    const auto i = static_cast<std::ptrdiff_t>(loc.index);
    const std::int64_t id = lane.attemptId[static_cast<std::size_t>(i)];
    setRunning(lane, id, false);
    lane.start.erase(lane.start.begin() + i);
    lane.end.erase(lane.end.begin() + i);
    lane.slot.erase(lane.slot.begin() + i);
    lane.fill.erase(lane.fill.begin() + i);
    lane.attemptId.erase(lane.attemptId.begin() + i);
    lane.stateSlot.erase(lane.stateSlot.begin() + i);
    lane.job.erase(lane.job.begin() + i);
    lane.priority.erase(lane.priority.begin() + i);
    m_locations[static_cast<std::size_t>(id)] = {};
    for (std::size_t k = static_cast<std::size_t>(i); k < lane.size(); ++k)
        m_locations[static_cast<std::size_t>(lane.attemptId[k])].index =
            static_cast<std::int32_t>(k);
    rebuildBlocks(lane);
    --m_barCount;
}

double TaskStreamLanes::maxDurationIn(const Lane &lane, double now) const
{
    double longest = lane.maxFinishedDuration;
    for (std::int64_t id : lane.running) {
        const Location &loc = m_locations[static_cast<std::size_t>(id)];
        longest = std::max(longest, now - lane.start[static_cast<std::size_t>(loc.index)]);
    }
    return longest;
}

void TaskStreamLanes::clear()
{
    m_lanes.clear();
    std::vector<Location>().swap(m_locations);
    m_barCount = 0;
    m_reservedPerLane = 0;
    m_minStart = m_maxEnd = 0;
}

void TaskStreamLanes::recolour(const SlotFn &slotFor)
{
    for (Lane &lane : m_lanes) {
        for (std::size_t i = 0; i < lane.size(); ++i)
            lane.slot[i] = slotFor(lane.stateSlot[i], lane.job[i], lane.priority[i]);
        rebuildBlocks(lane);
    }
}

} // namespace sf::ui
