#pragma once
// Exact value counts of a string column for its most frequent values. Past the cap (kMaxDistinct
// distinct values) new values are no longer admitted, known ones keep counting, and the result
// is marked approximate; below the cap the counts are exact whatever the chunking. Each entry
// also keeps a length the caller measured when the value was first seen, so a column's hot
// loop does per-value work only once per distinct value.
#include "core/bytekeytable.h"
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
        std::int64_t length = 0; // what the caller stored with admit()
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
    bool admit(std::string_view value, std::uint64_t hash, std::int64_t length,
               std::int64_t count = 1)
    {
        if (m_counts.size() >= m_maxDistinct) {
            m_approximate = true;
            return false;
        }
        m_counts.insert(value, hash, Counted{count, length});
        return true;
    }
    // find() or admit() in one call, for callers without a length to keep.
    void add(std::string_view value, std::int64_t count = 1);

    void merge(const TopValues &other);
    bool isApproximate() const { return m_approximate; }
    std::size_t distinct() const { return m_counts.size(); }
    // The `n` most frequent values: count descending, then value ascending (bytewise).
    std::vector<std::pair<std::string, std::int64_t>> top(std::size_t n) const;

private:
    ByteKeyTable<Counted> m_counts;
    std::size_t m_maxDistinct;
    bool m_approximate = false;
};

} // namespace sf
