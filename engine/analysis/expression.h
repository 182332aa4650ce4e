#pragma once
// A compiled filter expression evaluated against records: the tree from ExpressionParser walked
// per record, with values viewed in place (no allocation per row). Semantics follow pandas
// where they differ from SQL: a comparison involving a null is false (so `not (x > 1)` keeps
// rows where x is null), arithmetic with a null is null, a null bool is false in and/or/not,
// / is true division, % follows the sign of the divisor, x % 0 is null.
#include "analysis/expressionparser.h"
#include "data/record.h"
#include <QString>
#include <memory>

namespace sf {

class Expression {
public:
    Expression() = default;
    // False with `error` set (position and caret line) when the text does not parse or is
    // not a condition.
    bool compile(const QString &text, const Schema &schema, QString *error);
    bool isValid() const { return m_root != nullptr; }
    // The row passes the condition. Thread-safe (const, no shared scratch).
    bool matches(const Record &record) const;
    // The value of the whole expression for `record` (strings view into the record).
    Value evaluate(const Record &record) const;

private:
    std::shared_ptr<const ExprNode> m_root; // shared: copies of an analysis share one tree
};

} // namespace sf
