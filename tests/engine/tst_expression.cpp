// The filter expression language: precedence, typing, null semantics and error positions.
#include "analysis/expression.h"
#include "analysistestkit.h"
#include <QTest>

using namespace sf;
using sf::test::TestRow;

class TestExpression : public QObject {
    Q_OBJECT

    Schema m_schema = test::makeSchema({{"a", ColumnType::Int64},
                                        {"x", ColumnType::Double},
                                        {"name", ColumnType::String},
                                        {"flag", ColumnType::Bool},
                                        {"day", ColumnType::DateTime},
                                        {"first name", ColumnType::String},
                                        {"temp", ColumnType::Double}});

    // Evaluates `text` on one row (a, x, name, flag, day, first name, temp).
    bool holds(const QString &text, const TestRow &row) {
        Expression e;
        QString error;
        if (!e.compile(text, m_schema, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        std::vector<TestRow> rows{row};
        test::VectorRecordReader reader(rows, 0, 1);
        Record r;
        if (!reader.next(r)) return false;
        return e.matches(r);
    }
    bool holds(const QString &text) { return holds(text, m_row); }

    QString errorOf(const QString &text) {
        Expression e;
        QString error;
        if (e.compile(text, m_schema, &error)) return QStringLiteral("<compiled>");
        return error;
    }

    TestRow m_row{"5", "2.5", "Ann, \"the\" one", "true", "2020-01-02", "Ann", std::nullopt};

private Q_SLOTS:
    void arithmeticPrecedence() {
        QVERIFY(holds(QStringLiteral("1 + 2 * 3 = 7")));
        QVERIFY(holds(QStringLiteral("(1 + 2) * 3 = 9")));
        QVERIFY(holds(QStringLiteral("10 - 4 - 3 = 3"))); // left associative
        QVERIFY(holds(QStringLiteral("2 * 3 % 4 = 2")));  // * and % same level, left to right
        QVERIFY(holds(QStringLiteral("7 / 2 = 3.5")));    // true division
        QVERIFY(holds(QStringLiteral("-7 % 3 = 2")));     // sign of the divisor, as Python
        QVERIFY(holds(QStringLiteral("7 % -3 = -2")));
        QVERIFY(holds(QStringLiteral("--3 = 3")));
        QVERIFY(holds(QStringLiteral("-a * 2 = -10")));
        QVERIFY(holds(QStringLiteral("a * x = 12.5")));
        QVERIFY(holds(QStringLiteral("1e3 = 1000 and .5 = 0.5")));
        QVERIFY(holds(
            QStringLiteral("9223372036854775807 + 1 = 9223372036854775808"))); // overflow → double
    }

    void logicPrecedence() {
        // and binds tighter than or; not tighter than and.
        QVERIFY(holds(QStringLiteral("a = 5 or a = 1 and a = 2")));
        QVERIFY(!holds(QStringLiteral("(a = 5 or a = 1) and a = 2")));
        QVERIFY(!holds(QStringLiteral("not a = 5 and a = 5")));
        QVERIFY(holds(QStringLiteral("not (a = 5 and a = 6)")));
        QVERIFY(holds(QStringLiteral("a > 1 && !(a > 10) || false")));
        QVERIFY(holds(QStringLiteral("flag and a >= 5")));
        QVERIFY(holds(QStringLiteral("flag = true AND NOT flag = false")));
    }

    void comparisonsAndStrings() {
        QVERIFY(
            holds(QStringLiteral("a == 5 and a != 4 and a <> 4 and a <= 5 and a < 6 and a >= 5")));
        QVERIFY(holds(QStringLiteral("x > 2 and x < 3")));
        QVERIFY(holds(QStringLiteral("name contains 'the'")));
        QVERIFY(!holds(QStringLiteral("name contains 'The'"))); // case-sensitive
        QVERIFY(holds(QStringLiteral("name contains '\"the\"'")));
        QVERIFY(holds(QStringLiteral("\"first name\" = 'Ann'")));
        QVERIFY(holds(QStringLiteral("`first name` = 'Ann' and `first name` < 'Bob'")));
        QVERIFY(holds(QStringLiteral("'it''s' contains 't''s' and 'a\\'b' = 'a''b'")));
        QVERIFY(holds(QStringLiteral("day >= '2020-01-02' and day < '2020-01-02T00:00:01'")));
        QVERIFY(holds(QStringLiteral("'2020-01-01' < day")));
    }

    void nullSemantics() {
        QVERIFY(holds(QStringLiteral("temp is null")));
        QVERIFY(!holds(QStringLiteral("temp is not null")));
        QVERIFY(holds(QStringLiteral("a IS NOT NULL")));
        QVERIFY(!holds(QStringLiteral("temp > 0")));
        QVERIFY(!holds(QStringLiteral("temp <= 0")));
        QVERIFY(!holds(QStringLiteral("temp != 0"))); // any comparison of a null is false
        QVERIFY(holds(QStringLiteral("not (temp > 0)")));
        QVERIFY(holds(QStringLiteral("(temp + 1) is null"))); // arithmetic with null is null
        QVERIFY(holds(QStringLiteral("(a % 0) is null")));
        // Text that does not parse as the column's type counts as missing.
        TestRow bad = m_row;
        bad[0] = "n/a";
        QVERIFY(holds(QStringLiteral("a is null"), bad));
        QVERIFY(!holds(QStringLiteral("a = 0"), bad));
    }

    void errorsPointAtThePosition_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing paren")
            << QStringLiteral("(a > 1 and x < 2")
            << QStringLiteral("expected ')' at position 17\n(a > 1 and x < 2\n                ^");
        QTest::newRow("paren before token")
            << QStringLiteral("(a > 1 x")
            << QStringLiteral("expected ')' at position 8\n(a > 1 x\n       ^");
        QTest::newRow("unknown column")
            << QStringLiteral("tmep > 1")
            << QStringLiteral(
                   "unknown column 'tmep' at position 1 (did you mean: temp?)\ntmep > 1\n^");
        QTest::newRow("type")
            << QStringLiteral("name > 1")
            << QStringLiteral("cannot compare string with number at position 6\nname > 1\n     ^");
        QTest::newRow("unterminated")
            << QStringLiteral("name = 'abc")
            << QStringLiteral("unterminated string at position 8\nname = 'abc\n       ^");
        QTest::newRow("character")
            << QStringLiteral("a # 1")
            << QStringLiteral("unexpected character '#' at position 3\na # 1\n  ^");
        QTest::newRow("chained") << QStringLiteral("1 < a < 9")
                                 << QStringLiteral("comparisons cannot be chained; join them with "
                                                   "'and' at position 7\n1 < a < 9\n      ^");
        QTest::newRow("trailing") << QStringLiteral("a > 1 x")
                                  << QStringLiteral("expected an operator or the end of the "
                                                    "expression at position 7\na > 1 x\n      ^");
        QTest::newRow("end")
            << QStringLiteral("a >")
            << QStringLiteral(
                   "expected a value at the end of the expression at position 4\na >\n   ^");
        QTest::newRow("not a date")
            << QStringLiteral("day > 'soon'")
            << QStringLiteral(
                   "'soon' is not a date-time (expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ss) "
                   "at position 7\nday > 'soon'\n      ^");
        QTest::newRow("and needs bool")
            << QStringLiteral("a and flag")
            << QStringLiteral("'and' needs a bool, got a number at position 1\na and flag\n^");
        QTest::newRow("is what")
            << QStringLiteral("a is 5")
            << QStringLiteral("expected 'null' or 'not null' at position 6\na is 5\n     ^");
        QTest::newRow("unmatched") << QStringLiteral("a > 1)")
                                   << QStringLiteral("unmatched ')' at position 6\na > 1)\n     ^");
        QTest::newRow("empty") << QStringLiteral("  ")
                               << QStringLiteral("the expression is empty at position 1\n  \n^");
    }

    void errorsPointAtThePosition() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QCOMPARE(errorOf(text), message);
    }

    void notACondition() {
        QCOMPARE(errorOf(QStringLiteral("a + 1")),
                 QStringLiteral(
                     "the expression must be a condition (true or false), not a number\na + 1"));
    }

    void unknownColumnWithoutNeighboursListsColumns() {
        const QString e = errorOf(QStringLiteral("zzzzzz = 1"));
        QVERIFY2(e.startsWith(
                     QStringLiteral("unknown column 'zzzzzz' at position 1 (columns: a, x, name")),
                 qPrintable(e));
    }
};

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
