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
        admit(value, hash, 0, count);
}

void TopValues::merge(const TopValues &other)
{
    // Entries carry their hash: merging never hashes a string again. They are listed first (in
    // the other table's slot order, as always), so each lookup can request the slot of the
    // entry kPrefetchAhead places on: a large table is merged without waiting on memory per entry.
    struct Entry {
        std::string_view value;
        std::uint64_t hash;
        Counted counted;
    };
    std::vector<Entry> entries;
    entries.reserve(other.distinct());
    other.m_counts.forEach([&entries](std::string_view value, std::uint64_t hash, const Counted &c) {
        entries.push_back({value, hash, c});
    });
    for (std::size_t i = 0; i < std::min(entries.size(), kPrefetchAhead); ++i)
        prefetch(entries[i].hash);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i + kPrefetchAhead < entries.size()) prefetch(entries[i + kPrefetchAhead].hash);
        const Entry &e = entries[i];
        if (Counted *mine = find(e.value, e.hash))
            mine->count += e.counted.count;
        else
            admit(e.value, e.hash, e.counted.length, e.counted.count);
    }
    m_approximate = m_approximate || other.m_approximate;
}

std::vector<std::pair<std::string, std::int64_t>> TopValues::top(std::size_t n) const
{
    // Sort views, not copies: the table may hold a million strings.
    using Entry = std::pair<std::string_view, std::int64_t>;
    std::vector<Entry> all;
    all.reserve(m_counts.size());
    m_counts.forEach([&all](std::string_view value, std::uint64_t, const Counted &c) {
        all.emplace_back(value, c.count);
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
