#include "data/jsontypecheck.h"
#include "core/valueparse.h"

namespace sf {

bool jsonValueFits(ColumnType type, std::string_view text)
{
    std::int64_t i;
    double d;
    bool b;
    switch (type) {
    case ColumnType::Int64: return parseInt64(text, &i);
    case ColumnType::Double: return parseDouble(text, &d);
    case ColumnType::Bool: return parseBool(text, &b);
    case ColumnType::DateTime: return parseDateTime(text, &i);
    case ColumnType::String: break;
    }
    return true;
}

} // namespace sf
