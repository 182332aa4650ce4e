#include "analysis/groupbytable.h"
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace sf {

namespace {

template <class T> void appendRaw(std::string &out, T v)
{
    out.append(reinterpret_cast<const char *>(&v), sizeof v);
}

template <class T> T takeRaw(std::string_view &in)
{
    T v;
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
}

std::string_view takeText(std::string_view &in)
{
    const auto n = takeRaw<std::uint32_t>(in);
    const std::string_view text = in.substr(0, n);
    in.remove_prefix(n);
    return text;
}

} // namespace

Value GroupTable::canonicalKey(const Value &v)
{
    if (v.kind == Value::Kind::Double && std::isfinite(v.d) && v.d == std::trunc(v.d) &&
        std::fabs(v.d) < 9.2e18)
        return Value::fromInt(std::int64_t(v.d));
    return v;
}

void GroupTable::encode(std::string &key, const Value &v)
{
    key.push_back(char(v.kind));
    switch (v.kind) {
    case Value::Kind::Null: break;
    case Value::Kind::Bool: key.push_back(v.b ? 1 : 0); break;
    case Value::Kind::Int:
    case Value::Kind::DateTime: appendRaw(key, v.i); break;
    case Value::Kind::Double: {
        // One NaN and one zero: -0.0 + 0.0 is +0.0.
        const double d = std::isnan(v.d) ? std::numeric_limits<double>::quiet_NaN() : v.d + 0.0;
        appendRaw(key, std::bit_cast<std::uint64_t>(d));
        break;
    }
    case Value::Kind::String:
        appendRaw(key, std::uint32_t(v.s.size()));
        key.append(v.s);
        break;
    }
}

std::uint32_t GroupTable::findOrAdd(std::string_view key, std::uint64_t hash,
                                    std::span<const Value> values)
{
    if (const std::uint32_t *g = m_index.find(key, hash)) return *g;
    std::string texts;
    for (const Value &v : values) {
        if (v.kind != Value::Kind::DateTime) continue;
        appendRaw(texts, std::uint32_t(v.s.size()));
        texts.append(v.s);
    }
    return add(key, hash, texts);
}

std::uint32_t GroupTable::add(std::string_view key, std::uint64_t hash, std::string_view texts)
{
    if (m_hashes.size() >= std::numeric_limits<std::uint32_t>::max())
        throw std::runtime_error("groupby: more than 4,294,967,295 groups");
    const auto g = std::uint32_t(m_hashes.size());
    m_index.insert(key, hash, g);
    m_bytes.append(key);
    m_keyEnds.push_back(m_bytes.size());
    m_bytes.append(texts);
    m_ends.push_back(m_bytes.size());
    m_hashes.push_back(hash);
    m_counts.push_back(0);
    for (const GroupAggregate::Fn fn : m_fns)
        m_states.emplace_back(fn);
    return g;
}

std::string_view GroupTable::keyOf(std::uint32_t g) const
{
    const std::uint64_t begin = g == 0 ? 0 : m_ends[g - 1];
    return std::string_view(m_bytes).substr(begin, m_keyEnds[g] - begin);
}

std::string_view GroupTable::textsOf(std::uint32_t g) const
{
    return std::string_view(m_bytes).substr(m_keyEnds[g], m_ends[g] - m_keyEnds[g]);
}

void GroupTable::keyValues(std::uint32_t g, std::vector<Value> &values) const
{
    std::string_view in = keyOf(g);
    std::string_view texts = textsOf(g);
    while (!in.empty()) {
        Value v;
        v.kind = Value::Kind(in.front());
        in.remove_prefix(1);
        switch (v.kind) {
        case Value::Kind::Null: break;
        case Value::Kind::Bool:
            v.b = in.front() != 0;
            in.remove_prefix(1);
            break;
        case Value::Kind::Int: v.i = takeRaw<std::int64_t>(in); break;
        case Value::Kind::DateTime:
            v.i = takeRaw<std::int64_t>(in);
            v.s = takeText(texts);
            break;
        case Value::Kind::Double: v.d = std::bit_cast<double>(takeRaw<std::uint64_t>(in)); break;
        case Value::Kind::String: v.s = takeText(in); break;
        }
        values.push_back(v);
    }
}

void GroupTable::merge(GroupTable &later)
{
    // This table outgrows the caches long before a chunk's does, so the merge goes in two
    // passes that each fetch a few groups ahead: first every group's number here (its slot
    // prefetched), then counts and states (this table's count and states prefetched).
    constexpr std::uint32_t kAhead = 8;
    const auto n = std::uint32_t(later.size());
    std::vector<std::uint32_t> into(n);
    for (std::uint32_t lg = 0; lg < n; ++lg) {
        if (lg + kAhead < n) m_index.prefetch(later.m_hashes[lg + kAhead]);
        const std::string_view key = later.keyOf(lg);
        const std::uint64_t hash = later.m_hashes[lg];
        const std::uint32_t *found = m_index.find(key, hash);
        into[lg] = found ? *found : add(key, hash, later.textsOf(lg));
    }
    const std::size_t stateBytes = m_fns.size() * sizeof(GroupAggregate);
    for (std::uint32_t lg = 0; lg < n; ++lg) {
        if (lg + kAhead < n) {
            const std::uint32_t ahead = into[lg + kAhead];
            __builtin_prefetch(&m_counts[ahead]);
            const char *state = reinterpret_cast<const char *>(aggregates(ahead).data());
            for (std::size_t b = 0; b < stateBytes; b += 64)
                __builtin_prefetch(state + b);
        }
        const std::uint32_t g = into[lg];
        m_counts[g] += later.m_counts[lg];
        const std::span<GroupAggregate> to = aggregates(g);
        const std::span<GroupAggregate> from = later.aggregates(lg);
        for (std::size_t a = 0; a < to.size(); ++a)
            to[a].merge(from[a]);
    }
    later.clear();
}

void GroupTable::clear()
{
    m_index.clear();
    m_bytes.clear();
    m_keyEnds.clear();
    m_ends.clear();
    m_hashes.clear();
    m_counts.clear();
    m_states.clear();
}

void GroupTable::reserve(std::size_t groups)
{
    m_index.reserve(groups);
    m_keyEnds.reserve(groups);
    m_ends.reserve(groups);
    m_hashes.reserve(groups);
    m_counts.reserve(groups);
    m_states.reserve(groups * m_fns.size());
}

} // namespace sf
