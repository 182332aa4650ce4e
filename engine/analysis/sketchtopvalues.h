#pragma once
// Exact value counts of a string column for its most frequent values. Past the cap (kMaxDistinct
// distinct values) new values are no longer admitted, known ones keep counting, and the result
// is marked approximate; below the cap the counts are exact whatever the chunking.
#include "core/bytekeytable.h"
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sf {

class TopValues {
public:
    static constexpr std::size_t kMaxDistinct = 1000000;

    struct Counted {
        std::int64_t count = 0;
    };

    explicit TopValues(std::size_t maxDistinct = kMaxDistinct)
        : m_maxDistinct(maxDistinct)
    {}

    // The counts of a known value (hash = hashBytes(value)), or null when it is not known.
    Counted *find(std::string_view value, std::uint64_t hash) { return m_counts.find(value, hash); }
    void prefetch(std::uint64_t hash) const { m_counts.prefetch(hash); }
    // How many values ahead of its lookup a loop requests a slot: enough to overlap the
    // waits of a table past the caches, few enough that the core keeps them all in flight.
    static constexpr std::size_t kPrefetchAhead = 12;
    // Adds a value find() did not know, with `count` occurrences; false (and the result
    // becomes approximate) when the cap keeps it out.
    bool admit(std::string_view value, std::uint64_t hash, std::int64_t count = 1)
    {
        if (m_counts.size() >= m_maxDistinct) {
            m_approximate = true;
            return false;
        }
        m_counts.insert(value, hash, Counted{count});
        return true;
    }
    // Room for `n` values (ByteKeyTable::reserve; up to the cap).
    void reserve(std::size_t n) { m_counts.reserve(std::min(n, m_maxDistinct)); }
    // find() or admit() in one call.
    void add(std::string_view value, std::int64_t count = 1);

    // Adds `other`'s counts; rejected(value, hash, count) for each value the cap keeps out.
    template <class Rejected> void merge(const TopValues &other, Rejected &&rejected);
    void merge(const TopValues &other)
    {
        merge(other, [](std::string_view, std::uint64_t, std::int64_t) {});
    }
    // fn(std::string_view value, std::uint64_t hash, std::int64_t count) for every value kept.
    template <class Fn> void forEach(Fn &&fn) const
    {
        m_counts.forEach([&fn](std::string_view value, std::uint64_t hash, const Counted &c) {
            fn(value, hash, c.count);
        });
    }
    bool isApproximate() const { return m_approximate; }
    std::size_t distinct() const { return m_counts.size(); }
    // The `n` most frequent values: count descending, then value ascending (bytewise).
    std::vector<std::pair<std::string, std::int64_t>> top(std::size_t n) const;

private:
    ByteKeyTable<Counted> m_counts;
    std::size_t m_maxDistinct;
    bool m_approximate = false;
};

template <class Rejected> void TopValues::merge(const TopValues &other, Rejected &&rejected)
{
    // Entries carry their hash: merging never hashes a string again. They are listed first (in
    // the other table's slot order, as always), so each lookup can request the slot of the
    // entry kPrefetchAhead places on: a large table is merged without waiting on memory per entry.
    struct Entry {
        std::string_view value;
        std::uint64_t hash;
        std::int64_t count;
    };
    std::vector<Entry> entries;
    entries.reserve(other.distinct());
    other.forEach([&entries](std::string_view value, std::uint64_t hash, std::int64_t count) {
        entries.push_back({value, hash, count});
    });
    // A merge that may reach the cap offers its entries by (hash, value), so which values it
    // admits depends on the values alone, not on the other table's slot order (which depends on
    // its size, and a chunk's table may start at any size: reserve()).
    if (distinct() < m_maxDistinct && distinct() + entries.size() > m_maxDistinct)
        std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
            return a.hash != b.hash ? a.hash < b.hash : a.value < b.value;
        });
    for (std::size_t i = 0; i < std::min(entries.size(), kPrefetchAhead); ++i)
        prefetch(entries[i].hash);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i + kPrefetchAhead < entries.size()) prefetch(entries[i + kPrefetchAhead].hash);
        const Entry &e = entries[i];
        if (Counted *mine = find(e.value, e.hash))
            mine->count += e.count;
        else if (!admit(e.value, e.hash, e.count))
            rejected(e.value, e.hash, e.count);
    }
    m_approximate = m_approximate || other.m_approximate;
}

} // namespace sf
