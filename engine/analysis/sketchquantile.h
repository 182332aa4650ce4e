#pragma once
// Quantiles and histogram of a numeric column from DDSketch-style logarithmic buckets with
// relative accuracy alpha = 0.005: every value x > 0 falls in a bucket (lo, hi] with
// hi/lo <= gamma = (1 + alpha) / (1 - alpha) (DDSketch's cubically interpolated log mapping,
// see the .cpp), whose representative 2·lo·hi / (lo + hi) is within alpha·x of x. Negative values
// use a mirrored store, zeros and infinities are counted apart. Buckets hold exact counts and
// merging adds them, so the state does not depend on how the values were split or in which order
// partials are merged. Buckets are never collapsed.
#include <cstdint>
#include <limits>
#include <vector>

namespace sf {

// A dense run of bucket counts, grown at either end as new indexes arrive.
class LogBucketStore {
public:
    void add(int index, std::int64_t count = 1)
    {
        if (index < m_offset || index >= m_offset + int(m_counts.size())) extend(index);
        m_counts[std::size_t(index - m_offset)] += count;
    }
    void merge(const LogBucketStore &other);
    bool empty() const { return m_counts.empty(); }
    int firstIndex() const { return m_offset; }
    int endIndex() const { return m_offset + int(m_counts.size()); }
    std::int64_t countAt(int index) const { return m_counts[std::size_t(index - m_offset)]; }

private:
    void extend(int index);
    std::vector<std::int64_t> m_counts;
    int m_offset = 0;
};

struct Histogram {
    std::vector<double> edges;        // bins + 1 edges
    std::vector<std::int64_t> counts; // bins counts
};

class QuantileSketch {
public:
    static constexpr double kAlpha = 0.005;

    void add(double x); // NaN is ignored (callers count it as null)
    void merge(const QuantileSketch &other);
    std::int64_t count() const { return m_count; }
    double min() const { return m_min; } // exact; +inf when empty
    double max() const { return m_max; } // exact; -inf when empty
    // pandas' quantile(q, interpolation='linear') from bucket representatives: each order
    // statistic it uses is within alpha relative of the true one (exact for the first and
    // last). NaN when empty.
    double quantile(double q) const;
    // `bins` equal-width bins over [min, max] (numpy's [min-0.5, max+0.5] when min == max),
    // counting each bucket at its representative value. Finite values only; empty result
    // when there are none or when min/max is infinite.
    Histogram histogram(int bins) const;

private:
    double valueAtRank(std::int64_t rank) const;
    static double representative(int index);

    LogBucketStore m_positive;
    LogBucketStore m_negative; // indexed by |x|
    std::int64_t m_zeros = 0;
    std::int64_t m_posInf = 0;
    std::int64_t m_negInf = 0;
    std::int64_t m_count = 0;
    double m_min = std::numeric_limits<double>::infinity();
    double m_max = -std::numeric_limits<double>::infinity();
};

} // namespace sf
