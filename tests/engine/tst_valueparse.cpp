// The strict value parsers and the null-token set.
#include "core/datememo.h"
#include "core/hash.h"
#include "core/nulltokens.h"
#include "core/valueparse.h"
#include <QDate>
#include <QTest>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace sf;

namespace {

// parseDouble and parseInt64 of `t` against the reference: from_chars, plus the leading '+'
// the parsers accept (not before a sign), bit for bit. `t` is read from a copy without spare
// bytes around it, so a read outside the text is an ASan error. Out-of-range texts ("46e616")
// read as infinity or zero by design (doubleOutOfRangeByMagnitude) and are not compared.
// Returns whether parseDouble accepted an in-range text.
bool checkAgainstFromChars(const std::string &t)
{
    std::string r = t;
    bool plusOk = true;
    if (!r.empty() && r[0] == '+') {
        r.erase(0, 1);
        plusOk = !r.empty() && r[0] != '-' && r[0] != '+';
    }
    const std::unique_ptr<char[]> exact(new char[t.size() + 1]);
    std::memcpy(exact.get(), t.data(), t.size());
    const std::string_view view(exact.get(), t.size());

    double expected = 0;
    const auto [end, ec] = std::from_chars(r.data(), r.data() + r.size(), expected);
    const bool refOk = plusOk && ec == std::errc() && end == r.data() + r.size();
    double got = 0;
    const bool ok = parseDouble(view, &got);
    const bool compared = ec != std::errc::result_out_of_range;
    if (compared) {
        [&] {
            QVERIFY2(ok == refOk, t.c_str());
            if (ok)
                QVERIFY2(std::bit_cast<std::uint64_t>(got) == std::bit_cast<std::uint64_t>(expected),
                         t.c_str());
        }();
    }

    std::int64_t iexpected = 0;
    const auto [iend, iec] = std::from_chars(r.data(), r.data() + r.size(), iexpected);
    const bool irefOk = plusOk && iec == std::errc() && iend == r.data() + r.size();
    std::int64_t igot = 0;
    [&] {
        QVERIFY2(parseInt64(view, &igot) == irefOk, t.c_str());
        if (irefOk) QCOMPARE(igot, iexpected);
    }();
    return compared && ok;
}

} // namespace

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
    // fuzz_valueparse (differential against strtod): beyond double's range the result was
    // chosen by whether the text contains "e-", so 1 followed by 400 zeros and "e-5" (1e395)
    // read as 0 and "0." + 400 zeros + "1" (1e-401) as infinity. The magnitude decides now.
    void doubleOutOfRangeByMagnitude_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<double>("expected");
        const double inf = std::numeric_limits<double>::infinity();
        const QByteArray zeros(400, '0');
        QTest::newRow("1e395 as 1000…e-5") << "1" + zeros + "e-5" << inf;
        QTest::newRow("-1e395 as -1000…e-5") << "-1" + zeros + "e-5" << -inf;
        QTest::newRow("1e-401 as 0.000…1") << "0." + zeros + "1" << 0.0;
        QTest::newRow("-1e-401 as -0.000…1") << "-0." + zeros + "1" << -0.0;
        QTest::newRow("+1e-401 as +0.000…1e+0") << "+0." + zeros + "1e+0" << 0.0;
        QTest::newRow("1e-101 as 0.000…1e300") << "0." + zeros + "1e300" << 1e-101;
        QTest::newRow("1e400 as 0.000…1e801") << "0." + zeros + "1e801" << inf;
        QTest::newRow("1e-400 as 1000…e-801") << "1" + zeros + "e-801" << 0.0;
        QTest::newRow("huge exponent") << QByteArray("1e99999999999999999999999") << inf;
        QTest::newRow("tiny exponent") << QByteArray("-1e-99999999999999999999999") << -0.0;
    }
    void doubleOutOfRangeByMagnitude()
    {
        QFETCH(QByteArray, text);
        QFETCH(double, expected);
        double d = 12345;
        QVERIFY(parseDouble(std::string_view(text.constData(), std::size_t(text.size())), &d));
        const double reference = std::strtod(text.constData(), nullptr);
        QCOMPARE(std::signbit(d), std::signbit(expected));
        QVERIFY2(d == expected, qPrintable(QString::number(d))); // exact: QCOMPARE is fuzzy near 0
        QCOMPARE(std::memcmp(&d, &reference, sizeof d), 0);      // exactly what strtod reads
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
        for (const char *s : {"", "t", "tru", "fals", "true ", "falsee", "falsetrue", "eurt"})
            QVERIFY2(!parseBool(s, &b) && boolCode(s) == kNotBool, s);
        QCOMPARE(boolCode("tRuE"), kBoolTrue);
        QCOMPARE(boolCode("FaLsE"), kBoolFalse);
        // Every case of both words, and every other byte at every position of them.
        for (const std::string word : {"true", "false"}) {
            for (unsigned mask = 0; mask < (1u << word.size()); ++mask) {
                std::string t = word;
                for (std::size_t i = 0; i < t.size(); ++i)
                    if (mask >> i & 1) t[i] = char(t[i] - 'a' + 'A');
                QVERIFY2(parseBool(t, &b) && b == (word == "true"), t.c_str());
            }
            for (std::size_t i = 0; i < word.size(); ++i) {
                for (int c = 0; c < 256; ++c) {
                    std::string t = word;
                    t[i] = char(c);
                    const bool sameLetter = c == word[i] || c == word[i] - 'a' + 'A';
                    QVERIFY2(parseBool(t, &b) == sameLetter, t.c_str());
                }
            }
        }
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
        QTest::newRow("one digit frac")
            << QByteArray("2024-02-29T12:34:56.7") << qint64(1709210096700);
        QTest::newRow("micros truncated")
            << QByteArray("2024-02-29T12:34:56.123456") << qint64(1709210096123);
        QTest::newRow("offset+") << QByteArray("2024-02-29T12:34:56+02:00")
                                 << qint64(1709202896000);
        QTest::newRow("offset-") << QByteArray("2024-02-29T12:34:56-05:30")
                                 << qint64(1709229896000);
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
    void dateMemoAnswersAsTheParser()
    {
        // Every day of 1900-2100 three times (misses, then hits, then after 70,000 other days
        // evicted most entries), invalid 10-byte texts twice, and texts of other lengths: the
        // memo's answer and value are always parseDateTime's. Ten NUL bytes must not match an
        // empty entry.
        DateMemo memo;
        std::vector<std::string> texts;
        for (QDate d(1900, 1, 1); d.year() <= 2100; d = d.addDays(1))
            texts.push_back(d.toString(Qt::ISODate).toStdString());
        for (const char *bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "2024/01/01",
                                "abcdefghij", "2024-01-1x"})
            texts.push_back(bad);
        texts.push_back(std::string(10, '\0'));
        for (const char *other : {"2024-01-01T10:00:00Z", "2024-01-01 00:00", "2024-1-01", ""})
            texts.push_back(other);
        int hits = 0;
        for (int pass = 0; pass < 3; ++pass) {
            if (pass == 2) {
                std::int64_t ignored = 0;
                for (QDate d(1700, 1, 1); d.year() < 1890; d = d.addDays(1))
                    memo.parse(d.toString(Qt::ISODate).toStdString(), &ignored);
            }
            for (const std::string &t : texts) {
                std::int64_t want = -1, got = -2;
                const bool ok = parseDateTime(t, &want);
                QCOMPARE(memo.parse(t, &got), ok);
                if (ok) QCOMPARE(got, want);
                hits += ok ? 1 : 0;
            }
        }
        QCOMPARE(hits, 3 * (73414 + 2));
    }
    void datesAgreeWithQDate()
    {
        // Every day of 1600-2400 (the table of month starts and both sides of it) and of a few
        // far years, against QDate's Julian days; then every byte at every position of a date.
        const qint64 epochJd = QDate(1970, 1, 1).toJulianDay();
        auto text = [](int y, int m, int d) {
            return QStringLiteral("%1-%2-%3")
                .arg(y, 4, 10, QLatin1Char('0'))
                .arg(m, 2, 10, QLatin1Char('0'))
                .arg(d, 2, 10, QLatin1Char('0'))
                .toStdString();
        };
        std::int64_t v = 0;
        int checked = 0;
        for (int y : {1, 999, 1000, 1583, 4000, 9999}) {
            for (int m = 1; m <= 12; ++m)
                for (int d = 1; d <= 31; ++d) {
                    const QDate date(y, m, d);
                    const std::string t = text(y, m, d);
                    QVERIFY2(parseDateTime(t, &v) == date.isValid(), t.c_str());
                    if (date.isValid()) QCOMPARE(v, (date.toJulianDay() - epochJd) * 86400000);
                }
        }
        for (QDate date(1600, 1, 1); date.year() <= 2400; date = date.addDays(1)) {
            const std::string t = text(date.year(), date.month(), date.day());
            QVERIFY2(parseDateTime(t, &v), t.c_str());
            QCOMPARE(v, (date.toJulianDay() - epochJd) * 86400000);
            ++checked;
        }
        QCOMPARE(checked, 801 * 365 + 195); // 1600-01-01 .. 2400-12-31, 195 leap days
        const std::string base = "2024-02-29";
        for (std::size_t i = 0; i < base.size(); ++i) {
            for (int c = 0; c < 256; ++c) {
                std::string t = base;
                t[i] = char(c);
                const bool dash = i == 4 || i == 7;
                bool expected = dash ? c == '-' : (c >= '0' && c <= '9');
                if (expected) {
                    const QDate date = QDate::fromString(QString::fromStdString(t), Qt::ISODate);
                    expected = date.isValid();
                }
                QVERIFY2(parseDateTime(t, &v) == expected, t.c_str());
            }
        }
    }
    void dateTimeRejects()
    {
        std::int64_t v = 0;
        for (const char *s :
             {"", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01",
              "24-01-01", "2024/01/01", "2024-01-01T", "2024-01-01T24:00", "2024-01-01T12:60",
              "2024-01-01T12:00:60", "2024-01-01T12:00:00.", "2024-01-01T12:00Zx",
              "2024-01-01T12:00+0200", "2024-01-01x", "2024-01-01T12:00:00.1234567890"})
            QVERIFY2(!parseDateTime(s, &v), s);
    }
    void nullTokensDefaults()
    {
        const NullTokens nulls;
        const QStringList expected{QString(),
                                   QStringLiteral("#N/A"),
                                   QStringLiteral("#N/A N/A"),
                                   QStringLiteral("#NA"),
                                   QStringLiteral("-1.#IND"),
                                   QStringLiteral("-1.#QNAN"),
                                   QStringLiteral("-NaN"),
                                   QStringLiteral("-nan"),
                                   QStringLiteral("1.#IND"),
                                   QStringLiteral("1.#QNAN"),
                                   QStringLiteral("<NA>"),
                                   QStringLiteral("N/A"),
                                   QStringLiteral("NA"),
                                   QStringLiteral("NULL"),
                                   QStringLiteral("NaN"),
                                   QStringLiteral("None"),
                                   QStringLiteral("n/a"),
                                   QStringLiteral("nan"),
                                   QStringLiteral("null")};
        QCOMPARE(nulls.tokens(), expected);
        for (const QString &t : expected)
            QVERIFY2(nulls.isNull(t.toStdString()), qPrintable(t));
        for (const char *s : {"0", "na", "Null", "NONE", " ", "#N/A N/A ", "nil"})
            QVERIFY2(!nulls.isNull(s), s);
    }
    void nullTokensCustom()
    {
        const NullTokens nulls(
            QStringList{QStringLiteral("-"), QStringLiteral("missing"), QStringLiteral("-")});
        QCOMPARE(nulls.tokens(), (QStringList{QStringLiteral("-"), QStringLiteral("missing")}));
        QVERIFY(nulls.isNull("-"));
        QVERIFY(nulls.isNull("missing"));
        QVERIFY(!nulls.isNull(""));
        QVERIFY(!nulls.isNull("NA"));
        // The (length, first byte, last byte) filter never hides a token nor admits a text
        // that is not one: tokens short and past the filter's 15 bytes, texts that share a
        // length and both end bytes with one.
        // Tokens of 1 to 8 bytes are compared as words, longer ones as strings.
        const QStringList tokens{QStringLiteral("x"), QStringLiteral("N/A"),
                                 QStringLiteral("unknown"), QStringLiteral("na/na/na"),
                                 QStringLiteral("a token past sixteen bytes"), QString()};
        const NullTokens custom(tokens);
        std::vector<std::string> texts{"x", "y", "N/A", "NxA", "N/a", "", "unknown", "unkn/wn",
                                       "na/na/na", "na/nx/na", "a token past sixteen bytes",
                                       "a token past sixteen byteS", "a-token past sixteen bytes",
                                       "a token past sixteen"};
        const std::size_t seeds = texts.size();
        std::mt19937_64 rng(3);
        for (int i = 0; i < 20000; ++i) {
            std::string t = texts[rng() % seeds];
            if (!t.empty() && rng() % 2) t[rng() % t.size()] = char("xN/A anuk"[rng() % 9]);
            texts.push_back(t);
        }
        for (const std::string &t : texts) {
            const bool expected = tokens.contains(QString::fromStdString(t));
            QVERIFY2(custom.isNull(t) == expected, t.c_str());
        }
    }
    // The fast paths (short integers, Clinger's decimal fast path) must agree bit for bit with
    // from_chars, which the slow path uses, on every text either accepts or rejects.
    void fastPathsAgreeWithFromChars()
    {
        std::mt19937_64 rng(11);
        const std::string alphabet = "0123456789";
        auto digits = [&](int n) {
            std::string d;
            for (int i = 0; i < n; ++i)
                d += alphabet[rng() % 10];
            return d;
        };
        for (int i = 0; i < 200000; ++i) {
            std::string t;
            const int shape = int(rng() % 8);
            if (rng() % 4 == 0) t += "-";
            t += digits(int(rng() % 21));
            if (shape >= 2) t += "." + digits(int(rng() % 12));
            if (shape >= 6)
                t += (rng() % 2 ? "e" : "E") + std::string(rng() % 2 ? "-" : "") +
                     digits(int(rng() % 4));
            if (shape == 1 && !t.empty()) t[rng() % t.size()] = "x.+-e "[rng() % 6];

            checkAgainstFromChars(t);
            if (QTest::currentTestFailed()) return;
        }
        std::int64_t v = 0;
        QVERIFY(parseInt64("+42", &v) && v == 42);
        QVERIFY(!parseInt64("+-42", &v));
        QVERIFY(parseInt64("-9223372036854775808", &v) && v == INT64_MIN);
        QVERIFY(!parseInt64("9223372036854775808", &v));
        double d = 0;
        QVERIFY(parseDouble("+0.5", &d) && d == 0.5);
        QVERIFY(parseDouble("-0.0", &d) && std::signbit(d));
        QVERIFY(parseDouble("9007199254740993", &d) &&
                d == 9007199254740992.0); // 2^53 + 1: slow path
    }
    void shortTextsAgreeWithFromChars()
    {
        // Texts of up to 9 bytes over digits, signs, dots and other bytes: the one-word path
        // for 1-8 bytes (and the fallback it hands the rest to) must decide exactly as
        // from_chars does, bit for bit.
        std::mt19937_64 rng(12);
        const std::string alphabet = "0123456789012345678901234567890123456789..-+ex\x80/:";
        int accepted = 0;
        for (int i = 0; i < 400000; ++i) {
            std::string t;
            const int n = int(rng() % 10);
            for (int k = 0; k < n; ++k)
                t += alphabet[rng() % alphabet.size()];
            if (rng() % 16 == 0 && !t.empty()) t[rng() % t.size()] = '\0';
            accepted += checkAgainstFromChars(t) ? 1 : 0;
            if (QTest::currentTestFailed()) return;
        }
        QVERIFY(accepted > 50000);
        double d = 0;
        QVERIFY(parseDouble("0.691535", &d) && d == 0.691535);
        QVERIFY(parseDouble("-2192.82", &d) && d == -2192.82);
        QVERIFY(parseDouble(".5", &d) && d == 0.5);
        QVERIFY(parseDouble("5.", &d) && d == 5.0);
        QVERIFY(!parseDouble(".", &d));
        QVERIFY(!parseDouble("1.2.3", &d));
        std::int64_t v = 0;
        QVERIFY(parseInt64("99999999", &v) && v == 99999999);
        QVERIFY(parseInt64("-00000007", &v) && v == -7);
    }
    void hashU64IsHashBytesOfLittleEndianBytes()
    {
        std::mt19937_64 rng(5);
        for (int i = 0; i < 1000; ++i) {
            const std::uint64_t v = i < 3 ? std::uint64_t(i) : rng();
            char bytes[8];
            for (int k = 0; k < 8; ++k)
                bytes[k] = char((v >> (8 * k)) & 0xff);
            QCOMPARE(hashU64(v), hashBytes(std::string_view(bytes, 8)));
        }
    }
};

QTEST_GUILESS_MAIN(TestValueParse)
#include "tst_valueparse.moc"
