#include "analysis/expression.h"
#include <cmath>

namespace sf {

namespace {

using Op = ExprNode::Op;
using Kind = Value::Kind;

bool truthy(const Value &v)
{
    return v.kind == Kind::Bool && v.b;
}

Value evalNode(const ExprNode &n, const Record &r);

Value arithmetic(Op op, const Value &a, const Value &b)
{
    if (!a.isNumber() || !b.isNumber()) return Value::null();
    if (a.kind == Kind::Int && b.kind == Kind::Int && op != Op::Div) {
        std::int64_t out = 0;
        switch (op) {
        case Op::Add:
            if (!__builtin_add_overflow(a.i, b.i, &out)) return Value::fromInt(out);
            break;
        case Op::Sub:
            if (!__builtin_sub_overflow(a.i, b.i, &out)) return Value::fromInt(out);
            break;
        case Op::Mul:
            if (!__builtin_mul_overflow(a.i, b.i, &out)) return Value::fromInt(out);
            break;
        case Op::Mod: {
            if (b.i == 0) return Value::null();
            if (b.i == -1) return Value::fromInt(0); // INT64_MIN % -1 would trap
            std::int64_t m = a.i % b.i;
            if (m != 0 && ((m < 0) != (b.i < 0))) m += b.i;
            return Value::fromInt(m);
        }
        default: break;
        }
        // Overflow: fall through to doubles, as pandas would after an upcast.
    }
    const double x = a.number();
    const double y = b.number();
    switch (op) {
    case Op::Add: return Value::fromDouble(x + y);
    case Op::Sub: return Value::fromDouble(x - y);
    case Op::Mul: return Value::fromDouble(x * y);
    case Op::Div: return Value::fromDouble(x / y);
    case Op::Mod: {
        if (y == 0) return Value::null();
        double m = std::fmod(x, y);
        if (m != 0 && ((m < 0) != (y < 0))) m += y;
        return Value::fromDouble(m);
    }
    default: return Value::null();
    }
}

bool compare(Op op, const Value &a, const Value &b)
{
    if (a.isNull() || b.isNull()) return false;
    if (a.isNumber() && b.isNumber() && (a.kind == Kind::Double || b.kind == Kind::Double)) {
        // IEEE semantics, so a NaN compares false except with !=.
        const double x = a.number();
        const double y = b.number();
        switch (op) {
        case Op::Eq: return x == y;
        case Op::Ne: return x != y;
        case Op::Lt: return x < y;
        case Op::Le: return x <= y;
        case Op::Gt: return x > y;
        case Op::Ge: return x >= y;
        default: return false;
        }
    }
    if (a.kind != b.kind && !(a.isNumber() && b.isNumber())) return false;
    const int c = compareValues(a, b);
    switch (op) {
    case Op::Eq: return c == 0;
    case Op::Ne: return c != 0;
    case Op::Lt: return c < 0;
    case Op::Le: return c <= 0;
    case Op::Gt: return c > 0;
    case Op::Ge: return c >= 0;
    default: return false;
    }
}

Value columnValue(const ExprNode &n, const Record &r)
{
    const auto i = std::size_t(n.column);
    if (i >= r.fields.size()) return Value::null();
    Value v = Value::fromField(r.fields[i], r.isNull(i), n.columnType);
    // Text that does not parse as the column's type counts as missing.
    if (v.kind == Kind::String && n.columnType != ColumnType::String) return Value::null();
    return v;
}

Value evalNode(const ExprNode &n, const Record &r)
{
    switch (n.op) {
    case Op::Literal: return n.literal;
    case Op::Column: return columnValue(n, r);
    case Op::Neg: {
        const Value v = evalNode(*n.left, r);
        if (v.kind == Kind::Int && v.i != INT64_MIN) return Value::fromInt(-v.i);
        if (v.isNumber()) return Value::fromDouble(-v.number());
        return Value::null();
    }
    case Op::Not: return Value::fromBool(!truthy(evalNode(*n.left, r)));
    case Op::IsNull: return Value::fromBool(evalNode(*n.left, r).isNull());
    case Op::IsNotNull: return Value::fromBool(!evalNode(*n.left, r).isNull());
    case Op::And:
        return Value::fromBool(truthy(evalNode(*n.left, r)) && truthy(evalNode(*n.right, r)));
    case Op::Or:
        return Value::fromBool(truthy(evalNode(*n.left, r)) || truthy(evalNode(*n.right, r)));
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Mod: return arithmetic(n.op, evalNode(*n.left, r), evalNode(*n.right, r));
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge: return Value::fromBool(compare(n.op, evalNode(*n.left, r), evalNode(*n.right, r)));
    case Op::Contains: {
        const Value hay = evalNode(*n.left, r);
        const Value needle = evalNode(*n.right, r);
        if (hay.kind != Kind::String || needle.kind != Kind::String) return Value::fromBool(false);
        return Value::fromBool(hay.s.find(needle.s) != std::string_view::npos);
    }
    }
    return Value::null();
}

} // namespace

bool Expression::compile(const QString &text, const Schema &schema, QString *error)
{
    std::unique_ptr<ExprNode> root = ExpressionParser::parse(text, schema, error);
    if (!root) {
        m_root.reset();
        return false;
    }
    if (root->type != ExprType::Bool) {
        if (error)
            *error =
                QStringLiteral("the expression must be a condition (true or false), not a %1\n%2")
                    .arg(exprTypeName(root->type), text);
        m_root.reset();
        return false;
    }
    m_root = std::move(root);
    return true;
}

bool Expression::matches(const Record &record) const
{
    return m_root && truthy(evalNode(*m_root, record));
}

Value Expression::evaluate(const Record &record) const
{
    return m_root ? evalNode(*m_root, record) : Value::null();
}

} // namespace sf
