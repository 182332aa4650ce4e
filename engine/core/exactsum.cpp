#include "core/exactsum.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace sf {

namespace {

using detail::U128;

constexpr int kDigitBits = 32;
constexpr std::int64_t kDigitMask = (std::int64_t(1) << kDigitBits) - 1;
// Digits grow by < 2^32 per add, so 2^30 adds keep every cell below 2^62 before a carry pass.
constexpr std::int64_t kMaxLoad = std::int64_t(1) << 30;
// Highest digit a normalised sum can need: 2^30 · 2^1024 is below 2^(32·67 − 1074).
constexpr int kMaxDigit = 68;
// Adds straight into the digits before the per-exponent buffer starts (small sums, e.g. one
// group of a group-by, stay small).
constexpr std::int64_t kDirectAdds = 32;

// A signed 128-bit integer, exactly (integer 1 weighs 2^0: position 1074).
void addInt128Exactly(ExactSum &sum, detail::I128 v)
{
    if (v == 0) return;
    const bool negative = v < 0;
    sum.addScaled(negative ? U128(0) - U128(v) : U128(v), 1074, negative);
}

} // namespace

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

void ExactSum::addSlow(double x)
{
    const auto bits = std::bit_cast<std::uint64_t>(x);
    const int biased = int((bits >> 52) & 0x7ff);
    if (biased == 0x7ff) {
        // inf + -inf and nan give nan whatever the order, as in math.fsum.
        m_special += x;
        m_nonFinite = true;
        return;
    }
    std::uint64_t mantissa = bits & ((std::uint64_t(1) << 52) - 1);
    if (biased != 0)
        mantissa |= std::uint64_t(1) << 52;
    else if (mantissa == 0)
        return; // ±0
    const int pos = biased == 0 ? 0 : biased - 1;
    const std::int64_t s = -std::int64_t(bits >> 63);
    if (m_byPos.empty() && ++m_directAdds <= kDirectAdds) {
        addToDigits(mantissa, pos, s);
        return;
    }
    if (pos < m_posFirst || pos >= m_posFirst + int(m_byPos.size())) reservePositions(pos);
    m_byPos[std::size_t(pos - m_posFirst)] += (std::int64_t(mantissa) ^ s) - s;
    if (++m_buffered == kBufferedAdds) flushPositions();
}

void ExactSum::addToDigits(std::uint64_t magnitude, int pos, std::int64_t signMask)
{
    // magnitude < 2^63 shifted by < 32 spans three 32-bit digits.
    const int k = pos / kDigitBits;
    if (k < m_first || k + 2 >= m_first + int(m_digits.size())) reserveDigits(k, k + 2);
    const U128 t = static_cast<U128>(magnitude) << (pos % kDigitBits);
    const std::int64_t s = signMask;
    std::int64_t *d = m_digits.data() + (k - m_first);
    d[0] += (std::int64_t(std::uint64_t(t) & std::uint64_t(kDigitMask)) ^ s) - s;
    d[1] += (std::int64_t(std::uint64_t(t >> 32) & std::uint64_t(kDigitMask)) ^ s) - s;
    d[2] += (std::int64_t(std::uint64_t(t >> 64)) ^ s) - s;
    if (++m_load >= kMaxLoad) normalize();
}

void ExactSum::addScaled(U128 magnitude, int pos, bool negative)
{
    // addToDigits takes magnitudes below 2^63: 62 bits at a time.
    constexpr std::uint64_t kLow62 = (std::uint64_t(1) << 62) - 1;
    const std::int64_t signMask = negative ? -1 : 0;
    for (; magnitude != 0; magnitude >>= 62, pos += 62)
        if (const std::uint64_t part = std::uint64_t(magnitude) & kLow62; part != 0)
            addToDigits(part, pos, signMask);
}

void ExactSum::reservePositions(int pos)
{
    // Slack on both sides: a column's exponents spread slowly.
    constexpr int kSlack = 8;
    const bool empty = m_byPos.empty();
    const int first = std::max(0, std::min(pos, empty ? pos : m_posFirst) - kSlack);
    const int last = std::max(pos, empty ? pos : m_posFirst + int(m_byPos.size()) - 1) + kSlack;
    std::vector<std::int64_t> grown(std::size_t(last - first + 1), 0);
    std::copy(m_byPos.begin(), m_byPos.end(), grown.begin() + (empty ? 0 : m_posFirst - first));
    m_byPos.swap(grown);
    m_posFirst = first;
}

void ExactSum::foldPositions(const std::vector<std::int64_t> &byPos, int posFirst)
{
    for (std::size_t i = 0; i < byPos.size(); ++i) {
        const std::int64_t v = byPos[i];
        if (v == 0) continue;
        const std::int64_t s = v < 0 ? -1 : 0;
        addToDigits(std::uint64_t((v ^ s) - s), posFirst + int(i), s);
    }
}

void ExactSum::flushPositions()
{
    foldPositions(m_byPos, m_posFirst);
    std::fill(m_byPos.begin(), m_byPos.end(), 0);
    m_buffered = 0;
}

