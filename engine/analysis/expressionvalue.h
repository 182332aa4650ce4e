#pragma once
// A typed view of one field (or of an expression's intermediate result): the one place where
// field text becomes a number, bool or date-time for the filter evaluator and groupby keys.
#include "core/columntype.h"
#include <cstdint>
#include <string_view>

namespace sf {

struct Value {
    enum class Kind : std::uint8_t {
        Null,
        Bool,
        Int,
        Double,
        DateTime,
        String
    };
    Kind kind = Kind::Null;
    bool b = false;
    std::int64_t i = 0; // Int, and DateTime as ms since the epoch
    double d = 0;
    std::string_view s; // String, and the original text of DateTime

    bool isNull() const { return kind == Kind::Null; }
    bool isNumber() const { return kind == Kind::Int || kind == Kind::Double; }
    double number() const { return kind == Kind::Int ? double(i) : d; }

    static Value null() { return {}; }
    static Value fromBool(bool v)
    {
        Value r;
        r.kind = Kind::Bool;
        r.b = v;
        return r;
    }
    static Value fromInt(std::int64_t v)
    {
        Value r;
        r.kind = Kind::Int;
        r.i = v;
        return r;
    }
    static Value fromDouble(double v)
    {
        Value r;
        r.kind = Kind::Double;
        r.d = v;
        return r;
    }
    static Value fromString(std::string_view v)
    {
        Value r;
        r.kind = Kind::String;
        r.s = v;
        return r;
    }

    // Parses `text` as the column type says. A null field gives Null; text that does not parse
    // as the column's type (possible when types were inferred from a sample) gives String, so
    // callers choose whether that is missing (filter) or a group of its own (groupby). An
    // int64 column holding "2.5" gives Double.
    static Value fromField(std::string_view text, bool isNull, ColumnType type);
};

// Orders values of one column: null first, then bools, numbers (ints and doubles compared by
// value), date-times, strings (bytewise). Returns <0, 0, >0.
int compareValues(const Value &a, const Value &b);

} // namespace sf
