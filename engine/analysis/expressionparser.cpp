#include "analysis/expressionparser.h"
#include "analysis/expressionnames.h"
#include "core/valueparse.h"
#include <utility>
#include <vector>

namespace sf {

QString exprTypeName(ExprType t)
{
    switch (t) {
    case ExprType::Number: return QStringLiteral("number");
    case ExprType::Bool: return QStringLiteral("bool");
    case ExprType::String: return QStringLiteral("string");
    case ExprType::DateTime: return QStringLiteral("date-time");
    }
    return QString();
}

namespace {

using Op = ExprNode::Op;
using NodePtr = std::unique_ptr<ExprNode>;

struct Token {
    enum class Kind {
        End,
        Number,
        String,
        Name,
        QuotedName,
        LParen,
        RParen,
        Plus,
        Minus,
        Star,
        Slash,
        Percent,
        Eq,
        Ne,
        Lt,
        Le,
        Gt,
        Ge,
        AndAnd,
        OrOr,
        Bang,
    };
    Kind kind = Kind::End;
    QString text;
    int position = 1; // 1-based
};

// Unwinds the recursive descent on the first error; caught in ExpressionParser::parse.
struct ParseFailure {
    QString message;
    int position;
};

[[noreturn]] void fail(int position, const QString &message)
{
    throw ParseFailure{message, position};
}

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}
bool isNamePart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.');
}

