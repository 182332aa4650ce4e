#include "core/exactsum.h"

#include <cmath>
#include <limits>

namespace sf {

namespace {

// Values at or above this magnitude go to a second accumulator scaled by 2^-kScaleBits, so
// no partial of either list can overflow however many values are added (up to 2^53 of them):
// the sum of < 2^53 values below 2^970 stays below 2^1023.
constexpr double kHugeThreshold = 0x1p970;
constexpr int kScaleBits = 100;

// Shewchuk's grow step, as math.fsum: adds x to the non-overlapping partials (increasing
// magnitude) and keeps them non-overlapping. x must be finite and the sum must not overflow.
void growPartials(std::vector<double> &partials, double x)
{
    std::size_t i = 0;
    for (double y : partials) {
        if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
        const double hi = x + y;
        const double lo = y - (hi - x);
        if (lo != 0.0) partials[i++] = lo;
        x = hi;
    }
    partials.resize(i);
    if (x != 0.0) partials.push_back(x);
}

// Correctly rounded value of the partials, as the tail of math.fsum (round-half-even fix-up
// when the first discarded part is exactly half an ulp).
double roundPartials(const std::vector<double> &partials)
{
    std::size_t n = partials.size();
    if (n == 0) return 0.0;
    double hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
        const double x = hi;
        const double y = partials[--n];
        hi = x + y;
        const double yr = hi - x;
        lo = y - yr;
        if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
        const double y = lo * 2.0;
        const double x = hi + y;
        const double yr = x - hi;
        if (y == yr) hi = x;
    }
    return hi;
}

// An int64 as two doubles that are each exact (high 32 bits scaled, low 32 bits).
void addInt64Exactly(ExactSum &sum, std::int64_t v)
{
    if (v == 0) return;
    const std::int64_t low = v & 0xffffffff;
    sum.add(double(v - low)); // a multiple of 2^32 below 2^63: 31 significant bits
    sum.add(double(low));
}

} // namespace

void ExactSum::add(double x)
{
    if (!std::isfinite(x)) {
        // inf + -inf and nan give nan whatever the order, as in math.fsum.
        m_special += x;
        m_nonFinite = true;
        return;
    }
    if (std::fabs(x) >= kHugeThreshold)
        growPartials(m_huge, std::ldexp(x, -kScaleBits));
    else
        growPartials(m_partials, x);
}

void ExactSum::merge(const ExactSum &other)
{
    for (double p : other.m_partials) growPartials(m_partials, p);
    for (double p : other.m_huge) growPartials(m_huge, p);
    if (other.m_nonFinite) {
        m_special += other.m_special;
        m_nonFinite = true;
    }
}

double ExactSum::value() const
{
    if (m_nonFinite) return m_special;
    if (m_huge.empty()) return roundPartials(m_partials);
    // Rare: values >= 2^970 were added. Round in the scaled domain, where scaling the small
    // partials down can only lose bits below 2^-974, which matter only if the huge values
    // cancel to a result below ~2^-920.
    std::vector<double> all = m_huge;
    for (double p : m_partials) growPartials(all, std::ldexp(p, -kScaleBits));
    return std::ldexp(roundPartials(all), kScaleBits);
}

std::vector<double> ExactSum::exactPartials() const
{
    if (m_huge.empty()) return m_partials;
    // Unscaled copies; callers only use them in products that overflow to inf anyway.
    std::vector<double> out = m_partials;
    for (double p : m_huge) out.push_back(std::ldexp(p, kScaleBits));
    return out;
}

void ExactMoments::add(double x)
{
    ++m_count;
    m_sum.add(x);
    const double sq = x * x;
    m_sumSq.add(sq);
    // The rounding error of x*x, exactly: sq + lo == x*x with no rounding at all.
    if (std::isfinite(sq)) m_sumSq.add(std::fma(x, x, -sq));
}

void ExactMoments::addInteger(std::int64_t x)
{
    // Beyond 2^31 the square needs more than 62 bits: take the floating-point path.
    constexpr std::int64_t kLimit = std::int64_t(1) << 31;
    if (x >= kLimit || x <= -kLimit) {
        add(double(x));
        return;
    }
    ++m_count;
    std::int64_t next;
    if (__builtin_add_overflow(m_intSum, x, &next)) {
        addInt64Exactly(m_sum, m_intSum); // flush what fits, start again from x
        next = x;
    }
    m_intSum = next;
    if (__builtin_add_overflow(m_intSumSq, x * x, &next)) {
        addInt64Exactly(m_sumSq, m_intSumSq);
        next = x * x;
    }
    m_intSumSq = next;
}

void ExactMoments::merge(const ExactMoments &other)
{
    m_count += other.m_count;
    m_sum.merge(other.m_sum);
    m_sumSq.merge(other.m_sumSq);
    addInt64Exactly(m_sum, other.m_intSum);
    addInt64Exactly(m_sumSq, other.m_intSumSq);
}

ExactSum ExactMoments::totalSum() const
{
    ExactSum s = m_sum;
    addInt64Exactly(s, m_intSum);
    return s;
}

ExactSum ExactMoments::totalSumSq() const
{
    ExactSum s = m_sumSq;
    addInt64Exactly(s, m_intSumSq);
    return s;
}

double ExactMoments::sum() const
{
    return totalSum().value();
}

double ExactMoments::mean() const
{
    if (m_count == 0) return std::numeric_limits<double>::quiet_NaN();
    return totalSum().value() / double(m_count);
}

double ExactMoments::variance(int ddof) const
{
    if (m_count <= ddof) return std::numeric_limits<double>::quiet_NaN();
    const ExactSum sum = totalSum();
    const ExactSum sumSq = totalSumSq();
    if (sum.hasNonFinite()) return std::numeric_limits<double>::quiet_NaN();
    if (sumSq.hasNonFinite()) return std::numeric_limits<double>::infinity(); // x² overflowed
    const double n = double(m_count);
    // n·Σx² − (Σx)², every product split exactly into hi + lo (TwoProduct with fma), summed
    // exactly and rounded once: no cancellation, whatever the mean/spread ratio.
    ExactSum acc;
    auto addProduct = [&acc](double a, double b) {
        const double p = a * b;
        acc.add(p);
        if (std::isfinite(p)) acc.add(std::fma(a, b, -p));
    };
    const std::vector<double> sq = sumSq.exactPartials();
    const std::vector<double> s = sum.exactPartials();
    for (double p : sq) addProduct(n, p);
    for (std::size_t i = 0; i < s.size(); ++i) {
        addProduct(-s[i], s[i]);
        for (std::size_t j = i + 1; j < s.size(); ++j) addProduct(-2.0 * s[i], s[j]);
    }
    const double numerator = acc.value();
    if (numerator <= 0.0) return 0.0; // exact arithmetic: only 0 is possible here
    return numerator / (n * double(m_count - ddof));
}

double ExactMoments::stddev(int ddof) const
{
    return std::sqrt(variance(ddof));
}

} // namespace sf
