#pragma once
// A flat hash table keyed by byte strings whose hash the caller already has (hashBytes), for
// the hot loops that count values. Entries live in the open-addressing array itself, keys of up
// to 16 bytes inside their entry, longer ones in one arena: a lookup of a short key touches one
// cache line (two when a slot straddles them), which is what matters once the table outgrows the
// caches. Iteration follows the slot order, which depends only on the keys and their insertion
// order (deterministic).
#include "core/prefault.h"
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sf {

template <class Value> class ByteKeyTable {
public:
    static constexpr std::size_t kInlineKey = 16;
    static constexpr std::size_t kFirstSlots = 64;

    ByteKeyTable() = default;
    ByteKeyTable(const ByteKeyTable &) = default;
    ByteKeyTable &operator=(const ByteKeyTable &) = default;
    // A moved-from table is empty (size 0, no slots), ready for new keys.
    ByteKeyTable(ByteKeyTable &&other) noexcept
        : m_slots(std::move(other.m_slots))
        , m_mask(std::exchange(other.m_mask, 0))
        , m_size(std::exchange(other.m_size, 0))
        , m_arena(std::move(other.m_arena))
    {
        other.m_slots.clear();
        other.m_arena.clear();
    }
    ByteKeyTable &operator=(ByteKeyTable &&other) noexcept
    {
        if (this != &other) {
            m_slots = std::move(other.m_slots);
            m_mask = std::exchange(other.m_mask, 0);
            m_size = std::exchange(other.m_size, 0);
            m_arena = std::move(other.m_arena);
            other.m_slots.clear();
            other.m_arena.clear();
        }
        return *this;
    }

    Value *find(std::string_view key, std::uint64_t hash)
    {
        if (m_slots.empty()) return nullptr;
        for (std::size_t i = std::size_t(hash) & m_mask;; i = (i + 1) & m_mask) {
            Slot &s = m_slots[i];
            if (!s.used) return nullptr;
            // An empty key may be a default string_view (null data): memcmp/memcpy must not
            // see it, even with size 0.
            if (s.hash == hash && s.size == key.size() && sameBytes(keyData(s), key))
                return &s.value;
        }
    }
    const Value *find(std::string_view key, std::uint64_t hash) const
    {
        return const_cast<ByteKeyTable *>(this)->find(key, hash);
    }

    // A hint that find()/insert() of `hash` follows soon: fetches its first slot's cache lines,
    // both of them when it straddles two (the key, compared on a hit, is at the slot's end).
    void prefetch(std::uint64_t hash) const
    {
        if (m_slots.empty()) return;
        const auto *slot = reinterpret_cast<const char *>(&m_slots[std::size_t(hash) & m_mask]);
        __builtin_prefetch(slot);
        __builtin_prefetch(slot + sizeof(Slot) - 1);
    }

    // Adds `key`, which must not be present yet.
    Value &insert(std::string_view key, std::uint64_t hash, Value value)
    {
        if (!fits(m_size + 1, m_slots.size())) grow();
        std::size_t i = std::size_t(hash) & m_mask;
        while (m_slots[i].used)
            i = (i + 1) & m_mask;
        Slot &s = m_slots[i];
        s.hash = hash;
        s.size = std::uint32_t(key.size());
        s.used = 1;
        if (key.size() <= kInlineKey) {
            if (!key.empty()) std::memcpy(s.key.bytes, key.data(), key.size());
        } else {
            s.key.offset = m_arena.size();
            m_arena.append(key.data(), key.size());
        }
        s.value = std::move(value);
        ++m_size;
        return s.value;
    }

    // Room for `n` keys without growing (when the table is still empty: a chunk's table sized
    // from what earlier chunks needed skips its growth steps).
    void reserve(std::size_t n)
    {
        std::size_t capacity = kFirstSlots;
        while (!fits(n, capacity))
            capacity *= 2;
        if (m_size != 0 || capacity <= std::max(kFirstSlots, m_slots.size())) return;
        m_slots.assign(capacity, Slot{});
        m_mask = m_slots.size() - 1;
    }

    // Empties the table, keeping its slots (their memory stays mapped for the next keys).
    void clear()
    {
        std::fill(m_slots.begin(), m_slots.end(), Slot{});
        m_size = 0;
        m_arena.clear();
    }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    // fn(std::string_view key, std::uint64_t hash, Value &value) for every entry.
    template <class Fn> void forEach(Fn &&fn)
    {
        for (Slot &s : m_slots)
            if (s.used) fn(std::string_view(keyData(s), s.size), s.hash, s.value);
    }
    template <class Fn> void forEach(Fn &&fn) const
    {
        for (const Slot &s : m_slots)
            if (s.used) fn(std::string_view(keyData(s), s.size), s.hash, s.value);
    }

private:
    // The load limit, 0.7: `keys` entries fit in `capacity` slots without growing.
    static bool fits(std::size_t keys, std::size_t capacity) { return keys * 10 <= capacity * 7; }

    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t size = 0;
        std::uint32_t used = 0;
        union {
            char bytes[kInlineKey];
            std::uint64_t offset; // into m_arena, for keys longer than kInlineKey
        } key{};
        Value value{};
    };

    // a[0, key.size()) == key, without a call to memcmp: keys of 8 bytes or more are compared
    // a word at a time, the last word overlapping the one before; shorter ones with two
    // overlapping 4-byte loads, or byte by byte.
    static bool sameBytes(const char *a, std::string_view key)
    {
        const std::size_t n = key.size();
        const char *b = key.data();
        auto word = [](const char *p) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            return w;
        };
        if (n >= 8) {
            std::uint64_t diff = word(a + n - 8) ^ word(b + n - 8);
            for (std::size_t i = 0; i + 8 < n; i += 8)
                diff |= word(a + i) ^ word(b + i);
            return diff == 0;
        }
        if (n >= 4) {
            std::uint32_t a0, a1, b0, b1;
            std::memcpy(&a0, a, 4);
            std::memcpy(&b0, b, 4);
            std::memcpy(&a1, a + n - 4, 4);
            std::memcpy(&b1, b + n - 4, 4);
            return ((a0 ^ b0) | (a1 ^ b1)) == 0;
        }
        // An empty key may be a default string_view (null data): never read it.
        for (std::size_t i = 0; i < n; ++i)
            if (a[i] != b[i]) return false;
        return true;
    }

    const char *keyData(const Slot &s) const
    {
        return s.size <= kInlineKey ? s.key.bytes : m_arena.data() + s.key.offset;
    }

    void grow()
    {
        Slots old;
        old.swap(m_slots);
        // 64 slots first: a column of a dozen values (cities, states) fills them a fifth, so
        // its lookups almost never probe a second slot (a mispredicted loop exit each).
        m_slots.resize(old.empty() ? kFirstSlots : old.size() * 2);
        m_mask = m_slots.size() - 1;
        for (Slot &s : old) {
            if (!s.used) continue;
            std::size_t i = std::size_t(s.hash) & m_mask;
            while (m_slots[i].used)
                i = (i + 1) & m_mask;
            m_slots[i] = std::move(s);
        }
    }

    using Slots = std::vector<Slot, LargeAllocator<Slot>>; // a large table: huge pages
    Slots m_slots;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
    std::string m_arena;
};

} // namespace sf
