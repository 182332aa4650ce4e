#include "monitor/durationstats.h"

#include <algorithm>
#include <cmath>

namespace sf {

namespace {
// Bucket b holds [r^b, r^(b+1)) ns; the geometric midpoint is within sqrt(r)-1 ≈ 0.75% of any
// value in the bucket.
constexpr double kRatio = 1.015;
const double kLogRatio = std::log(kRatio);
} // namespace

int DurationStats::bucketOf(std::int64_t ns)
{
    if (ns <= 1) return 0;
    return int(std::log(double(ns)) / kLogRatio);
}

double DurationStats::bucketMid(int bucket)
{
    return std::exp((double(bucket) + 0.5) * kLogRatio);
}

void DurationStats::add(std::int64_t ns)
{
    if (ns < 0) ns = 0;
    if (m_count == 0 || ns < m_minNs) m_minNs = ns;
    if (m_count == 0 || ns > m_maxNs) m_maxNs = ns;
    ++m_count;
    const int b = bucketOf(ns);
    if (std::size_t(b) >= m_buckets.size()) m_buckets.resize(std::size_t(b) + 1, 0);
    ++m_buckets[std::size_t(b)];
    if (std::size_t(m_count) <= kExactLimit) {
        m_exact.push_back(ns);
        m_sorted = false;
    } else if (!m_exact.empty()) {
        m_exact = {};
    }
}

double DurationStats::quantileNs(double q) const
{
    if (m_count == 0) return 0;
    q = std::clamp(q, 0.0, 1.0);
    if (q == 0) return double(m_minNs);
    if (q == 1) return double(m_maxNs);
    // Nearest rank: the smallest value with at least q·n values at or below it.
    const std::int64_t rank = std::max<std::int64_t>(1, std::int64_t(std::ceil(q * double(m_count))));
    if (std::size_t(m_count) <= kExactLimit) {
        if (!m_sorted) {
            std::sort(m_exact.begin(), m_exact.end());
            m_sorted = true;
        }
        return double(m_exact[std::size_t(rank - 1)]);
    }
    std::int64_t seen = 0;
    for (std::size_t b = 0; b < m_buckets.size(); ++b) {
        seen += m_buckets[b];
        if (seen >= rank) return std::clamp(bucketMid(int(b)), double(m_minNs), double(m_maxNs));
    }
    return double(m_maxNs);
}

DurationQuantiles DurationStats::quantiles() const
{
    DurationQuantiles d;
    if (m_count == 0) return d;
    d.minMs = double(m_minNs) / 1e6;
    d.p25Ms = quantileNs(0.25) / 1e6;
    d.medianMs = quantileNs(0.5) / 1e6;
    d.p75Ms = quantileNs(0.75) / 1e6;
    d.p95Ms = quantileNs(0.95) / 1e6;
    d.maxMs = double(m_maxNs) / 1e6;
    return d;
}

} // namespace sf
