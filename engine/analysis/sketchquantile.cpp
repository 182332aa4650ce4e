#include "analysis/sketchquantile.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace sf {

namespace {

using namespace quantile_mapping;

// The inverse of approxLog2 (Newton on the cubic; only used when reading the sketch).
double approxExp2(double y)
{
    const double e = std::floor(y);
    const double f = y - e;
    double s = f;
    for (int i = 0; i < 8; ++i) {
        const double slope = (3.0 * kA * s + 2.0 * kB) * s + kC;
        s = std::clamp(s - (cubic(s) - f) / slope, 0.0, 1.0);
    }
    return std::ldexp(1.0 + s, int(e));
}

} // namespace

void LogBucketStore::extend(int index)
{
    // Grow with some slack so a slowly widening range does not reallocate per value.
    constexpr int kSlack = 128;
    if (m_counts.empty()) {
        m_offset = index - kSlack / 2;
        m_counts.assign(kSlack, 0);
        return;
    }
    const int newBegin = std::min(m_offset, index < m_offset ? index - kSlack : m_offset);
    const int newEnd = std::max(endIndex(), index >= endIndex() ? index + kSlack : endIndex());
    std::vector<std::int64_t> grown(std::size_t(newEnd - newBegin), 0);
    std::copy(m_counts.begin(), m_counts.end(), grown.begin() + (m_offset - newBegin));
    m_counts.swap(grown);
    m_offset = newBegin;
}

void LogBucketStore::merge(const LogBucketStore &other)
{
    if (other.empty()) return;
    // Find the other's occupied range first so merging never widens by slack alone.
    int first = other.endIndex();
    int last = other.firstIndex() - 1;
    for (int i = other.firstIndex(); i < other.endIndex(); ++i) {
        if (other.countAt(i) != 0) {
            first = std::min(first, i);
            last = i;
        }
    }
    if (first > last) return;
    add(first, 0);
    add(last, 0);
    for (int i = first; i <= last; ++i)
        m_counts[std::size_t(i - m_offset)] += other.countAt(i);
}

void QuantileSketch::merge(const QuantileSketch &other)
{
    m_positive.merge(other.m_positive);
    m_negative.merge(other.m_negative);
    m_zeros += other.m_zeros;
    m_posInf += other.m_posInf;
    m_negInf += other.m_negInf;
    m_count += other.m_count;
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
}

double QuantileSketch::representative(int index)
{
    // Bucket i holds (lo, hi]; this point is within (hi − lo)/(hi + lo) <= alpha of both ends.
    const double lo = approxExp2(double(index - 1) / kMultiplier);
    const double hi = approxExp2(double(index) / kMultiplier);
    const double product = lo * hi;
    if (std::isfinite(product)) return 2.0 * product / (lo + hi);
    // Buckets near the largest double: lo * hi overflows (and lo + hi too, giving inf/inf =
    // NaN); the same harmonic mean as lo * 2 / (1 + lo/hi), kept finite.
    return std::min(lo * (2.0 / (1.0 + lo / hi)), std::numeric_limits<double>::max());
}

double QuantileSketch::valueAtRank(std::int64_t rank) const
{
    if (rank <= 0) return m_min;
    if (rank >= m_count - 1) return m_max;
    std::int64_t seen = m_negInf;
    if (rank < seen) return -std::numeric_limits<double>::infinity();
    double value = m_max;
    bool found = false;
    if (!m_negative.empty()) {
        for (int i = m_negative.endIndex() - 1; i >= m_negative.firstIndex() && !found; --i) {
            seen += m_negative.countAt(i);
            if (rank < seen) {
                value = -representative(i);
                found = true;
            }
        }
    }
    if (!found) {
        seen += m_zeros;
        if (rank < seen) {
            value = 0.0;
            found = true;
        }
    }
    if (!found && !m_positive.empty()) {
        for (int i = m_positive.firstIndex(); i < m_positive.endIndex() && !found; ++i) {
            seen += m_positive.countAt(i);
            if (rank < seen) {
                value = representative(i);
                found = true;
            }
        }
    }
    if (!found) value = std::numeric_limits<double>::infinity();
    // The true value lies in [min, max], so clamping only moves the estimate closer.
    return std::clamp(value, m_min, m_max);
}

double QuantileSketch::quantile(double q) const
{
    if (m_count == 0) return std::numeric_limits<double>::quiet_NaN();
    const double h = double(m_count - 1) * q;
    const auto lo = std::int64_t(std::floor(h));
    const double frac = h - double(lo);
    const double a = valueAtRank(lo);
    if (frac == 0.0) return a;
    const double b = valueAtRank(lo + 1);
    if (a == b) return a;
    return a + (b - a) * frac;
}

Histogram QuantileSketch::histogram(int bins) const
{
    Histogram h;
    const std::int64_t finite = m_count - m_posInf - m_negInf;
    if (finite == 0 || bins <= 0 || !std::isfinite(m_min) || !std::isfinite(m_max)) return h;
    double lo = m_min;
    double hi = m_max;
    if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
        if (lo == m_min || hi == m_max) {
            // Beyond 2^53 half a unit is below the values' precision (9.2e18 - 0.5 == 9.2e18),
            // which left a zero-width range and NaN positions: widen by one step each way.
            lo = std::nextafter(m_min, -std::numeric_limits<double>::max());
            hi = std::nextafter(m_max, std::numeric_limits<double>::max());
        }
    }
    // A range wider than the largest double (hi - lo overflows, e.g. -1e308 .. 1e308) is
    // measured in halves, which cannot overflow; narrower ones exactly as always.
    const bool wide = !std::isfinite(hi - lo);
    const double width = (hi - lo) / bins;
    for (int i = 0; i < bins; ++i) {
        const double t = double(i) / bins;
        h.edges.push_back(wide ? lo * (1 - t) + hi * t : lo + width * i);
    }
    h.edges.push_back(hi);
    h.counts.assign(std::size_t(bins), 0);
    auto place = [&](double value, std::int64_t count) {
        if (count == 0) return;
        const double v = std::clamp(value, m_min, m_max);
        const double position = wide ? (v / 2 - lo / 2) / (hi / 2 - lo / 2) : (v - lo) / (hi - lo);
        auto bin = std::int64_t(std::floor(position * bins));
        bin = std::clamp<std::int64_t>(bin, 0, bins - 1);
        h.counts[std::size_t(bin)] += count;
    };
    if (!m_negative.empty())
        for (int i = m_negative.firstIndex(); i < m_negative.endIndex(); ++i)
            place(-representative(i), m_negative.countAt(i));
    place(0.0, m_zeros);
    if (!m_positive.empty())
        for (int i = m_positive.firstIndex(); i < m_positive.endIndex(); ++i)
            place(representative(i), m_positive.countAt(i));
    return h;
}

} // namespace sf
