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
    // The exact sum as non-overlapping finite partials (for exact products in ExactMoments).
    std::vector<double> exactPartials() const;

private:
    std::vector<double> m_partials;
    std::vector<double> m_huge; // values >= 2^970, scaled by 2^-100 so partials never overflow
    double m_special = 0; // sum of inf/nan values, kept apart
    bool m_nonFinite = false;
};

// Count, exact sum and exact sum of squares (x*x split exactly with fma); variance from
// n*Σx² − (Σx)² evaluated exactly before one rounding. Deterministic under any grouping.
// Limit: the variance is +inf once x² or n·Σx² overflows (|x| beyond about 1e146).
class ExactMoments {
public:
    void add(double x);
    // Bit-identical to add(double(x)); integers below 2^31 in magnitude are summed in 64-bit
    // integer accumulators (flushed exactly on overflow), skipping the partials loop.
    void addInteger(std::int64_t x);
    void merge(const ExactMoments &other);
    std::int64_t count() const { return m_count; }
    double sum() const;
    double mean() const;             // NaN when count == 0
    double variance(int ddof) const; // NaN when count <= ddof
    double stddev(int ddof) const;

private:
    // The exact sums with the pending integer parts folded in.
    ExactSum totalSum() const;
    ExactSum totalSumSq() const;

    std::int64_t m_count = 0;
    ExactSum m_sum;
    ExactSum m_sumSq;
    std::int64_t m_intSum = 0;    // pending Σx of addInteger() values
    std::int64_t m_intSumSq = 0;  // pending Σx² of addInteger() values
};

} // namespace sf
