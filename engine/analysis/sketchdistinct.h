#pragma once
// Distinct-value count from 64-bit hashes: an exact hash set up to 2048 values, then a
// HyperLogLog (p = 14, 16384 registers, ~0.8% standard error) with Ertl's improved estimator.
// The state after any sequence of add()/merge() depends only on the set of hashes added, so
// the count is the same for any chunking, worker count and merge order.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace sf {

class DistinctSketch {
public:
    static constexpr int kPrecision = 14;
    static constexpr std::size_t kRegisters = std::size_t(1) << kPrecision;
    static constexpr std::size_t kExactLimit = 2048;

    static constexpr int kRankBits = 64 - kPrecision; // hash bits left for the rank
    // Inline: it runs once per value in the profile's hot loop.
    void add(std::uint64_t hash)
    {
        if (!m_registers.empty()) {
            addToRegisters(hash);
            return;
        }
        // A hash already in the exact set (most values of a low-cardinality column) is found
        // here without a call.
        if (!m_table.empty()) {
            const std::uint64_t key = hash == 0 ? 1 : hash;
            const std::size_t mask = m_table.size() - 1;
            for (std::size_t i = std::size_t(key) & mask; m_table[i] != 0; i = (i + 1) & mask)
                if (m_table[i] == key) return;
        }
        addExact(hash);
    }
    void merge(const DistinctSketch &other);
    bool isExact() const { return m_registers.empty(); }
    // Starts an empty sketch with its registers, skipping the exact set. For a sketch that will
    // be merged with one already past kExactLimit: the merged state is then the same registers
    // either way (one chunk of a column past the limit makes the column's result a sketch).
    void skipExact()
    {
        if (m_size == 0 && m_registers.empty()) m_registers.assign(kRegisters, 0);
    }
    // Exact count while isExact(), else the HyperLogLog estimate rounded to an integer.
    std::int64_t count() const;

private:
    void insertExact(std::uint64_t key);
    void growTable();
    void toRegisters();
    void addExact(std::uint64_t hash);
    void addToRegisters(std::uint64_t hash)
    {
        // Hash 0 was stored as 1 in the exact set; map it the same way here so a sketch that
        // starts with registers agrees with one converted from the set.
        if (hash == 0) hash = 1;
        const std::size_t index = std::size_t(hash >> kRankBits);
        const std::uint64_t rest = hash << kPrecision;
        const auto rank = std::uint8_t(rest == 0 ? kRankBits + 1 : std::countl_zero(rest) + 1);
        // Stored unconditionally: whether a rank raises its register is a coin toss early in a
        // chunk, and a mispredicted branch costs more than the store.
        std::uint8_t &r = m_registers[index];
        r = std::max(r, rank);
    }

    // Open-addressing set of hashes (0 marks a free slot; hash 0 is stored as 1).
    std::vector<std::uint64_t> m_table;
    std::size_t m_size = 0;
    std::vector<std::uint8_t> m_registers; // non-empty once past kExactLimit
};

} // namespace sf
