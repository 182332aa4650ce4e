#pragma once
// A few emptied containers kept for the next chunk. An analysis whose chunks build tables of
// many megabytes (a group-by or word count over millions of keys) would otherwise free each
// one after its merge and fault the next one in page by page: blocks that large come fresh
// from mmap, and a fresh 4 KiB page costs 10-14 µs on a PVM guest. Thread-safe.
#include <cstddef>
#include <mutex>
#include <optional>
#include <vector>

namespace sf {

template <class T> class SparePool {
public:
    explicit SparePool(std::size_t capacity = 4)
        : m_capacity(capacity)
    {}

    // A spare (emptied by the caller before give()), if there is one.
    std::optional<T> take()
    {
        std::lock_guard lock(m_mutex);
        if (m_spares.empty()) return std::nullopt;
        std::optional<T> spare(std::move(m_spares.back()));
        m_spares.pop_back();
        return spare;
    }
    // Keeps `spare` (which must be empty) unless the pool is full.
    void give(T &&spare)
    {
        std::lock_guard lock(m_mutex);
        if (m_spares.size() < m_capacity) m_spares.push_back(std::move(spare));
    }

    // Drops every spare (they were made for settings that changed).
    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_spares.clear();
    }

private:
    std::mutex m_mutex;
    std::size_t m_capacity;
    std::vector<T> m_spares;
};

} // namespace sf
