#include "exec/attempt.h"

namespace sf {

namespace {

class AttemptContext final : public TaskContext {
public:
    explicit AttemptContext(const AttemptInput &in)
        : m_in(in),
          m_deadlineNs(in.timeoutMs > 0 ? in.monitor.nowNs() + std::int64_t(in.timeoutMs) * 1'000'000 : 0)
    {
    }
    const TaskSpec &task() const override { return m_in.task; }
    int attempt() const override { return m_in.attempt; }
    bool checkpoint(std::int64_t rowsDone, std::int64_t bytesDone) override
    {
        m_rows = rowsDone;
        m_bytes = bytesDone;
        m_in.monitor.laneProgress(m_in.lane, rowsDone, bytesDone);
        if (m_in.control.paused.load(std::memory_order_relaxed)) {
            // Time spent paused is not the task's fault: move the deadline by it.
            const std::int64_t slept = m_in.control.waitWhilePaused();
            if (m_deadlineNs) m_deadlineNs += slept;
        }
        if (m_in.control.cancelled.load(std::memory_order_relaxed)
            || m_in.jobStop.load(std::memory_order_relaxed)) {
            m_stopped = true;
            return false;
        }
        if (m_deadlineNs && m_in.monitor.nowNs() > m_deadlineNs) {
            m_timedOut = true;
            return false;
        }
        return true;
    }
    bool stopped() const { return m_stopped; }
    bool timedOut() const { return m_timedOut; }
    std::int64_t rows() const { return m_rows; }
    std::int64_t bytes() const { return m_bytes; }

private:
    const AttemptInput &m_in;
    std::int64_t m_deadlineNs;
    std::int64_t m_rows = 0;
    std::int64_t m_bytes = 0;
    bool m_stopped = false;
    bool m_timedOut = false;
};

} // namespace

AttemptResult runAttempt(const AttemptInput &in)
{
    AttemptResult result;
    AttemptContext context(in);
    RejectSink sink;
    std::unique_ptr<RecordReader> reader;
    try {
        result.partial = in.analysis.createPartial();
        if (in.source) reader = in.source->reader(in.task.range, sink);
        TaskInput input{in.task, reader.get(), context};
        in.analysis.process(*result.partial, input);
    } catch (const std::exception &e) {
        result.status = AttemptResult::Status::Failed;
        result.error = QString::fromUtf8(e.what());
    } catch (...) {
        result.status = AttemptResult::Status::Failed;
        result.error = QStringLiteral("unknown exception");
    }
    if (context.stopped()) {
        result.status = AttemptResult::Status::Stopped;
    } else if (context.timedOut()) {
        result.status = AttemptResult::Status::TimedOut;
        result.error = QStringLiteral("timed out after %1 ms").arg(in.timeoutMs);
    } else if (result.status == AttemptResult::Status::Ok
               && (in.control.cancelled.load(std::memory_order_relaxed)
                   || in.jobStop.load(std::memory_order_relaxed))) {
        result.status = AttemptResult::Status::Stopped; // finished, but nobody wants it now
    }
    if (reader) {
        result.rows = reader->rowsConsumed();
        result.bytes = reader->bytesConsumed();
    } else {
        result.rows = context.rows();
        result.bytes = context.bytes();
    }
    if (result.status == AttemptResult::Status::Ok) result.rejects = sink.take();
    else result.partial.reset();
    return result;
}

} // namespace sf
