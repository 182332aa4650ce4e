#pragma once
// parseDateTime through a memo of date-only texts ("YYYY-MM-DD"): a date column repeats a few
// hundred or thousand days over millions of rows, and a hit costs a multiply and two compares
// instead of the parse (about 90 instructions). Direct-mapped, so a miss just parses and
// replaces the entry; texts of other lengths and invalid texts are parsed every time. The
// result is always parseDateTime's.
#include "core/valueparse.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sf {

class DateMemo {
public:
    bool parse(std::string_view s, std::int64_t *msSinceEpoch)
    {
        if (s.size() != 10) return parseDateTime(s, msSinceEpoch);
        std::uint64_t lo;
        std::uint16_t hi;
        std::memcpy(&lo, s.data(), 8);
        std::memcpy(&hi, s.data() + 8, 2);
        const std::uint32_t tag = std::uint32_t(hi) | kFilled;
        const std::uint64_t mixed = lo * 0x9E3779B97F4A7C15ull + std::uint64_t(hi) * 0xC2B2AE3D27D4EB4Full;
        Entry &e = m_entries[std::size_t(mixed >> (64 - kBits))];
        if (e.lo == lo && e.tag == tag) {
            *msSinceEpoch = e.ms;
            return true;
        }
        if (!parseDateTime(s, msSinceEpoch)) return false;
        e = {lo, tag, *msSinceEpoch};
        return true;
    }

private:
    static constexpr int kBits = 10;
    static constexpr std::uint32_t kFilled = 1u << 16; // tells a stored text from an empty entry
    struct Entry {
        std::uint64_t lo = 0;  // the text's first 8 bytes
        std::uint32_t tag = 0; // its last 2 bytes | kFilled
        std::int64_t ms = 0;
    };
    std::array<Entry, std::size_t(1) << kBits> m_entries{};
};

} // namespace sf
