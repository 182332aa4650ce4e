#pragma once
// One unit of scheduled work: a chunk of one job, with what the scheduler needs to order it.
#include "data/rowindex.h"
#include <cstdint>

namespace sf {

struct TaskSpec {
    std::int64_t id = 0;       // unique in the run
    int job = 0;               // index of the job in the run
    std::int64_t chunk = 0;    // 0-based chunk index within the job: the merge order
    ChunkRange range;          // rows and bytes (synthetic: rowCount 1, bytes 0)
    int priority = 0;          // task priority (higher first under the priority policy)
    double estCostNs = 0;      // expected duration from size × learned cost per unit
    std::int64_t estMemory = 0; // expected memory demand in bytes
};

} // namespace sf