std::vector<Token> lex(const QString &s)
{
    std::vector<Token> out;
    qsizetype i = 0;
    const qsizetype n = s.size();
    auto at = [&](qsizetype k) { return k < n ? s[k] : QChar(); };
    while (i < n) {
        const QChar c = s[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.position = int(i) + 1;
        const qsizetype start = i;
        if (c.isDigit() || (c == QLatin1Char('.') && at(i + 1).isDigit())) {
            while (at(i).isDigit())
                ++i;
            if (at(i) == QLatin1Char('.')) {
                ++i;
                while (at(i).isDigit())
                    ++i;
            }
            if (at(i) == QLatin1Char('e') || at(i) == QLatin1Char('E')) {
                qsizetype k = i + 1;
                if (at(k) == QLatin1Char('+') || at(k) == QLatin1Char('-')) ++k;
                if (at(k).isDigit()) {
                    i = k;
                    while (at(i).isDigit())
                        ++i;
                }
            }
            if (isNameStart(at(i)))
                fail(int(i) + 1, QStringLiteral("unexpected '%1' after a number").arg(at(i)));
            t.kind = Token::Kind::Number;
            t.text = s.mid(start, i - start);
        } else if (isNameStart(c)) {
            while (i < n && isNamePart(s[i]))
                ++i;
            t.kind = Token::Kind::Name;
            t.text = s.mid(start, i - start);
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            // 'string' (with '' or \' for a quote), "column" or `column`.
            ++i;
            for (;;) {
                if (i >= n)
                    fail(t.position, c == QLatin1Char('\'')
                                         ? QStringLiteral("unterminated string")
                                         : QStringLiteral("unterminated column name"));
                if (s[i] == QLatin1Char('\\') && i + 1 < n &&
                    (s[i + 1] == c || s[i + 1] == QLatin1Char('\\'))) {
                    t.text.append(s[i + 1]);
                    i += 2;
                } else if (s[i] == c) {
                    if (at(i + 1) == c) {
                        t.text.append(c);
                        i += 2;
                    } else {
                        ++i;
                        break;
                    }
                } else {
                    t.text.append(s[i++]);
                }
            }
            t.kind = c == QLatin1Char('\'') ? Token::Kind::String : Token::Kind::QuotedName;
        } else {
            const QChar d = at(i + 1);
            auto two = [&](char second) { return d == QLatin1Char(second); };
            using K = Token::Kind;
            int len = 1;
            switch (c.unicode()) {
            case '(': t.kind = K::LParen; break;
            case ')': t.kind = K::RParen; break;
            case '+': t.kind = K::Plus; break;
            case '-': t.kind = K::Minus; break;
            case '*': t.kind = K::Star; break;
            case '/': t.kind = K::Slash; break;
            case '%': t.kind = K::Percent; break;
            case '=':
                t.kind = K::Eq;
                len = two('=') ? 2 : 1;
                break;
            case '!':
                t.kind = two('=') ? K::Ne : K::Bang;
                len = two('=') ? 2 : 1;
                break;
            case '<':
                if (two('=')) {
                    t.kind = K::Le;
                    len = 2;
                } else if (two('>')) {
                    t.kind = K::Ne;
                    len = 2;
                } else
                    t.kind = K::Lt;
                break;
            case '>':
                t.kind = two('=') ? K::Ge : K::Gt;
                len = two('=') ? 2 : 1;
                break;
            case '&':
                if (!two('&')) fail(t.position, QStringLiteral("expected '&&'"));
                t.kind = K::AndAnd;
                len = 2;
                break;
            case '|':
                if (!two('|')) fail(t.position, QStringLiteral("expected '||'"));
                t.kind = K::OrOr;
                len = 2;
                break;
            default: fail(t.position, QStringLiteral("unexpected character '%1'").arg(c));
            }
            i += len;
            t.text = s.mid(start, len);
        }
        out.push_back(std::move(t));
    }
    Token end;
    end.position = int(n) + 1;
    out.push_back(end);
    return out;
}

class Parser {
public:
    Parser(std::vector<Token> tokens, const Schema &schema)
        : m_tokens(std::move(tokens))
        , m_schema(schema)
    {}

    NodePtr parseAll()
    {
        NodePtr root = parseOr();
        if (peek().kind == Token::Kind::RParen)
            fail(peek().position, QStringLiteral("unmatched ')'"));
        if (peek().kind != Token::Kind::End)
            fail(peek().position,
                 QStringLiteral("expected an operator or the end of the expression"));
        return root;
    }

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &take() { return m_tokens[m_pos++]; }
    bool isKeyword(const char *word) const
    {
        return peek().kind == Token::Kind::Name &&
               peek().text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    }
    bool accept(Token::Kind k)
    {
        if (peek().kind != k) return false;
        ++m_pos;
        return true;
    }

    static NodePtr node(Op op, ExprType type, int position, NodePtr l = {}, NodePtr r = {})
    {
        auto n = std::make_unique<ExprNode>();
        n->op = op;
        n->type = type;
        n->position = position;
        n->left = std::move(l);
        n->right = std::move(r);
        return n;
    }

    static void expectType(const ExprNode &n, ExprType want, const QString &what)
    {
        if (n.type != want)
            fail(n.position, QStringLiteral("%1 needs a %2, got a %3")
                                 .arg(what, exprTypeName(want), exprTypeName(n.type)));
    }

    NodePtr parseOr()
    {
        NodePtr left = parseAnd();
        while (isKeyword("or") || peek().kind == Token::Kind::OrOr) {
            const int pos = take().position;
            NodePtr right = parseAnd();
            expectType(*left, ExprType::Bool, QStringLiteral("'or'"));
            expectType(*right, ExprType::Bool, QStringLiteral("'or'"));
            left = node(Op::Or, ExprType::Bool, pos, std::move(left), std::move(right));
        }
        return left;
    }

    NodePtr parseAnd()
    {
        NodePtr left = parseNot();
        while (isKeyword("and") || peek().kind == Token::Kind::AndAnd) {
            const int pos = take().position;
            NodePtr right = parseNot();
            expectType(*left, ExprType::Bool, QStringLiteral("'and'"));
            expectType(*right, ExprType::Bool, QStringLiteral("'and'"));
            left = node(Op::And, ExprType::Bool, pos, std::move(left), std::move(right));
        }
        return left;
    }

    NodePtr parseNot()
    {
        if (isKeyword("not") || peek().kind == Token::Kind::Bang) {
            const int pos = take().position;
            NodePtr operand = parseNot();
            expectType(*operand, ExprType::Bool, QStringLiteral("'not'"));
            return node(Op::Not, ExprType::Bool, pos, std::move(operand));
        }
        return parseComparison();
    }

    static bool comparisonOp(Token::Kind k, Op *op)
    {
        switch (k) {
        case Token::Kind::Eq: *op = Op::Eq; return true;
        case Token::Kind::Ne: *op = Op::Ne; return true;
        case Token::Kind::Lt: *op = Op::Lt; return true;
        case Token::Kind::Le: *op = Op::Le; return true;
        case Token::Kind::Gt: *op = Op::Gt; return true;
        case Token::Kind::Ge: *op = Op::Ge; return true;
        default: return false;
        }
    }

    bool atComparison() const
    {
        Op op;
        return comparisonOp(peek().kind, &op) || isKeyword("contains") || isKeyword("is");
    }

    // A string literal compared with a date-time becomes a date-time literal.
    static void coerceDate(ExprNode &literal)
    {
        std::int64_t ms = 0;
        if (!parseDateTime(literal.literal.s, &ms))
            fail(literal.position, QStringLiteral("'%1' is not a date-time (expected YYYY-MM-DD or "
                                                  "YYYY-MM-DDThh:mm:ss)")
                                       .arg(QString::fromStdString(literal.text)));
        literal.literal.kind = Value::Kind::DateTime;
        literal.literal.i = ms;
        literal.type = ExprType::DateTime;
    }

    NodePtr parseComparison()
    {
        NodePtr left = parseAdditive();
        if (!atComparison()) return left;
        const Token &t = take();
        const int pos = t.position;
        NodePtr result;
        Op op;
        if (comparisonOp(t.kind, &op)) {
            NodePtr right = parseAdditive();
            if (left->type == ExprType::DateTime && right->op == Op::Literal &&
                right->type == ExprType::String)
                coerceDate(*right);
            if (right->type == ExprType::DateTime && left->op == Op::Literal &&
                left->type == ExprType::String)
                coerceDate(*left);
            if (left->type != right->type)
                fail(pos, QStringLiteral("cannot compare %1 with %2")
                              .arg(exprTypeName(left->type), exprTypeName(right->type)));
            result = node(op, ExprType::Bool, pos, std::move(left), std::move(right));
        } else if (t.text.compare(QLatin1String("contains"), Qt::CaseInsensitive) == 0) {
            NodePtr right = parseAdditive();
            expectType(*left, ExprType::String, QStringLiteral("'contains'"));
            expectType(*right, ExprType::String, QStringLiteral("'contains'"));
            result = node(Op::Contains, ExprType::Bool, pos, std::move(left), std::move(right));
        } else { // is [not] null
            const bool negated = isKeyword("not");
            if (negated) take();
            if (!isKeyword("null"))
                fail(peek().position, negated ? QStringLiteral("expected 'null'")
                                              : QStringLiteral("expected 'null' or 'not null'"));
            take();
            result =
                node(negated ? Op::IsNotNull : Op::IsNull, ExprType::Bool, pos, std::move(left));
        }
        if (atComparison())
            fail(peek().position,
                 QStringLiteral("comparisons cannot be chained; join them with 'and'"));
        return result;
    }

    NodePtr parseAdditive()
    {
        NodePtr left = parseMultiplicative();
        while (peek().kind == Token::Kind::Plus || peek().kind == Token::Kind::Minus) {
            const Token &t = take();
            const std::size_t opIndex = m_pos - 1;
            NodePtr right = parseMultiplicative();
            const Op op = t.kind == Token::Kind::Plus ? Op::Add : Op::Sub;
            const QString what = QStringLiteral("'%1'").arg(m_tokens[opIndex].text);
            expectType(*left, ExprType::Number, what);
            expectType(*right, ExprType::Number, what);
            left = node(op, ExprType::Number, m_tokens[opIndex].position, std::move(left),
                        std::move(right));
        }
        return left;
    }

    NodePtr parseMultiplicative()
    {
        NodePtr left = parseUnary();
        for (;;) {
            Op op;
            switch (peek().kind) {
            case Token::Kind::Star: op = Op::Mul; break;
            case Token::Kind::Slash: op = Op::Div; break;
            case Token::Kind::Percent: op = Op::Mod; break;
            default: return left;
            }
            const std::size_t opIndex = m_pos++;
            NodePtr right = parseUnary();
            const QString what = QStringLiteral("'%1'").arg(m_tokens[opIndex].text);
            expectType(*left, ExprType::Number, what);
            expectType(*right, ExprType::Number, what);
            left = node(op, ExprType::Number, m_tokens[opIndex].position, std::move(left),
                        std::move(right));
        }
    }

    NodePtr parseUnary()
    {
        if (peek().kind == Token::Kind::Minus) {
            const int pos = take().position;
            NodePtr operand = parseUnary();
            expectType(*operand, ExprType::Number, QStringLiteral("'-'"));
            // Fold -literal so "-5" is one literal (and -9223372036854775808 stays an int).
            if (operand->op == Op::Literal) {
                Value &v = operand->literal;
                if (v.kind == Value::Kind::Int && v.i != INT64_MIN)
                    v.i = -v.i;
                else if (v.kind == Value::Kind::Int)
                    v = Value::fromDouble(-double(v.i));
                else
                    v.d = -v.d;
                operand->position = pos;
                return operand;
            }
            return node(Op::Neg, ExprType::Number, pos, std::move(operand));
        }
        if (peek().kind == Token::Kind::Plus) {
            take();
            NodePtr operand = parseUnary();
            expectType(*operand, ExprType::Number, QStringLiteral("'+'"));
            return operand;
        }
        return parsePrimary();
    }

    NodePtr column(const Token &t)
    {
        const int index = m_schema.indexOf(t.text);
        if (index < 0)
            fail(t.position,
                 unknownColumnMessage(t.text, m_schema,
                                      QStringLiteral("at position %1").arg(t.position)));
        const ColumnType ct = m_schema.columns[index].type;
        ExprType type = ExprType::String;
        switch (ct) {
        case ColumnType::Int64:
        case ColumnType::Double: type = ExprType::Number; break;
        case ColumnType::Bool: type = ExprType::Bool; break;
        case ColumnType::DateTime: type = ExprType::DateTime; break;
        case ColumnType::String: type = ExprType::String; break;
        }
        NodePtr n = node(Op::Column, type, t.position);
        n->column = index;
        n->columnType = ct;
        return n;
    }

    NodePtr parsePrimary()
    {
        const Token &t = peek();
        switch (t.kind) {
        case Token::Kind::LParen: {
            take();
            NodePtr inner = parseOr();
            if (!accept(Token::Kind::RParen)) fail(peek().position, QStringLiteral("expected ')'"));
            return inner;
        }
        case Token::Kind::Number: {
            take();
            NodePtr n = node(Op::Literal, ExprType::Number, t.position);
            const QByteArray bytes = t.text.toLatin1();
            const std::string_view view(bytes.constData(), std::size_t(bytes.size()));
            std::int64_t i = 0;
            double d = 0;
            if (parseInt64(view, &i))
                n->literal = Value::fromInt(i);
            else if (parseDouble(view, &d))
                n->literal = Value::fromDouble(d);
            else
                fail(t.position, QStringLiteral("malformed number '%1'").arg(t.text));
            return n;
        }
        case Token::Kind::String: {
            take();
            NodePtr n = node(Op::Literal, ExprType::String, t.position);
            n->text = t.text.toStdString();
            n->literal = Value::fromString(n->text);
            return n;
        }
        case Token::Kind::QuotedName: take(); return column(t);
        case Token::Kind::Name: {
            if (isKeyword("true") || isKeyword("false")) {
                take();
                NodePtr n = node(Op::Literal, ExprType::Bool, t.position);
                n->literal = Value::fromBool(
                    t.text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0);
                return n;
            }
            for (const char *word : {"and", "or", "not", "contains", "is", "null"})
                if (isKeyword(word))
                    fail(t.position, QStringLiteral("expected a value, found '%1' (quote a column "
                                                    "of that name as \"%1\")")
                                         .arg(t.text));
            take();
            return column(t);
        }
        case Token::Kind::End:
            fail(t.position, QStringLiteral("expected a value at the end of the expression"));
        default: fail(t.position, QStringLiteral("expected a value, found '%1'").arg(t.text));
        }
    }

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    const Schema &m_schema;
};

} // namespace

std::unique_ptr<ExprNode> ExpressionParser::parse(const QString &expression, const Schema &schema,
                                                  QString *error)
{
    try {
        if (expression.trimmed().isEmpty()) fail(1, QStringLiteral("the expression is empty"));
        Parser parser(lex(expression), schema);
        return parser.parseAll();
    } catch (const ParseFailure &f) {
        if (error) {
            // A caret under the offending character; tabs kept so the caret lines up.
            QString pad;
            for (int k = 0; k < f.position - 1 && k < expression.size(); ++k)
                pad.append(expression[k] == QLatin1Char('\t') ? QLatin1Char('\t')
                                                              : QLatin1Char(' '));
            while (pad.size() < f.position - 1)
                pad.append(QLatin1Char(' '));
            QString message = f.message;
            if (!message.contains(QLatin1String(" at position ")))
                message += QStringLiteral(" at position %1").arg(f.position);
            *error = message + QLatin1Char('\n') + expression + QLatin1Char('\n') + pad +
                     QLatin1Char('^');
        }
        return nullptr;
    }
}

} // namespace sf
