#include "analysis/expressionvalue.h"
#include "core/valueparse.h"
#include <cmath>

namespace sf {

Value Value::fromField(std::string_view text, bool isNull, ColumnType type)
{
    if (isNull) return {};
    Value v;
    switch (type) {
    case ColumnType::Int64:
        if (parseInt64(text, &v.i)) {
            v.kind = Kind::Int;
            return v;
        }
        if (parseDouble(text, &v.d)) {
            v.kind = Kind::Double;
            return v;
        }
        break;
    case ColumnType::Double:
        if (parseDouble(text, &v.d)) {
            v.kind = Kind::Double;
            return v;
        }
        break;
    case ColumnType::Bool:
        if (parseBool(text, &v.b)) {
            v.kind = Kind::Bool;
            return v;
        }
        break;
    case ColumnType::DateTime:
        if (parseDateTime(text, &v.i)) {
            v.kind = Kind::DateTime;
            v.s = text;
            return v;
        }
        break;
    case ColumnType::String: break;
    }
    return fromString(text);
}

namespace {

int rank(Value::Kind k)
{
    switch (k) {
    case Value::Kind::Null: return 0;
    case Value::Kind::Bool: return 1;
    case Value::Kind::Int:
    case Value::Kind::Double: return 2;
    case Value::Kind::DateTime: return 3;
    case Value::Kind::String: return 4;
    }
    return 5;
}

template <class T> int threeWay(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareNumbers(const Value &a, const Value &b)
{
    if (a.kind == Value::Kind::Int && b.kind == Value::Kind::Int) return threeWay(a.i, b.i);
    const double x = a.number();
    const double y = b.number();
    // NaN sorts after every number so the order stays total.
    if (std::isnan(x) || std::isnan(y)) return threeWay(std::isnan(x), std::isnan(y));
    if (x != y) return x < y ? -1 : 1;
    // Equal as doubles: an int beyond 2^53 may still differ from the double it rounds to.
    if (a.kind == Value::Kind::Int && b.kind == Value::Kind::Double && std::fabs(y) < 9.2e18)
        return threeWay(a.i, std::int64_t(y));
    if (a.kind == Value::Kind::Double && b.kind == Value::Kind::Int && std::fabs(x) < 9.2e18)
        return threeWay(std::int64_t(x), b.i);
    return 0;
}

} // namespace

int compareValues(const Value &a, const Value &b)
{
    const int ra = rank(a.kind);
    const int rb = rank(b.kind);
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (a.kind) {
    case Value::Kind::Null: return 0;
    case Value::Kind::Bool: return threeWay(a.b, b.b);
    case Value::Kind::Int:
    case Value::Kind::Double: return compareNumbers(a, b);
    case Value::Kind::DateTime: return threeWay(a.i, b.i);
    case Value::Kind::String: {
        const int c = a.s.compare(b.s);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    }
    return 0;
}

} // namespace sf
