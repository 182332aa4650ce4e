#pragma once
// Where worker loops run. The run hands the backend long-lived loops (one per lane) that pull
// tasks from the scheduler themselves, so the backend starts threads, never individual tasks.
// Today a private QThreadPool (ThreadPoolBackend); later a cluster backend behind this seam.
#include <QString>
#include <functional>
#include <vector>

namespace sf {

class ExecutionBackend {
public:
    using LaneLoop = std::function<void(int lane)>;
    virtual ~ExecutionBackend() = default;
    virtual QString name() const = 0;
    // Starts one loop per entry of `lanes`, each called with its lane index. Lanes may be
    // started again later (setWorkers) after their previous loop returned.
    virtual void startLanes(const std::vector<int> &lanes, const LaneLoop &loop) = 0;
    // Blocks until every loop started so far has returned.
    virtual void waitForAll() = 0;
};

} // namespace sf
