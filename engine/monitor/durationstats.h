#pragma once
// Quantiles of finished task durations, cheap at a million tasks: exact (sorted sample) up to
// kExactLimit durations, then a log-bucketed histogram whose bucket ratio keeps every quantile
// within 1% of the true value.
#include "monitor/runsnapshot.h"
#include <cstdint>
#include <vector>

namespace sf {

class DurationStats {
public:
    static constexpr std::size_t kExactLimit = 10000;

    void add(std::int64_t ns);
    std::int64_t count() const { return m_count; }
    // q in [0,1]; nearest-rank on the exact sample, bucket midpoint on the histogram.
    double quantileNs(double q) const;
    DurationQuantiles quantiles() const;

private:
    static int bucketOf(std::int64_t ns);
    static double bucketMid(int bucket);

    std::int64_t m_count = 0;
    std::int64_t m_minNs = 0;
    std::int64_t m_maxNs = 0;
    mutable std::vector<std::int64_t> m_exact; // kept while count <= kExactLimit
    mutable bool m_sorted = true;
    std::vector<std::int64_t> m_buckets;
};

} // namespace sf
