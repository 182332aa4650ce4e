#pragma once
// What a sweep measures: a grid of chunk sizes × worker counts × policies, each setting run
// `repeats` times, optionally on a sample of the dataset (the first N chunks, or N chunks
// spread evenly over it) so a sweep over a big file stays quick.
#include "schedule/schedulepolicy.h"
#include <QList>
#include <QString>
#include <cstdint>
#include <vector>

namespace sf {

struct SweepSetting {
    std::int64_t chunk = 0;  // 0: no chunking (analyses without a dataset)
    bool chunkBytes = false; // chunk counts bytes, not rows
    int workers = 1;
    SchedulePolicy policy = SchedulePolicy::Fifo;

    QString describe() const; // "chunk_rows=1000 workers=4 policy=fifo"
    bool operator==(const SweepSetting &) const = default;
};

struct SweepSample {
    enum class Kind {
        All,        // the whole dataset
        First,      // the first `chunks` chunks
        Stratified, // `chunks` chunks spread evenly from the start to the end
    };
    Kind kind = Kind::All;
    std::int64_t chunks = 0;

    // "first:N" or "stratified:N" (N ≥ 1); "" or "all" is the whole dataset.
    static bool parse(const QString &text, SweepSample *out, QString *error);
    QString name() const; // "all", "first:8", "stratified:8"
};

struct SweepPlan {
    std::vector<std::int64_t> chunks{0}; // one entry 0 for analyses without a dataset
    bool chunkBytes = false;
    std::vector<int> workers{1};
    QList<SchedulePolicy> policies{SchedulePolicy::Fifo};
    int repeats = 3;
    SweepSample sample;

    // Chunk-major, then policy, then workers: the order the sweep runs them in.
    std::vector<SweepSetting> settings() const;
    int runCount() const { return int(settings().size()) * repeats; }
    // Empty lists, non-positive sizes or counts, duplicates: a message naming the field.
    bool validate(QString *error) const;
};

} // namespace sf
