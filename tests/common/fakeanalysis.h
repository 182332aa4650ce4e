#pragma once
// Test helpers: small analyses whose behaviour tests dial in.
//  - FakeSumAnalysis reads FakeSource rows and sums them (integers, an exact double sum and an
//    order-sensitive hash of the rows, so a merge out of chunk order shows), with knobs for
//    work per row block, failures on chosen chunks, and a log of task start order.
//  - FakeSyntheticAnalysis runs one task per planned entry (no dataset), each sleeping or
//    spinning for its cost while checkpointing every millisecond.
#include "analysis/analysis.h"
#include "core/exactsum.h"
#include "data/record.h"
#include <QJsonObject>
#include <chrono>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace sf::test {

// Shared knobs and observations; thread-safe.
struct FakeBehaviour {
    std::int64_t blockRows = 64;       // rows between checkpoints
    int taskMs = 0;                    // extra time per task, spent in 1 ms checkpointed slices
    std::map<std::int64_t, int> failFirst; // chunk → number of attempts that throw
    bool failForever = false;          // chunks in failFirst fail every attempt
    bool throwUnknown = false;         // throw a non-std exception instead of TaskError
    bool throwInFinalize = false;
    std::int64_t throwInMergeOfRow = -1; // merge() throws on the partial starting at this row
    int mergeMs = 0;                      // time each merge() takes (sleeping)
    bool mergesEarly = false;          // FakeSumAnalysis::mergesEarly()

    std::mutex mutex;
    std::vector<std::int64_t> startOrder; // task ids in the order process() began
    std::map<std::int64_t, std::vector<std::chrono::steady_clock::time_point>> attemptStarts; // chunk →
    int abandoned = 0;
    int finalized = 0;
    std::int64_t earlyMerges = 0; // merges into a partial that process() filled (a lane's group)
};

// Spends `ms` in 1 ms slices, checkpointing between them; false when told to stop.
inline bool spendMs(TaskContext &ctx, int ms, std::int64_t rows, std::int64_t bytes)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < end) {
        std::this_thread::sleep_for(std::chrono::microseconds(500));
        if (!ctx.checkpoint(rows, bytes)) return false;
    }
    return true;
}

class FakeSumAnalysis : public Analysis {
public:
    struct SumPartial : Partial {
        std::int64_t count = 0;
        std::int64_t sum = 0;
        std::int64_t firstRow = -1; // rows [firstRow, endRow) covered so far
        std::int64_t endRow = -1;
        bool inOrder = true;        // every merge appended the chunk that follows
        ExactSum real;
        std::int64_t chunks = 0;
        bool processed = false; // a chunk's partial, not the merger's accumulator
    };

    explicit FakeSumAnalysis(std::shared_ptr<FakeBehaviour> b = std::make_shared<FakeBehaviour>())
        : m_b(std::move(b))
    {
    }
    FakeBehaviour &behaviour() const { return *m_b; }

    QString name() const override { return QStringLiteral("fakesum"); }
    bool prepare(const Schema &, QString *) override { return true; }
    std::unique_ptr<Partial> createPartial() const override { return std::make_unique<SumPartial>(); }

    void process(Partial &partial, TaskInput &input) const override
    {
        auto &p = static_cast<SumPartial &>(partial);
        {
            std::lock_guard lock(m_b->mutex);
            m_b->startOrder.push_back(input.task.id);
            m_b->attemptStarts[input.task.chunk].push_back(std::chrono::steady_clock::now());
            auto it = m_b->failFirst.find(input.task.chunk);
            if (it != m_b->failFirst.end() && (m_b->failForever || it->second > 0)) {
                --it->second;
                if (m_b->throwUnknown) throw 42;
                throw TaskError("chunk " + std::to_string(input.task.chunk) + " failed");
            }
        }
        p.chunks = 1;
        p.processed = true;
        p.firstRow = input.task.range.firstRow;
        p.endRow = input.task.range.firstRow + input.task.range.rowCount;
        if (m_b->taskMs > 0 && !spendMs(input.context, m_b->taskMs, 0, 0)) return;
        Record rec;
        std::int64_t n = 0;
        while (input.reader && input.reader->next(rec)) {
            const std::int64_t value = std::stoll(std::string(rec.fields[1]));
            ++p.count;
            p.sum += value;
            p.real.add(double(value) / 7.0);
            if (++n % m_b->blockRows == 0
                && !input.context.checkpoint(input.reader->rowsConsumed(), input.reader->bytesConsumed()))
                return;
        }
    }

