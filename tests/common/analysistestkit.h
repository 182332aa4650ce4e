#pragma once
// Test helper: runs an analysis over rows held in memory, cut into chunks of any size, the way
// the engine does (a partial per chunk, processed in any order, merged in chunk order into a
// fresh accumulator, then finalized), so analyses are unit-tested without files or a pool.
#include "analysis/analysis.h"
#include "data/datasource.h"
#include "data/recordreader.h"
#include "data/schema.h"
#include "exec/run.h"
#include "exec/taskcontext.h"
#include <QFile>
#include <QTest>
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace sf::test {

// The whole file, or "<missing>" so a comparison failure shows why.
inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// The analyses' shared fixture: quoted commas, doubled quotes, a multi-line field, nulls, UTF-8.
inline const QString kPeople = QStringLiteral(SF_TEST_DATA_DIR "/analyses/people.csv");

using TestRow = std::vector<std::optional<std::string>>; // nullopt: a null field ("" as text)

// Reads rows [first, first + count) of `rows`; raw text is the fields joined by commas.
class VectorRecordReader : public RecordReader {
public:
    VectorRecordReader(const std::vector<TestRow> &rows, std::int64_t first, std::int64_t count)
        : m_rows(rows)
        , m_next(first)
        , m_end(std::min<std::int64_t>(first + count, std::int64_t(rows.size()))) {}
    bool next(Record &out) override {
        if (m_next >= m_end) return false;
        const TestRow &row = m_rows[std::size_t(m_next)];
        m_views.clear();
        m_nulls.clear();
        m_raw.clear();
        for (std::size_t i = 0; i < row.size(); ++i) {
            m_nulls.push_back(row[i] ? 0 : 1);
            if (i) m_raw.push_back(',');
            if (row[i]) m_raw += *row[i];
        }
        for (const auto &f : row)
            m_views.push_back(f ? std::string_view(*f) : std::string_view());
        out.fields = m_views;
        out.nulls = m_nulls;
        out.row = m_next;
        out.line = m_next + 2;
        out.offset = 0;
        out.raw = m_raw;
        ++m_next;
        ++m_consumed;
        return true;
    }
    std::int64_t rowsConsumed() const override { return m_consumed; }
    std::int64_t bytesConsumed() const override { return 0; }

private:
    const std::vector<TestRow> &m_rows;
    std::int64_t m_next, m_end, m_consumed = 0;
    std::vector<std::string_view> m_views;
    std::vector<std::uint8_t> m_nulls;
    std::string m_raw;
};

// A context that never pauses; says stop after `stopAfter` checkpoints when that is >= 0.
class TestTaskContext : public TaskContext {
public:
    explicit TestTaskContext(TaskSpec spec, int attempt = 1, int stopAfter = -1)
        : m_spec(spec)
        , m_attempt(attempt)
        , m_stopAfter(stopAfter) {}
    const TaskSpec &task() const override { return m_spec; }
    int attempt() const override { return m_attempt; }
    bool checkpoint(std::int64_t, std::int64_t) override {
        ++checkpoints;
        return m_stopAfter < 0 || checkpoints <= m_stopAfter;
    }
    int checkpoints = 0;

private:
    TaskSpec m_spec;
    int m_attempt;
    int m_stopAfter;
};

inline Schema makeSchema(std::initializer_list<std::pair<const char *, ColumnType>> columns) {
    Schema s;
    for (const auto &[name, type] : columns)
        s.columns.append(Column{QString::fromUtf8(name), type, false});
    return s;
}

// Processes chunks of `chunkRows` rows (last first, to show processing order does not matter),
// merges them in chunk order into createPartial() and finalizes.
inline AnalysisResult runChunked(const Analysis &analysis, const std::vector<TestRow> &rows,
                                 std::int64_t chunkRows) {
    const auto n = std::int64_t(rows.size());
    const std::int64_t chunks = std::max<std::int64_t>(1, (n + chunkRows - 1) / chunkRows);
    std::vector<std::unique_ptr<Partial>> partials(static_cast<std::size_t>(chunks));
    for (std::int64_t c = chunks - 1; c >= 0; --c) {
        TaskSpec spec;
        spec.id = c;
        spec.chunk = c;
        spec.range.firstRow = c * chunkRows;
        spec.range.rowCount = std::min(chunkRows, n - c * chunkRows);
        VectorRecordReader reader(rows, spec.range.firstRow, spec.range.rowCount);
        TestTaskContext context(spec);
        TaskInput input{spec, &reader, context};
        partials[std::size_t(c)] = analysis.createPartial();
        analysis.process(*partials[std::size_t(c)], input);
    }
    std::unique_ptr<Partial> acc = analysis.createPartial();
    for (auto &p : partials)
        analysis.merge(*acc, *p);
    return analysis.finalize(*acc);
}

// Opens `path` (failing the test on error) with default options unless given.
inline std::shared_ptr<const DataSource> openForTest(const QString &path,
                                                     const SourceOptions &options = {}) {
    QString error;
    std::shared_ptr<const DataSource> source = openDataSource(path, options, OpenControl{}, &error);
    if (!source) qWarning("cannot open %s: %s", qPrintable(path), qPrintable(error));
    return source;
}

// Runs one job through the real engine (Run on a pool of `workers`) with fixed chunks of
// `chunkRows` rows; `analysis` must be prepared. Waits at most 60 s.
inline JobOutcome runJob(std::shared_ptr<Analysis> analysis,
                         std::shared_ptr<const DataSource> source, std::int64_t chunkRows,
                         int workers, SchedulePolicy policy = SchedulePolicy::Fifo) {
    RunOptions options;
    options.workers = workers;
    options.policy = policy;
    Run run(options);
    JobSpec job;
    job.name = analysis->name();
    job.source = std::move(source);
    job.analysis = std::move(analysis);
    job.partition.unit = PartitionSpec::Unit::Rows;
    job.partition.size = chunkRows;
    job.partition.strategy = PartitionSpec::Strategy::Fixed;
    const int index = run.addJob(job);
    run.start();
    if (!run.wait(60000)) {
        run.cancel();
        run.wait(10000);
    }
    return run.outcome(index);
}

} // namespace sf::test
