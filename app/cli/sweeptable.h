#pragma once
// The result table of a sweep: one row per setting (chunk size × workers × policy) with the
// wall-time spread over repeats, throughput, speedup over the 1-worker run of the same chunk
// and policy, and parallel efficiency; the CSV the sweep writes and the best setting.
#include "schedule/schedulepolicy.h"
#include <QByteArray>
#include <QList>
#include <QString>
#include <cstdint>
#include <vector>

namespace sf::cli {

struct SweepSetting {
    std::int64_t chunk = 0;  // 0: no chunking (synthetic)
    bool chunkBytes = false; // chunk counts bytes, not rows
    int workers = 1;
    SchedulePolicy policy = SchedulePolicy::Fifo;
    QString describe() const; // "chunk_rows=1000 workers=4 policy=fifo"
};

struct SweepRow {
    SweepSetting setting;
    std::vector<double> wallMs; // one per repeat
    std::int64_t rows = 0;      // per run
    std::int64_t bytes = 0;     // per run
    double medianMs = 0, minMs = 0, maxMs = 0;
    double rowsPerSec = 0, mbPerSec = 0;
    double speedup = 0, efficiency = 0;
    int baselineWorkers = 1; // the worker count speedup is measured against
};

class SweepTable {
public:
    void add(const SweepSetting &setting, const std::vector<double> &wallMs, std::int64_t rows,
             std::int64_t bytes);
    // Fills medians, rates, speedup and efficiency. When a chunk/policy group has no 1-worker
    // run the smallest worker count in the group is the baseline, and efficiency is scaled to it.
    void compute();
    const QList<SweepRow> &rows() const { return m_rows; }
    const SweepRow *best() const; // lowest median wall time; null when empty
    QByteArray toCsv() const;

    static double median(std::vector<double> values);

private:
    QList<SweepRow> m_rows;
};

} // namespace sf::cli
