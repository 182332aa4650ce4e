#include "analysis/groupbyaggregate.h"
#include <algorithm>
#include <cmath>
#include <new>

namespace sf {

namespace {

bool sums(GroupAggregate::Fn fn)
{
    return fn == GroupAggregate::Fn::Sum || fn == GroupAggregate::Fn::Mean;
}

} // namespace

GroupAggregate::GroupAggregate(Fn fn)
    : m_fn(fn)
{
    if (sums(fn))
        new (&m_sum) WindowSum();
    else if (fn == Fn::Std)
        m_spread = Spread{{0, 0}, nullptr};
    else
        m_extreme = Extreme{0, 0};
}

GroupAggregate::GroupAggregate(GroupAggregate &&other) noexcept
    : m_fn(other.m_fn)
    , m_allInt(other.m_allInt)
    , m_inline(other.m_inline)
    , m_n(other.m_n)
{
    if (sums(m_fn)) {
        new (&m_sum) WindowSum(std::move(other.m_sum));
    } else if (m_fn == Fn::Std) {
        m_spread = other.m_spread;
        other.m_spread.moments = nullptr;
    } else {
        m_extreme = other.m_extreme;
    }
}

GroupAggregate &GroupAggregate::operator=(GroupAggregate &&other) noexcept
{
    if (this != &other) {
        destroy();
        new (this) GroupAggregate(std::move(other));
    }
    return *this;
}

GroupAggregate::~GroupAggregate()
{
    destroy();
}

void GroupAggregate::destroy()
{
    if (sums(m_fn))
        m_sum.~WindowSum();
    else if (m_fn == Fn::Std)
        delete m_spread.moments;
}

void GroupAggregate::addNumber(double x, bool isInt, std::int64_t i)
{
    const bool first = m_n == 0;
    ++m_n;
    switch (m_fn) {
    case Fn::Sum:
        m_allInt = m_allInt && isInt;
        m_sum.add(x);
        break;
    case Fn::Mean: m_sum.add(x); break;
    case Fn::Std: addSquared(x); break;
    case Fn::Min:
    case Fn::Max:
        m_allInt = m_allInt && isInt;
        if (first) {
            m_extreme = Extreme{i, x}; // i is read only while every value was an int
        } else if (m_fn == Fn::Min) {
            m_extreme.i = std::min(m_extreme.i, i);
            m_extreme.d = std::min(m_extreme.d, x);
        } else {
            m_extreme.i = std::max(m_extreme.i, i);
            m_extreme.d = std::max(m_extreme.d, x);
        }
        break;
    case Fn::Count:
    case Fn::CountColumn: break;
    }
}

void GroupAggregate::addSquared(double x)
{
    if (!m_spread.moments && m_inline < kInline) {
        m_spread.first[m_inline++] = x;
        return;
    }
    spill();
    m_spread.moments->add(x);
}

void GroupAggregate::spill()
{
    if (m_spread.moments) return;
    m_spread.moments = new ExactMoments();
    for (int k = 0; k < m_inline; ++k)
        m_spread.moments->add(m_spread.first[k]);
    m_inline = 0;
}

void GroupAggregate::merge(GroupAggregate &later)
{
    const std::int64_t before = m_n;
    m_n += later.m_n;
    m_allInt = m_allInt && later.m_allInt;
    switch (m_fn) {
    case Fn::Sum:
    case Fn::Mean: m_sum.merge(later.m_sum); break;
    case Fn::Min:
    case Fn::Max:
        if (later.m_n == 0) break;
        if (before == 0) {
            m_extreme = later.m_extreme;
        } else if (m_fn == Fn::Min) {
            m_extreme.i = std::min(m_extreme.i, later.m_extreme.i);
            m_extreme.d = std::min(m_extreme.d, later.m_extreme.d);
        } else {
            m_extreme.i = std::max(m_extreme.i, later.m_extreme.i);
            m_extreme.d = std::max(m_extreme.d, later.m_extreme.d);
        }
        break;
    case Fn::Std:
        if (later.m_spread.moments) {
            if (!m_spread.moments && m_inline == 0) {
                std::swap(m_spread.moments, later.m_spread.moments);
                break;
            }
            spill();
            m_spread.moments->merge(*later.m_spread.moments);
            break;
        }
        for (int k = 0; k < later.m_inline; ++k)
            addSquared(later.m_spread.first[k]);
        break;
    case Fn::Count:
    case Fn::CountColumn: break;
    }
}

QVariant GroupAggregate::value(std::int64_t groupRows, bool intColumn) const
{
    auto number = [](double v) { return std::isnan(v) ? QVariant() : QVariant(v); };
    const bool ints = intColumn && m_allInt;
    switch (m_fn) {
    case Fn::Count: return qlonglong(groupRows);
    case Fn::CountColumn: return qlonglong(m_n);
    case Fn::Sum: {
        const double v = m_sum.value();
        if (ints && std::fabs(v) < 9.2e18) return qlonglong(std::llround(v));
        return v;
    }
    case Fn::Mean: return m_n ? number(m_sum.value() / double(m_n)) : QVariant();
    case Fn::Std: {
        if (m_spread.moments) return number(m_spread.moments->stddev(1));
        ExactMoments m;
        for (int k = 0; k < m_inline; ++k)
            m.add(m_spread.first[k]);
        return number(m.stddev(1));
    }
    case Fn::Min:
    case Fn::Max:
        if (!m_n) return QVariant();
        return ints ? QVariant(qlonglong(m_extreme.i)) : QVariant(m_extreme.d);
    }
    return QVariant();
}

} // namespace sf
