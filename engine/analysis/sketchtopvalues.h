#pragma once
// Exact value counts of a string column for its most frequent values. Past the cap (kMaxDistinct
// distinct values) new values are no longer admitted, known ones keep counting, and the result
// is marked approximate; below the cap the counts are exact whatever the chunking.
#include "analysis/groupbyhash.h"
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sf {

class TopValues {
public:
    static constexpr std::size_t kMaxDistinct = 1000000;

    explicit TopValues(std::size_t maxDistinct = kMaxDistinct) : m_maxDistinct(maxDistinct) {}

    void add(std::string_view value, std::int64_t count = 1)
    {
        const auto it = m_counts.find(value);
        if (it != m_counts.end()) {
            it->second += count;
        } else if (m_counts.size() < m_maxDistinct) {
            m_counts.emplace(std::string(value), count);
        } else {
            m_approximate = true;
        }
    }
    void merge(const TopValues &other);
    bool isApproximate() const { return m_approximate; }
    std::size_t distinct() const { return m_counts.size(); }
    // The `n` most frequent values: count descending, then value ascending (bytewise).
    std::vector<std::pair<std::string, std::int64_t>> top(std::size_t n) const;

private:
    ByteStringMap<std::int64_t> m_counts;
    std::size_t m_maxDistinct;
    bool m_approximate = false;
};

} // namespace sf
