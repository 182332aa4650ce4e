#pragma once
// The groups of one group-by partial, in arrays by group number: each group's key (its values
// encoded into bytes, with the text of date-time values as first seen), row count and
// aggregate states; an open-addressing ByteKeyTable finds a group by its encoded key. Nothing
// is allocated per group (but a std aggregate's ExactMoments from its group's third value, and
// a sum's ExactSum for values outside WindowSum's range), so a chunk of 50,000 rows and 40,000
// keys costs a few array appends per new key.
#include "analysis/expressionvalue.h"
#include "analysis/groupbyaggregate.h"
#include "core/bytekeytable.h"
#include "core/prefault.h"
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sf {

class GroupTable {
public:
    // A table whose groups each have one state per function of `fns` (the aggregates but
    // count, which is the group's row count).
    explicit GroupTable(std::vector<GroupAggregate::Fn> fns = {})
        : m_fns(std::move(fns))
    {}

    // Appends v's encoding to `key`: groups are equal when their encoded keys are. Doubles
    // that are whole numbers must have been made ints first (canonicalKey).
    static void encode(std::string &key, const Value &v);
    // v, with a whole-number double as an int, so "3" and "3.0" in an int64 column are one key.
    static Value canonicalKey(const Value &v);

    // The number of the group whose encode()d key is `key` (its hashBytes() `hash`), added
    // (count 0, empty aggregates) if new; `values` are the key's values, whose date-time texts
    // the new group keeps.
    std::uint32_t findOrAdd(std::string_view key, std::uint64_t hash,
                            std::span<const Value> values);
    // A hint that findOrAdd() of `hash` follows soon.
    void prefetch(std::uint64_t hash) const { m_index.prefetch(hash); }

    std::size_t size() const { return m_hashes.size(); }
    std::int64_t &count(std::uint32_t g) { return m_counts[g]; }
    std::int64_t count(std::uint32_t g) const { return m_counts[g]; }
    std::span<GroupAggregate> aggregates(std::uint32_t g)
    {
        return {m_states.data() + std::size_t(g) * m_fns.size(), m_fns.size()};
    }
    std::span<const GroupAggregate> aggregates(std::uint32_t g) const
    {
        return {m_states.data() + std::size_t(g) * m_fns.size(), m_fns.size()};
    }
    // Appends group g's key values, viewing this table's bytes, to `out`.
    void keyValues(std::uint32_t g, std::vector<Value> &out) const;

    // Folds `later` (a later chunk's groups) into this table: its groups' counts added and
    // aggregates merged, new keys appended in their order. Leaves `later` empty (clear()).
    void merge(GroupTable &later);

    // Empties the table, keeping its arrays' memory for the next chunk's groups.
    void clear();
    // Room for `groups` groups without growing.
    void reserve(std::size_t groups);

private:
    std::uint32_t add(std::string_view key, std::uint64_t hash, std::string_view texts);
    std::string_view keyOf(std::uint32_t g) const;
    std::string_view textsOf(std::uint32_t g) const;

    std::vector<GroupAggregate::Fn> m_fns; // each group's states' functions
    ByteKeyTable<std::uint32_t> m_index;
    // Group g's bytes: its key from the end of group g − 1's to m_keyEnds[g], then its
    // date-time texts (each a 4-byte length and the text) to m_ends[g].
    // In huge pages once large (core/prefault.h): a million groups fill hundreds of MB.
    template <class T> using Array = std::vector<T, LargeAllocator<T>>;
    std::basic_string<char, std::char_traits<char>, LargeAllocator<char>> m_bytes;
    Array<std::uint64_t> m_keyEnds;
    Array<std::uint64_t> m_ends;
    Array<std::uint64_t> m_hashes;
    Array<std::int64_t> m_counts;
    Array<GroupAggregate> m_states; // m_fns.size() per group
};

} // namespace sf
