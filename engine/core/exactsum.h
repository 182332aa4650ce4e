#pragma once
// Exact floating-point accumulation: every finite double is added exactly into a fixed-point
// "superaccumulator" (32-bit digits in 64-bit cells, carries deferred), so the rounded value()
// is correctly rounded, as Python's math.fsum, and cannot depend on the order or grouping of
// add()/merge(): sums, means and variances are identical for any chunk size, worker count and
// policy. After the first few adds, an add is one integer add into a per-exponent cell (the
// cells fold into the digits every 1024 adds), which is what the profile's hot path needs;
// only the digits and exponents a column's values actually touch are stored.
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

namespace sf {

namespace detail {
__extension__ typedef unsigned __int128 U128;
__extension__ typedef __int128 I128;
} // namespace detail

class ExactSum {
public:
    // Inline fast path: a finite non-zero x whose exponent cell exists (the common case in a
    // column's hot loop); everything else goes through addSlow().
    [[gnu::always_inline]] void add(double x)
    {
        const auto bits = std::bit_cast<std::uint64_t>(x);
        const int biased = int((bits >> 52) & 0x7ff);
        const int i = biased - 1 - m_posFirst; // cell of x's lowest mantissa bit
        if (biased == 0 || biased == 0x7ff || unsigned(i) >= m_byPos.size()) {
            addSlow(x);
            return;
        }
        const auto mantissa =
            std::int64_t((bits & ((std::uint64_t(1) << 52) - 1)) | (std::uint64_t(1) << 52));
        const std::int64_t s = -std::int64_t(bits >> 63); // (v ^ s) − s is −v when s is all ones
        m_byPos[std::size_t(i)] += (mantissa ^ s) - s;
        if (++m_buffered == kBufferedAdds) flushPositions();
    }
    void merge(const ExactSum &other);
    // Adds magnitude · 2^(pos − 1074) exactly, negated when `negative` (pos ≥ 0; the top bit
    // below 2^1100).
    void addScaled(detail::U128 magnitude, int pos, bool negative = false);
    double value() const; // correctly rounded sum (±inf when it overflows)
    bool hasNonFinite() const { return m_nonFinite; }
    // The exact sum as a few non-overlapping doubles, largest last (for exact products in
    // ExactMoments). A sum of magnitude ≥ 2^1024 gives an infinite partial.
    std::vector<double> exactPartials() const;

private:
    // Same-exponent mantissas add exactly as integers; 1024 · 2^53 < 2^63 cannot overflow.
    static constexpr int kBufferedAdds = 1024;

    void addSlow(double x);
    // Digit k weighs 2^(32k − 1074): digit 0 holds the smallest subnormal's bit.
    void addToDigits(std::uint64_t magnitude, int pos, std::int64_t signMask);
    void reserveDigits(int first, int last);
    void reservePositions(int pos);
    void foldPositions(const std::vector<std::int64_t> &byPos, int posFirst);
    void flushPositions();
    void normalize(); // carries propagated: every digit but the top one in [0, 2^32)
    std::int64_t digitAt(int k) const;
    bool makeMagnitude(); // normalises to sign and magnitude; true when the sum is negative

