#include "core/windowsum.h"

namespace sf {

using detail::U128;

WindowSum::WindowSum(const WindowSum &other)
    : m_adds(other.m_adds)
    , m_outside(other.m_outside ? std::make_unique<ExactSum>(*other.m_outside) : nullptr)
{
    for (int i = 0; i < 3; ++i)
        m_limbs[i] = other.m_limbs[i];
}

WindowSum &WindowSum::operator=(const WindowSum &other)
{
    if (this != &other) *this = WindowSum(other);
    return *this;
}

ExactSum &WindowSum::outside()
{
    if (!m_outside) m_outside = std::make_unique<ExactSum>();
    return *m_outside;
}

void WindowSum::addOutside(double x)
{
    if (x == 0) return; // ±0 adds nothing (ExactSum skips it too)
    outside().add(x);
}

void WindowSum::merge(const WindowSum &other)
{
    if (other.m_outside) outside().merge(*other.m_outside);
    if (std::uint64_t(m_adds) + other.m_adds >= kMaxAdds) spill();
    addLimbs(other.m_limbs, false);
    m_adds += other.m_adds;
}

void WindowSum::spill()
{
    ExactSum whole = exact();
    m_outside = std::make_unique<ExactSum>(std::move(whole));
    m_limbs[0] = m_limbs[1] = m_limbs[2] = 0;
    m_adds = 0;
}

ExactSum WindowSum::exact() const
{
    ExactSum sum = m_outside ? *m_outside : ExactSum();
    std::uint64_t limbs[3] = {m_limbs[0], m_limbs[1], m_limbs[2]};
    const bool negative = (limbs[2] >> 63) != 0;
    if (negative) { // the magnitude: ~limbs + 1
        U128 carry = 1;
        for (auto &limb : limbs) {
            const U128 s = U128(~limb) + carry;
            limb = std::uint64_t(s);
            carry = s >> 64;
        }
    }
    // Two 96-bit halves (addScaled takes magnitudes below 2^128).
    const U128 low = U128(limbs[0]) | (U128(limbs[1] & 0xffffffffu) << 64);
    const U128 high = U128(limbs[1] >> 32) | (U128(limbs[2]) << 32);
    sum.addScaled(low, kFirstPos, negative);
    sum.addScaled(high, kFirstPos + 96, negative);
    return sum;
}

double WindowSum::value() const
{
    return exact().value();
}

} // namespace sf
