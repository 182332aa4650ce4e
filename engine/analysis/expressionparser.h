#pragma once
// Lexes, parses (precedence climbing) and type-checks a filter expression against a schema
// into an ExprNode tree. Errors name the position and show the expression with a caret.
//
// Grammar, lowest precedence first:
//   or / ||  ·  and / &&  ·  not / !  ·  = == != <> < <= > >= contains, is [not] null
//   ·  + -  ·  * / %  ·  unary -  ·  number, 'string', true, false, column, ( … )
// Columns: bare names (letters, digits, _ and .), "double quoted" or `backticked`.
#include "analysis/expressionvalue.h"
#include "data/schema.h"
#include <QString>
#include <memory>
#include <string>

namespace sf {

// The static type of an expression.
enum class ExprType : std::uint8_t {
    Number,
    Bool,
    String,
    DateTime
};
QString exprTypeName(ExprType t); // "number", "bool", "string", "date-time"

struct ExprNode {
    enum class Op : std::uint8_t {
        Literal,
        Column,
        Neg,
        Not,
        IsNull,
        IsNotNull,
        And,
        Or,
        Add,
        Sub,
        Mul,
        Div,
        Mod,
        Eq,
        Ne,
        Lt,
        Le,
        Gt,
        Ge,
        Contains,
    };
    Op op = Op::Literal;
    ExprType type = ExprType::Bool;
    int position = 1; // 1-based character position in the expression
    Value literal;    // Literal (strings view into `text`)
    std::string text; // storage of a string literal
    int column = -1;  // Column: index in the schema
    ColumnType columnType = ColumnType::String;
    std::unique_ptr<ExprNode> left, right;
};

class ExpressionParser {
public:
    // Null with `error` set on a syntax or type error. The tree of a valid condition has type Bool.
    static std::unique_ptr<ExprNode> parse(const QString &expression, const Schema &schema,
                                           QString *error);
};

} // namespace sf
