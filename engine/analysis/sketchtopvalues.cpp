#include "analysis/sketchtopvalues.h"

#include <algorithm>

namespace sf {

void TopValues::merge(const TopValues &other)
{
    for (const auto &[value, count] : other.m_counts) add(value, count);
    m_approximate = m_approximate || other.m_approximate;
}

std::vector<std::pair<std::string, std::int64_t>> TopValues::top(std::size_t n) const
{
    // Sort pointers, not copies: the map may hold a million strings.
    using Entry = const std::pair<const std::string, std::int64_t> *;
    std::vector<Entry> all;
    all.reserve(m_counts.size());
    for (const auto &e : m_counts) all.push_back(&e);
    const auto before = [](Entry a, Entry b) {
        return a->second != b->second ? a->second > b->second : a->first < b->first;
    };
    const std::size_t k = std::min(n, all.size());
    std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(k), all.end(), before);
    std::vector<std::pair<std::string, std::int64_t>> out;
    out.reserve(k);
    for (std::size_t i = 0; i < k; ++i) out.emplace_back(all[i]->first, all[i]->second);
    return out;
}

} // namespace sf