void ExactSum::reserveDigits(int first, int last)
{
    first = std::max(0, std::min(first, m_digits.empty() ? first : m_first) - 1);
    last =
        std::min(kMaxDigit,
                 std::max(last, m_digits.empty() ? last : m_first + int(m_digits.size()) - 1) + 1);
    if (!m_digits.empty() && first == m_first && last == m_first + int(m_digits.size()) - 1) return;
    std::vector<std::int64_t> grown(std::size_t(last - first + 1), 0);
    std::copy(m_digits.begin(), m_digits.end(),
              grown.begin() + (m_digits.empty() ? 0 : m_first - first));
    m_digits.swap(grown);
    m_first = first;
}

std::int64_t ExactSum::digitAt(int k) const
{
    const int i = k - m_first;
    return i >= 0 && i < int(m_digits.size()) ? m_digits[std::size_t(i)] : 0;
}

void ExactSum::normalize()
{
    std::int64_t carry = 0;
    for (std::int64_t &d : m_digits) {
        const std::int64_t v = d + carry;
        d = v & kDigitMask;
        carry = (v - d) >> kDigitBits; // exact: v − d is a multiple of 2^32
    }
    // The carry belongs just above the top digit; a final carry of −1 is the sign of a
    // negative sum (two's complement), which the top digit takes as −2^32.
    while (carry != 0 && carry != -1) {
        m_digits.push_back(carry & kDigitMask);
        carry = (carry - m_digits.back()) >> kDigitBits;
    }
    if (carry == -1) m_digits.back() -= std::int64_t(1) << kDigitBits;
    m_load = 1;
}

void ExactSum::merge(const ExactSum &other)
{
    if (other.m_nonFinite) {
        m_special += other.m_special;
        m_nonFinite = true;
    }
    foldPositions(other.m_byPos, other.m_posFirst);
    if (other.m_digits.empty()) return;
    if (m_load + other.m_load >= kMaxLoad) {
        normalize();
        if (m_load + other.m_load >= kMaxLoad) {
            ExactSum o = other;
            o.m_byPos.clear(); // folded above, and its specials counted
            o.m_nonFinite = false;
            o.m_special = 0;
            o.normalize();
            merge(o);
            return;
        }
    }
    reserveDigits(other.m_first, other.m_first + int(other.m_digits.size()) - 1);
    std::int64_t *d = m_digits.data() + (other.m_first - m_first);
    for (std::size_t i = 0; i < other.m_digits.size(); ++i)
        d[i] += other.m_digits[i];
    m_load += other.m_load;
}

double ExactSum::value() const
{
    if (m_nonFinite) return m_special;
    ExactSum m = *this;
    m.flushPositions();
    const bool negative = m.makeMagnitude();
    int top = m.m_first + int(m.m_digits.size()) - 1;
    while (top >= m.m_first && m.digitAt(top) == 0)
        --top;
    if (top < m.m_first) return 0.0;
    const auto topDigit = std::uint64_t(m.digitAt(top));
    const int msb = top * kDigitBits + (63 - std::countl_zero(topDigit));
    double result;
    if (msb < 53) {
        // An integer below 2^53 in units of 2^-1074: exact as it is (subnormal or tiny normal).
        const std::uint64_t v = std::uint64_t(m.digitAt(0)) | (std::uint64_t(m.digitAt(1)) << 32);
        result = std::ldexp(double(v), -1074);
    } else {
        // Round the magnitude to 53 bits, half to even, from the top three digits and a
        // sticky bit for everything below them.
        const int base = (top - 2) * kDigitBits;
        const U128 w = (static_cast<U128>(topDigit) << 64) |
                       (static_cast<U128>(m.digitAt(top - 1)) << 32) |
                       static_cast<U128>(m.digitAt(top - 2));
        int shift = msb - 52; // bit position of the result's lowest bit
        const int rel = shift - base;
        std::uint64_t mant = std::uint64_t(w >> rel) & ((std::uint64_t(1) << 53) - 1);
        const bool round = (w >> (rel - 1)) & 1;
        bool sticky = (w & ((static_cast<U128>(1) << (rel - 1)) - 1)) != 0;
        for (int k = m.m_first; k < top - 2 && !sticky; ++k)
            sticky = m.digitAt(k) != 0;
        if (round && (sticky || (mant & 1))) ++mant;
        if (mant >> 53) {
            mant >>= 1;
            ++shift;
        }
        result = std::ldexp(double(mant), shift - 1074); // ±inf past the largest double
    }
    return negative ? -result : result;
}

bool ExactSum::makeMagnitude()
{
    normalize();
    if (m_digits.empty() || m_digits.back() >= 0) return false;
    for (std::int64_t &d : m_digits)
        d = -d;
    normalize();
    return true;
}

