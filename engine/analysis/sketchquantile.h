#pragma once
// Quantiles and histogram of a numeric column from DDSketch-style logarithmic buckets with
// relative accuracy alpha = 0.005: every value x > 0 falls in a bucket (lo, hi] with
// hi/lo <= gamma = (1 + alpha) / (1 - alpha) (DDSketch's cubically interpolated log mapping,
// quantile_mapping below), whose representative 2·lo·hi / (lo + hi) is within alpha·x of x.
// Negative values use a mirrored store, zeros and infinities are counted apart. Buckets hold
// exact counts and merging adds them, so the state does not depend on how the values were split
// or in which order partials are merged. Buckets are never collapsed.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace sf {

// The index mapping of DDSketch's CubicallyInterpolatedMapping: log2 approximated from the
// exponent bits plus a cubic in the mantissa, exact at powers of two and strictly increasing.
// It costs a few multiplies instead of a log(). Its slope never falls below C·ln2 = 1/kSlack of
// the true log2's, so scaling the index by kSlack keeps every bucket's hi/lo at most gamma and
// the representative within alpha of every value in its bucket. In the header because
// QuantileSketch::add runs once per numeric value of the profile's hot loop.
namespace quantile_mapping {
inline constexpr double kA = 6.0 / 35.0;
inline constexpr double kB = -3.0 / 5.0;
inline constexpr double kC = 10.0 / 7.0;
inline const double kSlack = 1.0 / (kC * std::log(2.0)) * (1.0 + 1e-9);
inline constexpr double kAlpha = 0.005; // relative accuracy
inline const double kGamma = (1.0 + kAlpha) / (1.0 - kAlpha);
inline const double kMultiplier = kSlack / std::log2(kGamma);

inline constexpr std::uint64_t kMantissaBits = (std::uint64_t(1) << 52) - 1;
inline constexpr std::uint64_t kOneBits = std::uint64_t(1023) << 52;

inline double cubic(double s)
{
    return ((kA * s + kB) * s + kC) * s;
}

// The approximate log2 of a positive finite x.
inline double approxLog2(double x)
{
    auto bits = std::bit_cast<std::uint64_t>(x);
    int exponent = int(bits >> 52);
    if (exponent == 0) { // subnormal: scale into the normal range first
        bits = std::bit_cast<std::uint64_t>(x * 0x1p64);
        exponent = int(bits >> 52) - 64;
    }
    const double s = std::bit_cast<double>((bits & kMantissaBits) | kOneBits) - 1.0;
    return cubic(s) + double(exponent - 1023);
}

// bucketIndex of |x| for a normal x (exponent bits neither 0 nor all ones), without a branch,
// so a loop of it vectorises; the same arithmetic as bucketIndex(), hence the same index.
inline int normalBucketIndex(double x)
{
    const auto bits = std::bit_cast<std::uint64_t>(x) & ~(std::uint64_t(1) << 63);
    const int exponent = int(bits >> 52);
    const double s = std::bit_cast<double>((bits & kMantissaBits) | kOneBits) - 1.0;
    const double y = (cubic(s) + double(exponent - 1023)) * kMultiplier;
    const int i = int(y);
    return i + (double(i) < y);
}

inline int bucketIndex(double magnitude)
{
    // ceil() by truncation and one compare (indexes stay far inside int range).
    const double y = approxLog2(magnitude) * kMultiplier;
    const int i = int(y);
    return i + (double(i) < y);
}
} // namespace quantile_mapping

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
    // One count at each of index[0..n), all of them in [lo, hi].
    void addEach(const int *index, int n, int lo, int hi)
    {
        add(lo, 0);
        add(hi, 0);
        std::int64_t *counts = m_counts.data();
        for (int i = 0; i < n; ++i)
            ++counts[index[i] - m_offset];
    }
    // The same count in every bucket (however much room either keeps around them).
    bool operator==(const LogBucketStore &other) const;

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
    static constexpr double kAlpha = quantile_mapping::kAlpha;

    // NaN is ignored (callers count it as null).
    void add(double x)
    {
        if (x != x) return;
        ++m_count;
        m_min = std::min(m_min, x);
        m_max = std::max(m_max, x);
        if (x > 0) {
            if (x == std::numeric_limits<double>::infinity())
                ++m_posInf;
            else
                m_positive.add(quantile_mapping::bucketIndex(x));
        } else if (x < 0) {
            if (x == -std::numeric_limits<double>::infinity())
                ++m_negInf;
            else
                m_negative.add(quantile_mapping::bucketIndex(-x));
        } else {
            ++m_zeros;
        }
    }
    // The same as add() of each value in turn: bucket indexes of a batch first, in a loop the
    // compiler vectorises, then the counts.
    void addBlock(const double *x, int n);
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
    // Same buckets, counts and extremes (what addBlock() must keep equal to add()).
    bool operator==(const QuantileSketch &) const = default;

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
