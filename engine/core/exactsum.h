#pragma once
// Exact floating-point accumulation (Shewchuk's non-overlapping partials, as Python's
// math.fsum): the rounded value() does not depend on the order or grouping of add()/merge(),
// so sums, means and variances are identical for any chunk size, worker count and policy.
#include <cstdint>
#include <vector>

namespace sf {

class ExactSum {
public:
    void add(double x);
    void merge(const ExactSum &other);
    double value() const; // correctly rounded sum
    bool hasNonFinite() const { return m_nonFinite; }

private:
    std::vector<double> m_partials;
    double m_special = 0; // sum of inf/nan values, kept apart
    bool m_nonFinite = false;
};

// Count, exact sum and exact sum of squares (x*x split exactly with fma); variance from
// n*Σx² − (Σx)² evaluated exactly before one rounding. Deterministic under any grouping.
class ExactMoments {
public:
    void add(double x);
    void merge(const ExactMoments &other);
    std::int64_t count() const { return m_count; }
    double sum() const;
    double mean() const;             // NaN when count == 0
    double variance(int ddof) const; // NaN when count <= ddof
    double stddev(int ddof) const;

private:
    std::int64_t m_count = 0;
    ExactSum m_sum;
    ExactSum m_sumSq;
};

} // namespace sf
