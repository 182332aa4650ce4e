#include "analysis/sketchtopvalues.h"

#include "core/hash.h"

#include <algorithm>

namespace sf {

void TopValues::add(std::string_view value, std::int64_t count)
{
    const std::uint64_t hash = hashBytes(value);
    if (Counted *c = find(value, hash))
        c->count += count;
    else
        admit(value, hash, count);
}

std::vector<std::pair<std::string, std::int64_t>> TopValues::top(std::size_t n) const
{
    // Sort views, not copies: the table may hold a million strings.
    using Entry = std::pair<std::string_view, std::int64_t>;
    std::vector<Entry> all;
    all.reserve(m_counts.size());
    forEach([&all](std::string_view value, std::uint64_t, std::int64_t count) {
        all.emplace_back(value, count);
    });
    const auto before = [](const Entry &a, const Entry &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    const std::size_t k = std::min(n, all.size());
    std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(k), all.end(), before);
    std::vector<std::pair<std::string, std::int64_t>> out;
    out.reserve(k);
    for (std::size_t i = 0; i < k; ++i)
        out.emplace_back(std::string(all[i].first), all[i].second);
    return out;
}

} // namespace sf
