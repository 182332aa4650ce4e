// The strict value parsers and the null-token set.
#include "core/nulltokens.h"
#include "core/valueparse.h"
#include <QTest>
#include <cmath>

using namespace sf;

class TestValueParse : public QObject {
    Q_OBJECT
private slots:
    void int64Accepts()
    {
        std::int64_t v = 0;
        QVERIFY(parseInt64("0", &v) && v == 0);
        QVERIFY(parseInt64("-42", &v) && v == -42);
        QVERIFY(parseInt64("+17", &v) && v == 17);
        QVERIFY(parseInt64("007", &v) && v == 7);
        QVERIFY(parseInt64("9223372036854775807", &v) && v == INT64_MAX);
        QVERIFY(parseInt64("-9223372036854775808", &v) && v == INT64_MIN);
    }
    void int64Rejects()
    {
        std::int64_t v = 5;
        for (const char *s : {"", "+", "-", "+-1", "1.0", " 1", "1 ", "1e3", "9223372036854775808",
                              "0x10", "12a", "--1"})
            QVERIFY2(!parseInt64(s, &v), s);
        QCOMPARE(v, 5); // untouched on failure
    }
    void doubleAccepts()
    {
        double d = 0;
        QVERIFY(parseDouble("1.5", &d) && d == 1.5);
        QVERIFY(parseDouble("-0.25", &d) && d == -0.25);
        QVERIFY(parseDouble("+2", &d) && d == 2.0);
        QVERIFY(parseDouble("1e3", &d) && d == 1000.0);
        QVERIFY(parseDouble(".5", &d) && d == 0.5);
        QVERIFY(parseDouble("inf", &d) && std::isinf(d) && d > 0);
        QVERIFY(parseDouble("-inf", &d) && std::isinf(d) && d < 0);
        QVERIFY(parseDouble("nan", &d) && std::isnan(d));
        QVERIFY(parseDouble("1e999", &d) && std::isinf(d));
        QVERIFY(parseDouble("1e-999", &d) && d == 0.0);
    }
    void doubleRejects()
    {
        double d = 0;
        for (const char *s : {"", "abc", "1.5x", " 1.5", "1e", "1,5", "0x1p3", "+-1", "--1"})
            QVERIFY2(!parseDouble(s, &d), s);
    }
    void boolParse()
    {
        bool b = false;
        QVERIFY(parseBool("true", &b) && b);
        QVERIFY(parseBool("TRUE", &b) && b);
        QVERIFY(parseBool("False", &b) && !b);
        QVERIFY(!parseBool("1", &b));
        QVERIFY(!parseBool("yes", &b));
        QVERIFY(!parseBool("truex", &b));
    }
    void dateTimeAccepts_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("epoch") << QByteArray("1970-01-01") << qint64(0);
        QTest::newRow("date") << QByteArray("2024-02-29") << qint64(1709164800000);
        QTest::newRow("T") << QByteArray("2024-02-29T12:34") << qint64(1709210040000);
        QTest::newRow("space secs") << QByteArray("2024-02-29 12:34:56") << qint64(1709210096000);
        QTest::newRow("millis") << QByteArray("2024-02-29T12:34:56.789Z") << qint64(1709210096789);
        QTest::newRow("one digit frac") << QByteArray("2024-02-29T12:34:56.7") << qint64(1709210096700);
        QTest::newRow("micros truncated") << QByteArray("2024-02-29T12:34:56.123456") << qint64(1709210096123);
        QTest::newRow("offset+") << QByteArray("2024-02-29T12:34:56+02:00") << qint64(1709202896000);
        QTest::newRow("offset-") << QByteArray("2024-02-29T12:34:56-05:30") << qint64(1709229896000);
        QTest::newRow("pre-epoch") << QByteArray("1969-12-31T23:59:59Z") << qint64(-1000);
        QTest::newRow("y2000 leap") << QByteArray("2000-02-29") << qint64(951782400000);
    }
    void dateTimeAccepts()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, ms);
        std::int64_t v = 0;
        QVERIFY(parseDateTime(std::string_view(text.constData(), std::size_t(text.size())), &v));
        QCOMPARE(qint64(v), ms);
    }
    void dateTimeRejects()
    {
        std::int64_t v = 0;
        for (const char *s : {"", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
                              "2024-1-01", "24-01-01", "2024/01/01", "2024-01-01T", "2024-01-01T24:00",
                              "2024-01-01T12:60", "2024-01-01T12:00:60", "2024-01-01T12:00:00.",
                              "2024-01-01T12:00Zx", "2024-01-01T12:00+0200", "2024-01-01x",
                              "2024-01-01T12:00:00.1234567890"})
            QVERIFY2(!parseDateTime(s, &v), s);
    }
    void nullTokensDefaults()
    {
        const NullTokens nulls;
        const QStringList expected{QString(), QStringLiteral("#N/A"), QStringLiteral("#N/A N/A"),
                                   QStringLiteral("#NA"), QStringLiteral("-1.#IND"),
                                   QStringLiteral("-1.#QNAN"), QStringLiteral("-NaN"),
                                   QStringLiteral("-nan"), QStringLiteral("1.#IND"),
                                   QStringLiteral("1.#QNAN"), QStringLiteral("<NA>"),
                                   QStringLiteral("N/A"), QStringLiteral("NA"), QStringLiteral("NULL"),
                                   QStringLiteral("NaN"), QStringLiteral("None"), QStringLiteral("n/a"),
                                   QStringLiteral("nan"), QStringLiteral("null")};
        QCOMPARE(nulls.tokens(), expected);
        for (const QString &t : expected)
            QVERIFY2(nulls.isNull(t.toStdString()), qPrintable(t));
        for (const char *s : {"0", "na", "Null", "NONE", " ", "#N/A N/A ", "nil"})
            QVERIFY2(!nulls.isNull(s), s);
    }
    void nullTokensCustom()
    {
        const NullTokens nulls(QStringList{QStringLiteral("-"), QStringLiteral("missing"), QStringLiteral("-")});
        QCOMPARE(nulls.tokens(), (QStringList{QStringLiteral("-"), QStringLiteral("missing")}));
        QVERIFY(nulls.isNull("-"));
        QVERIFY(nulls.isNull("missing"));
        QVERIFY(!nulls.isNull(""));
        QVERIFY(!nulls.isNull("NA"));
    }
};

QTEST_GUILESS_MAIN(TestValueParse)
#include "tst_valueparse.moc"
