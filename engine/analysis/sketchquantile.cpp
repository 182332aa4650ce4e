#include "analysis/sketchquantile.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

namespace {

// normalBucketIndex() of v[0..n) into index, and the min and max of v folded into *lo and *hi
// (NaN is never either). SSE2, two values at a time, with the same operations in the same order
// as the scalar code, so the same indexes. True when every value is a positive normal double;
// then *first and *last bound the indexes.
bool bucketIndexes(const double *v, int n, int *index, double *lo, double *hi, int *first,
                   int *last)
{
    int i = 0;
    bool positiveNormal = true;
    double yLo = std::numeric_limits<double>::infinity();
    double yHi = -std::numeric_limits<double>::infinity();
#if defined(__SSE2__)
    const __m128i absMask = _mm_set1_epi64x(0x7fffffffffffffffLL);
    const __m128i mantissaMask = _mm_set1_epi64x(std::int64_t(kMantissaBits));
    const __m128i oneBits = _mm_set1_epi64x(std::int64_t(kOneBits));
    // An integer e < 2^52 as a double: the bits of 2^52 + e, minus 2^52 (exact).
    const __m128i magicBits = _mm_set1_epi64x(0x4330000000000000LL);
    const __m128d magic = _mm_set1_pd(0x1p52);
    const __m128d one = _mm_set1_pd(1.0);
    const __m128d bias = _mm_set1_pd(1023.0);
    const __m128d a = _mm_set1_pd(kA), b = _mm_set1_pd(kB), c = _mm_set1_pd(kC);
    const __m128d multiplier = _mm_set1_pd(kMultiplier);
    const __m128d smallest = _mm_set1_pd(std::numeric_limits<double>::min());
    const __m128d largest = _mm_set1_pd(std::numeric_limits<double>::max());
    __m128d vlo = _mm_set1_pd(*lo), vhi = _mm_set1_pd(*hi);
    __m128d vyLo = _mm_set1_pd(yLo), vyHi = _mm_set1_pd(yHi);
    __m128d normal = _mm_castsi128_pd(_mm_set1_epi32(-1));
    for (; i + 2 <= n; i += 2) {
        const __m128d x = _mm_loadu_pd(v + i);
        vlo = _mm_min_pd(x, vlo); // x < lo ? x : lo, so a NaN x keeps lo
        vhi = _mm_max_pd(x, vhi);
        normal =
            _mm_and_pd(normal, _mm_and_pd(_mm_cmpge_pd(x, smallest), _mm_cmple_pd(x, largest)));
        const __m128i bits = _mm_and_si128(_mm_castpd_si128(x), absMask);
        const __m128d exponent =
            _mm_sub_pd(_mm_castsi128_pd(_mm_or_si128(_mm_srli_epi64(bits, 52), magicBits)), magic);
        const __m128d s = _mm_sub_pd(
            _mm_castsi128_pd(_mm_or_si128(_mm_and_si128(bits, mantissaMask), oneBits)), one);
        const __m128d cubicS =
            _mm_mul_pd(_mm_add_pd(_mm_mul_pd(_mm_add_pd(_mm_mul_pd(a, s), b), s), c), s);
        const __m128d y = _mm_mul_pd(_mm_add_pd(cubicS, _mm_sub_pd(exponent, bias)), multiplier);
        vyLo = _mm_min_pd(y, vyLo);
        vyHi = _mm_max_pd(y, vyHi);
        const __m128i truncated = _mm_cvttpd_epi32(y); // two int32 in the low half
        const __m128i below = _mm_castpd_si128(_mm_cmplt_pd(_mm_cvtepi32_pd(truncated), y));
        // The compare gave 64-bit lanes of 0 or -1: take their low halves, subtract (adds 1).
        const __m128i up = _mm_shuffle_epi32(below, 0x08);
        _mm_storel_epi64(reinterpret_cast<__m128i *>(index + i), _mm_sub_epi32(truncated, up));
    }
    double l[2], h[2], yl[2], yh[2];
    _mm_storeu_pd(l, vlo);
    _mm_storeu_pd(h, vhi);
    _mm_storeu_pd(yl, vyLo);
    _mm_storeu_pd(yh, vyHi);
    *lo = l[0] < l[1] ? l[0] : l[1];
    *hi = h[0] > h[1] ? h[0] : h[1];
    yLo = std::min(yl[0], yl[1]);
    yHi = std::max(yh[0], yh[1]);
    positiveNormal = _mm_movemask_pd(normal) == 3;
#endif
    for (; i < n; ++i) {
        const double x = v[i];
        *lo = x < *lo ? x : *lo;
        *hi = x > *hi ? x : *hi;
        positiveNormal = positiveNormal && x >= std::numeric_limits<double>::min() &&
                         x <= std::numeric_limits<double>::max();
        index[i] = normalBucketIndex(x);
        const double y = double(index[i]); // bounds the index as the y's do
        yLo = std::min(yLo, y);
        yHi = std::max(yHi, y);
    }
    if (positiveNormal && n > 0) {
        // Indexes never decrease with y: those of the extreme y's bound them all.
        *first = int(yLo) + (double(int(yLo)) < yLo);
        *last = int(yHi) + (double(int(yHi)) < yHi);
    }
    return positiveNormal;
}

} // namespace

bool LogBucketStore::operator==(const LogBucketStore &other) const
{
    const int begin = std::min(m_offset, other.m_offset);
    const int end = std::max(endIndex(), other.endIndex());
    auto at = [](const LogBucketStore &s, int i) {
        return i >= s.firstIndex() && i < s.endIndex() ? s.countAt(i) : 0;
    };
    for (int i = begin; i < end; ++i)
        if (at(*this, i) != at(other, i)) return false;
    return true;
}

void QuantileSketch::addBlock(const double *x, int n)
{
    constexpr int kBatch = 256;
    int index[kBatch];
    for (int base = 0; base < n; base += kBatch) {
        const int m = std::min(kBatch, n - base);
        const double *v = x + base;
        int first = 0, last = 0;
        if (bucketIndexes(v, m, index, &m_min, &m_max, &first, &last)) {
            m_count += m;
            m_positive.addEach(index, m, first, last);
            continue;
        }
        for (int i = 0; i < m; ++i) {
            const auto bits = std::bit_cast<std::uint64_t>(v[i]);
            const unsigned exponent = unsigned(bits >> 52) & 0x7ff;
            if (exponent - 1 < 0x7fe) {
                ++m_count;
                (bits >> 63 ? m_negative : m_positive).add(index[i]);
            } else {
                add(v[i]); // zero, subnormal, infinite or NaN (min and max are already right)
            }
        }
    }
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
