#pragma once
// A time series that stays small over any run length: when it reaches the point cap every
// other point is dropped and the sampling interval doubles, so a long run keeps an even
// coverage of ≤ cap points.
#include "monitor/runsnapshot.h"
#include <vector>

namespace sf {

class SeriesRecorder {
public:
    explicit SeriesRecorder(std::size_t cap = 2000, double minIntervalMs = 10)
        : m_cap(cap < 4 ? 4 : cap), m_intervalMs(minIntervalMs)
    {
    }
    // Adds (t, v) unless the previous point is closer than the interval; `force` always adds
    // (the final point of a run).
    void add(double tMs, double value, bool force = false);
    const std::vector<SeriesPoint> &points() const { return m_points; }

private:
    std::size_t m_cap;
    double m_intervalMs;
    std::vector<SeriesPoint> m_points;
};

} // namespace sf
