#pragma once
// The default ExecutionBackend: each lane loop is one QtConcurrent::run on a private
// QThreadPool whose thread cap is raised to the number of lanes, so loops never queue.
#include "exec/executionbackend.h"
#include <QThreadPool>

namespace sf {

class ThreadPoolBackend : public ExecutionBackend {
public:
    ThreadPoolBackend();
    ~ThreadPoolBackend() override;
    QString name() const override { return QStringLiteral("threadpool"); }
    void startLanes(const std::vector<int> &lanes, const LaneLoop &loop) override;
    void waitForAll() override;

private:
    QThreadPool m_pool;
};

} // namespace sf
