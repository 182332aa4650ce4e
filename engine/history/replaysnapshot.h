#pragma once
// A stored run as the live views see a run: one RunSnapshot holding every attempt and a
// summary rebuilt from the records (duration quantiles, busy share per worker, throughput and
// queue length over time), so the workbench redraws a past run with its own timing charts.
#include "history/storedrun.h"
#include "monitor/runsnapshot.h"

namespace sf {

// `points` samples for the series over the run's span.
RunSnapshot replaySnapshot(const StoredRun &run, int points = 100);

} // namespace sf
