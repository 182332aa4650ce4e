#pragma once
// Infers each column's type from sample values: the narrowest of int64 < double <
// bool/datetime < string that every non-null value parses as. Usable by any reader.
#include "core/columntype.h"
#include <cstdint>
#include <string_view>
#include <vector>

namespace sf {

class TypeInference {
public:
    explicit TypeInference(int columns) : m_bits(std::size_t(columns), 0) {}
    void add(int column, std::string_view text, bool isNull);
    ColumnType type(int column) const;
    bool nullable(int column) const { return m_bits[std::size_t(column)] & kNull; }

private:
    enum : std::uint8_t { kInt = 1, kDouble = 2, kBool = 4, kDateTime = 8, kString = 16, kNull = 32 };
    std::vector<std::uint8_t> m_bits;
};

} // namespace sf
