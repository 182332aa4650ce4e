#pragma once
// The interface every analysis implements: create a partial, process a chunk into it, merge two
// partials (always in chunk order), finalize into a result. Implementations are registered in
// analysisregistry.cpp, so a new analysis is one file plus one line.
#include "analysis/analysisresult.h"
#include "data/recordreader.h"
#include "data/schema.h"
#include "exec/taskcontext.h"
#include <QString>
#include <memory>
#include <vector>

namespace sf {

// Per-chunk state; each analysis defines its own subclass.
class Partial {
public:
    virtual ~Partial() = default;
};

struct TaskInput {
    const TaskSpec &task;
    RecordReader *reader; // null for analyses without a dataset
    TaskContext &context;
};

// A task an analysis without a dataset wants run (synthetic workloads).
struct PlannedTask {
    double costNs = 0;       // what the task is expected to take
    std::int64_t memory = 0; // memory demand in bytes
    int priority = 0;
};

class Analysis {
public:
    virtual ~Analysis() = default;
    virtual QString name() const = 0;
    virtual bool needsDataset() const { return true; }
    // Checks options against the schema (columns exist, expression parses) once before the run.
    // `schema` is empty for analyses without a dataset.
    virtual bool prepare(const Schema &schema, QString *error) = 0;
    // For analyses without a dataset: the tasks to run. Empty otherwise.
    virtual std::vector<PlannedTask> plannedTasks() const { return {}; }
    virtual std::unique_ptr<Partial> createPartial() const = 0;
    // Reads the chunk into `partial`. Calls input.context.checkpoint() between row blocks and
    // returns early when it says false. Throws (TaskError or any std::exception) on failure.
    virtual void process(Partial &partial, TaskInput &input) const = 0;
    // Folds `later` (the next chunk in order) into `acc`. Called in chunk order as soon as
    // the prefix of chunks is complete, so streaming outputs can be written here.
    virtual void merge(Partial &acc, Partial &later) const = 0;
    // True when merge() may also fold consecutive chunks' partials together before they reach
    // the accumulator: merge is associative, writes nothing, and its result does not depend on
    // how chunks are grouped. A lane running a batch of tiny tasks then deposits one partial per
    // run of chunks. Analyses whose merge streams output (filter, convert) or whose capped
    // sketches admit by order (profile) keep the default.
    virtual bool mergesEarly() const { return false; }
    // Builds the result from the fully merged partial. Writes and commits output files.
    virtual AnalysisResult finalize(Partial &merged) const = 0;
    // Called instead of finalize when the run is cancelled or fails: discard outputs.
    virtual void abandon() const {}
};

} // namespace sf
