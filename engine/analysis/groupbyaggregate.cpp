#include "analysis/groupbyaggregate.h"
#include <algorithm>
#include <cmath>

namespace sf {

void GroupAggregate::addNumber(Fn fn, double x, bool isInt, std::int64_t i)
{
    ++m_n;
    switch (fn) {
    case Fn::Sum:
        m_allInt = m_allInt && isInt;
        m_sum.add(x);
        break;
    case Fn::Mean: m_sum.add(x); break;
    case Fn::Std: addSquared(x); break;
    case Fn::Min:
    case Fn::Max:
        if (isInt) {
            m_imin = std::min(m_imin, i);
            m_imax = std::max(m_imax, i);
        } else {
            m_allInt = false;
        }
        m_dmin = std::min(m_dmin, x);
        m_dmax = std::max(m_dmax, x);
        break;
    case Fn::Count:
    case Fn::CountColumn: break;
    }
}

void GroupAggregate::addSquared(double x)
{
    if (!m_moments && m_inline < kInline) {
        m_first[m_inline++] = x;
        return;
    }
    spill();
    m_moments->add(x);
}

void GroupAggregate::spill()
{
    if (m_moments) return;
    m_moments = std::make_unique<ExactMoments>();
    for (int k = 0; k < m_inline; ++k)
        m_moments->add(m_first[k]);
    m_inline = 0;
}

void GroupAggregate::merge(Fn fn, GroupAggregate &later)
{
    m_n += later.m_n;
    m_allInt = m_allInt && later.m_allInt;
    m_imin = std::min(m_imin, later.m_imin);
    m_imax = std::max(m_imax, later.m_imax);
    m_dmin = std::min(m_dmin, later.m_dmin);
    m_dmax = std::max(m_dmax, later.m_dmax);
    if (fn == Fn::Sum || fn == Fn::Mean) {
        m_sum.merge(later.m_sum);
        return;
    }
    if (later.m_moments) {
        if (!m_moments && m_inline == 0) {
            m_moments = std::move(later.m_moments);
            return;
        }
        spill();
        m_moments->merge(*later.m_moments);
        return;
    }
    for (int k = 0; k < later.m_inline; ++k)
        addSquared(later.m_first[k]);
}

QVariant GroupAggregate::value(Fn fn, std::int64_t groupRows, bool intColumn) const
{
    auto number = [](double v) { return std::isnan(v) ? QVariant() : QVariant(v); };
    auto sum = [&] { return m_sum.value(); };
    const bool ints = intColumn && m_allInt;
    switch (fn) {
    case Fn::Count: return qlonglong(groupRows);
    case Fn::CountColumn: return qlonglong(m_n);
    case Fn::Sum: {
        const double v = sum();
        if (ints && std::fabs(v) < 9.2e18) return qlonglong(std::llround(v));
        return v;
    }
    case Fn::Mean: return m_n ? number(sum() / double(m_n)) : QVariant();
    case Fn::Std: {
        if (m_moments) return number(m_moments->stddev(1));
        ExactMoments m;
        for (int k = 0; k < m_inline; ++k)
            m.add(m_first[k]);
        return number(m.stddev(1));
    }
    case Fn::Min:
        if (!m_n) return QVariant();
        return ints ? QVariant(qlonglong(m_imin)) : QVariant(m_dmin);
    case Fn::Max:
        if (!m_n) return QVariant();
        return ints ? QVariant(qlonglong(m_imax)) : QVariant(m_dmax);
    }
    return QVariant();
}

} // namespace sf