    std::vector<std::int64_t> m_digits; // digits m_first .. m_first + size - 1
    int m_first = 0;
    std::int64_t m_load = 0; // digit magnitudes are < 2^32 · (m_load + 1)
    // Past the first few adds: mantissas summed per bit position (exponent) of their lowest
    // bit, folded into the digits every 1024 adds.
    std::vector<std::int64_t> m_byPos;
    int m_posFirst = 0;
    int m_buffered = 0;
    std::int64_t m_directAdds = 0;
    double m_special = 0; // sum of inf/nan values, kept apart
    bool m_nonFinite = false;
};

// Shewchuk's grow step, as math.fsum: adds x to the non-overlapping partials (increasing
// magnitude) and keeps them non-overlapping. x must be finite and the sum must not overflow.
void growPartials(std::vector<double> &partials, double x);

// x*x − sq exactly, for sq = x*x rounded (finite): Dekker's product with Veltkamp's split (as
// the QD library's two_sqr), every partial product exact. Inline arithmetic, because std::fma is
// a call into libm on the baseline x86-64 ISA and was 18 % of a profile run. The partial
// products neither overflow nor underflow for |x| in [2^-400, 2^400]; outside, std::fma.
inline double squareError(double x, double sq)
{
    const double magnitude = std::fabs(x);
    if (magnitude < 0x1p-400 || magnitude > 0x1p400) return std::fma(x, x, -sq);
    const double c = 134217729.0 * x; // 2^27 + 1
    const double hi = c - (c - x);
    const double lo = x - hi;
    return ((hi * hi - sq) + 2.0 * hi * lo) + lo * lo;
}

// Count, exact sum and exact sum of squares; variance from n*Σx² − (Σx)² evaluated exactly
// before one rounding. Deterministic under any grouping. Limit: the variance is +inf once x² or
// n·Σx² overflows (|x| beyond about 1e146).
//
// Squares, past the first few: the 106-bit square of each value's 53-bit mantissa, summed in a
// 128-bit cell per exponent and folded into the exact sum every 1024 adds (one multiply and a
// 128-bit add per value). Values outside [2^-400, 2^400), zeros and non-finite ones add x*x
// and its exact rounding error (squareError) instead. Both give the same exact Σx².
class ExactMoments {
public:
    void add(double x)
    {
        ++m_count;
        m_sum.add(x);
        const auto bits = std::bit_cast<std::uint64_t>(x);
        const int i = int((bits >> 52) & 0x7ff) - m_sqFirst;
        if (unsigned(i) >= m_sqCells.size()) {
            addSquareSlow(x);
            return;
        }
        addSquareToCell(std::size_t(i), bits);
    }
    // Bit-identical to add(double(x)) for each x; integers below 2^31 in magnitude are summed
    // in 128-bit integer accumulators (which cannot overflow), skipping the exact sums.
    void addInteger(std::int64_t x) { addIntegers(&x, 1); }
    void addIntegers(const std::int64_t *x, int n);
    void merge(const ExactMoments &other);
    std::int64_t count() const { return m_count; }
    double sum() const;
    double mean() const;             // NaN when count == 0
    double variance(int ddof) const; // NaN when count <= ddof
    double stddev(int ddof) const;
    double sumOfSquares() const; // Σx², correctly rounded

private:
    // 1024 squares below 2^106 each stay below 2^116 in a cell.
    static constexpr int kBufferedSquares = 1024;
    static constexpr int kDirectSquares = 32; // before the cells are allocated
    void addSquareSlow(double x);
    // The square of the mantissa of the double with these bits into cells[cell].
    void addSquareToCell(std::size_t cell, std::uint64_t bits)
    {
        const std::uint64_t mantissa =
            (bits & ((std::uint64_t(1) << 52) - 1)) | (std::uint64_t(1) << 52);
        m_sqCells[cell] += detail::U128(mantissa) * mantissa;
        if (++m_sqBuffered == kBufferedSquares) flushSquares();
    }
    void flushSquares();
    // Adds the cells' squares (cells[k] at biased exponent first + k) to `sum`.
    static void foldSquares(const std::vector<detail::U128> &cells, int first, ExactSum &sum);

    // The exact sums with the pending integer parts folded in.
    ExactSum totalSum() const;
    ExactSum totalSumSq() const;

    std::int64_t m_count = 0;
    ExactSum m_sum;
    ExactSum m_sumSq;
    detail::I128 m_intSum = 0;           // Σx of the addIntegers() values below 2^31 in magnitude
    detail::U128 m_intSumSq = 0;         // their Σx²
    std::vector<detail::U128> m_sqCells; // pending squares by biased exponent m_sqFirst + k
    int m_sqFirst = 0;
    int m_sqBuffered = 0;
    int m_sqDirect = 0;
};

} // namespace sf
