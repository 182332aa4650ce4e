#include "data/typeinference.h"

#include "core/valueparse.h"

namespace sf {

void TypeInference::add(int column, std::string_view text, bool isNull)
{
    std::uint8_t &bits = m_bits[std::size_t(column)];
    if (isNull) {
        bits |= kNull;
        return;
    }
    if (bits & kString) return; // nothing narrower can follow
    std::int64_t i;
    double d;
    bool b;
    if (parseInt64(text, &i)) bits |= kInt;
    else if (parseDouble(text, &d)) bits |= kDouble;
    else if (parseBool(text, &b)) bits |= kBool;
    else if (parseDateTime(text, &i)) bits |= kDateTime;
    else bits |= kString;
}

ColumnType TypeInference::type(int column) const
{
    const std::uint8_t bits = m_bits[std::size_t(column)] & ~kNull;
    const std::uint8_t numeric = kInt | kDouble;
    if (bits == 0 || (bits & kString)) return ColumnType::String;
    if (bits == kBool) return ColumnType::Bool;
    if (bits == kDateTime) return ColumnType::DateTime;
    if ((bits & ~numeric) != 0) return ColumnType::String; // mixed kinds: only text holds all
    return (bits & kDouble) ? ColumnType::Double : ColumnType::Int64;
}

} // namespace sf
