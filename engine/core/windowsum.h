#pragma once
// An exact sum of doubles in 32 bytes, for the many small sums of a group-by (one per group and
// aggregate, merged chunk after chunk). Values of magnitude in [2^-100 · 2^52, 2^60) — in
// practice every value whose lowest mantissa bit is at or above 2^-100 and that is below
// 2^60 — are added into a fixed-point two's complement integer of 192 bits whose unit is
// 2^-100: every such value is an integer multiple of that unit, so its add is exact and is a
// few integer adds, with no allocation and no pointer to chase. Zeros are skipped; anything
// else (tiny, huge, subnormal, infinite, NaN) goes to an ExactSum allocated on first need.
// value() is the exact total correctly rounded, bit-identical to an ExactSum of the same
// values in any order and grouping.
#include "core/exactsum.h"
#include <cstdint>
#include <memory>

namespace sf {

class WindowSum {
public:
    WindowSum() = default;
    WindowSum(const WindowSum &other);
    WindowSum &operator=(const WindowSum &other);
    WindowSum(WindowSum &&) noexcept = default;
    WindowSum &operator=(WindowSum &&) noexcept = default;

    [[gnu::always_inline]] void add(double x)
    {
        const auto bits = std::bit_cast<std::uint64_t>(x);
        const int shift = int((bits >> 52) & 0x7ff) - 1 - kFirstPos; // of the lowest mantissa bit
        if (unsigned(shift) > unsigned(kMaxShift)) {
            addOutside(x);
            return;
        }
        const std::uint64_t mantissa =
            (bits & ((std::uint64_t(1) << 52) - 1)) | (std::uint64_t(1) << 52);
        addMagnitude(mantissa, shift, (bits >> 63) != 0);
        if (++m_adds == kMaxAdds) spill();
    }
    void merge(const WindowSum &other);
    double value() const;
    // The whole sum as an ExactSum (window and outside values).
    ExactSum exact() const;

private:
    // Position (ExactSum's scale: bit p weighs 2^(p − 1074)) of the window's unit, 2^-100.
    static constexpr int kFirstPos = 1074 - 100;
    // A value's lowest bit may sit up to 107 bits above the unit: its top bit below 2^60.
    static constexpr int kMaxShift = 107;
    // Adds before the window moves into the ExactSum: 2^30 values below 2^60 sum below 2^90,
    // inside the window's signed range of ±2^91.
    static constexpr std::uint32_t kMaxAdds = std::uint32_t(1) << 30;

    // ±mantissa · 2^shift units, mantissa below 2^53.
    void addMagnitude(std::uint64_t mantissa, int shift, bool negative)
    {
        const detail::U128 t = detail::U128(mantissa) << (shift & 63);
        std::uint64_t m[3] = {0, 0, 0};
        m[shift >> 6] = std::uint64_t(t);
        m[(shift >> 6) + 1] = std::uint64_t(t >> 64);
        addLimbs(m, negative);
    }
    // The window += m (or −= m when `negative`), modulo 2^192.
    void addLimbs(const std::uint64_t m[3], bool negative)
    {
        // a − m = a + ~m + 1.
        const std::uint64_t flip = negative ? ~std::uint64_t(0) : 0;
        detail::U128 carry = negative ? 1 : 0;
        for (int i = 0; i < 3; ++i) {
            const detail::U128 s = detail::U128(m_limbs[i]) + (m[i] ^ flip) + carry;
            m_limbs[i] = std::uint64_t(s);
            carry = s >> 64;
        }
    }
    void addOutside(double x);
    void spill(); // moves the window into the ExactSum
    ExactSum &outside();

    std::uint64_t m_limbs[3] = {0, 0, 0}; // little-endian, two's complement
    std::uint32_t m_adds = 0;             // since the window was last empty
    std::unique_ptr<ExactSum> m_outside;
};

} // namespace sf