    void merge(Partial &acc, Partial &later) const override
    {
        auto &a = static_cast<SumPartial &>(acc);
        auto &b = static_cast<SumPartial &>(later);
        if (b.firstRow >= 0 && b.firstRow == m_b->throwInMergeOfRow)
            throw std::runtime_error("merge exploded at row " + std::to_string(b.firstRow));
        if (m_b->mergeMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(m_b->mergeMs));
        if (a.processed) {
            std::lock_guard lock(m_b->mutex);
            ++m_b->earlyMerges;
        }
        a.count += b.count;
        a.sum += b.sum;
        if (a.firstRow < 0) a.firstRow = b.firstRow;
        else if (a.endRow != b.firstRow) a.inOrder = false;
        a.endRow = b.endRow;
        a.real.merge(b.real);
        a.chunks += b.chunks;
    }

    bool mergesEarly() const override { return m_b->mergesEarly; }
    AnalysisResult finalize(Partial &merged) const override
    {
        if (m_b->throwInFinalize) throw std::runtime_error("finalize exploded");
        {
            std::lock_guard lock(m_b->mutex);
            ++m_b->finalized;
        }
        auto &p = static_cast<SumPartial &>(merged);
        AnalysisResult r;
        r.json.insert(QStringLiteral("count"), qint64(p.count));
        r.json.insert(QStringLiteral("sum"), qint64(p.sum));
        r.json.insert(QStringLiteral("real"), p.real.value());
        r.json.insert(QStringLiteral("chunks"), qint64(p.chunks));
        r.json.insert(QStringLiteral("inOrder"), p.inOrder && p.firstRow <= 0);
        r.json.insert(QStringLiteral("endRow"), qint64(p.endRow));
        r.table.columns = {QStringLiteral("count"), QStringLiteral("sum")};
        r.table.appendRow({qint64(p.count), qint64(p.sum)});
        return r;
    }

    void abandon() const override
    {
        std::lock_guard lock(m_b->mutex);
        ++m_b->abandoned;
    }

private:
    std::shared_ptr<FakeBehaviour> m_b;
};

class FakeSyntheticAnalysis : public Analysis {
public:
    struct CountPartial : Partial {
        std::int64_t tasks = 0;
    };
    // busy: spin instead of sleeping (for CPU-bound figures); 0 ns tasks return at once.
    explicit FakeSyntheticAnalysis(std::vector<PlannedTask> plan, bool busy = false,
                                   std::shared_ptr<FakeBehaviour> b = std::make_shared<FakeBehaviour>())
        : m_plan(std::move(plan)), m_busy(busy), m_b(std::move(b))
    {
    }
    FakeBehaviour &behaviour() const { return *m_b; }

    QString name() const override { return QStringLiteral("fakesynthetic"); }
    bool needsDataset() const override { return false; }
    bool prepare(const Schema &, QString *) override { return true; }
    std::vector<PlannedTask> plannedTasks() const override { return m_plan; }
    std::unique_ptr<Partial> createPartial() const override { return std::make_unique<CountPartial>(); }

    void process(Partial &partial, TaskInput &input) const override
    {
        if (m_recordOrder) {
            std::lock_guard lock(m_b->mutex);
            m_b->startOrder.push_back(input.task.id);
        }
        const auto costNs = std::int64_t(m_plan[std::size_t(input.task.range.firstRow)].costNs);
        if (costNs > 0) {
            const auto end = std::chrono::steady_clock::now() + std::chrono::nanoseconds(costNs);
            while (std::chrono::steady_clock::now() < end) {
                if (!m_busy) std::this_thread::sleep_for(std::chrono::microseconds(std::min<std::int64_t>(1000, costNs / 1000 + 1)));
                if (!input.context.checkpoint(0, 0)) return;
            }
        }
        static_cast<CountPartial &>(partial).tasks = 1;
    }
    void merge(Partial &acc, Partial &later) const override
    {
        static_cast<CountPartial &>(acc).tasks += static_cast<CountPartial &>(later).tasks;
    }
    AnalysisResult finalize(Partial &merged) const override
    {
        AnalysisResult r;
        r.json.insert(QStringLiteral("tasks"), qint64(static_cast<CountPartial &>(merged).tasks));
        return r;
    }
    void abandon() const override
    {
        std::lock_guard lock(m_b->mutex);
        ++m_b->abandoned;
    }
    void setRecordOrder(bool on) { m_recordOrder = on; }

private:
    std::vector<PlannedTask> m_plan;
    bool m_busy;
    std::shared_ptr<FakeBehaviour> m_b;
    bool m_recordOrder = true;
};

} // namespace sf::test
