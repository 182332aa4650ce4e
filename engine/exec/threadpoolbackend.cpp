#include "exec/threadpoolbackend.h"

#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace sf {

ThreadPoolBackend::ThreadPoolBackend()
{
    m_pool.setObjectName(QStringLiteral("superflow-workers"));
    m_pool.setMaxThreadCount(1);
}

ThreadPoolBackend::~ThreadPoolBackend()
{
    m_pool.waitForDone();
}

void ThreadPoolBackend::startLanes(const std::vector<int> &lanes, const LaneLoop &loop)
{
    // Lane indices bound how many loops are alive at once (a lane is restarted only after
    // its previous loop returned), so the highest index + 1 threads always suffice.
    int needed = m_pool.maxThreadCount();
    for (int lane : lanes) needed = std::max(needed, lane + 1);
    if (needed > m_pool.maxThreadCount()) m_pool.setMaxThreadCount(needed);
    for (int lane : lanes) (void)QtConcurrent::run(&m_pool, loop, lane);
}

void ThreadPoolBackend::waitForAll()
{
    m_pool.waitForDone();
}

} // namespace sf