std::vector<double> ExactSum::exactPartials() const
{
    ExactSum m = *this;
    m.flushPositions();
    const bool negative = m.makeMagnitude();
    std::vector<double> terms;
    for (std::size_t i = 0; i < m.m_digits.size(); ++i) {
        if (m.m_digits[i] == 0) continue;
        const double t =
            std::ldexp(double(m.m_digits[i]), (m.m_first + int(i)) * kDigitBits - 1074);
        terms.push_back(negative ? -t : t);
    }
    // Digits at or above 2^1000 could overflow the grow step: hand them over as they are
    // (callers only multiply them, and such products overflow to inf anyway).
    if (terms.empty() || std::fabs(terms.back()) >= 0x1p990) return terms;
    std::vector<double> partials;
    for (double t : terms)
        growPartials(partials, t);
    return partials;
}

void ExactMoments::addIntegers(const std::int64_t *x, int n)
{
    // Below 2^31 a square fits in 62 bits; 2^64 of them cannot overflow the accumulators.
    constexpr std::int64_t kLimit = std::int64_t(1) << 31;
    detail::I128 sum = 0;
    U128 sumSq = 0;
    int small = 0;
    for (int i = 0; i < n; ++i) {
        const std::int64_t v = x[i];
        if (v >= kLimit || v <= -kLimit) {
            add(double(v));
            continue;
        }
        sum += v;
        sumSq += std::uint64_t(v * v);
        ++small;
    }
    m_count += small;
    m_intSum += sum;
    m_intSumSq += sumSq;
}

namespace {
// The biased exponents of |x| in [2^-400, 2^400): their squares are normal doubles' worth of
// bits well inside the accumulator, at position 2·biased − 1076 (2·(biased − 1075) + 1074).
constexpr int kSquareFirstBiased = 1023 - 400;
constexpr int kSquareEndBiased = 1023 + 400;
} // namespace

void ExactMoments::addSquareSlow(double x)
{
    const int biased = int((std::bit_cast<std::uint64_t>(x) >> 52) & 0x7ff);
    const bool inRange = biased >= kSquareFirstBiased && biased < kSquareEndBiased;
    if (inRange && (!m_sqCells.empty() || ++m_sqDirect > kDirectSquares)) {
        // Grow the cells to cover this exponent (a column's exponents spread slowly).
        constexpr int kSlack = 4;
        const bool empty = m_sqCells.empty();
        const int first =
            std::max(kSquareFirstBiased, std::min(biased, empty ? biased : m_sqFirst) - kSlack);
        const int last = std::min(
            kSquareEndBiased - 1,
            std::max(biased, empty ? biased : m_sqFirst + int(m_sqCells.size()) - 1) + kSlack);
        std::vector<U128> grown(std::size_t(last - first + 1), 0);
        std::copy(m_sqCells.begin(), m_sqCells.end(),
                  grown.begin() + (empty ? 0 : m_sqFirst - first));
        m_sqCells.swap(grown);
        m_sqFirst = first;
        addSquareToCell(std::size_t(biased - m_sqFirst), std::bit_cast<std::uint64_t>(x));
        return;
    }
    const double sq = x * x;
    m_sumSq.add(sq);
    // The rounding error of x*x, exactly: sq + error == x*x with no rounding at all.
    if (std::isfinite(sq)) m_sumSq.add(squareError(x, sq));
}

void ExactMoments::foldSquares(const std::vector<U128> &cells, int first, ExactSum &sum)
{
    for (std::size_t k = 0; k < cells.size(); ++k)
        if (cells[k] != 0) sum.addScaled(cells[k], 2 * (first + int(k)) - 1076);
}

void ExactMoments::flushSquares()
{
    foldSquares(m_sqCells, m_sqFirst, m_sumSq);
    std::fill(m_sqCells.begin(), m_sqCells.end(), 0);
    m_sqBuffered = 0;
}

void ExactMoments::merge(const ExactMoments &other)
{
    m_count += other.m_count;
    m_sum.merge(other.m_sum);
    m_sumSq.merge(other.m_sumSq);
    foldSquares(other.m_sqCells, other.m_sqFirst, m_sumSq);
    addInt128Exactly(m_sum, other.m_intSum);
    m_sumSq.addScaled(other.m_intSumSq, 1074);
}

ExactSum ExactMoments::totalSum() const
{
    ExactSum s = m_sum;
    addInt128Exactly(s, m_intSum);
    return s;
}

ExactSum ExactMoments::totalSumSq() const
{
    ExactSum s = m_sumSq;
    foldSquares(m_sqCells, m_sqFirst, s);
    s.addScaled(m_intSumSq, 1074);
    return s;
}

double ExactMoments::sum() const
{
    return totalSum().value();
}

double ExactMoments::sumOfSquares() const
{
    return totalSumSq().value();
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
    for (double p : sq)
        addProduct(n, p);
    for (std::size_t i = 0; i < s.size(); ++i) {
        addProduct(-s[i], s[i]);
        for (std::size_t j = i + 1; j < s.size(); ++j)
            addProduct(-2.0 * s[i], s[j]);
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
