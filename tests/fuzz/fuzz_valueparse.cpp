// Fuzzes the value parsers every reader and analysis relies on, differentially: parseInt64
// against a grammar check plus strtoll, parseDouble against a grammar check plus strtod (glibc's
// correctly rounded reader, independent of std::from_chars), parseDateTime against QDate for
// plain dates, NullTokens::isNull against a linear search, and type inference against
// valueFitsType (every non-null value of a column fits the type inferred for it).
#include "core/nulltokens.h"
#include "core/valueparse.h"
#include "data/typeinference.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

void check(bool ok, const char *what, std::string_view text)
{
    if (ok) return;
    std::fprintf(stderr, "invariant failed: %s for '%.*s'\n", what, int(text.size()), text.data());
    std::abort();
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// [+-]?[0-9]+ : what parseInt64 accepts when the value fits.
bool intGrammar(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i == s.size()) return false;
    for (; i < s.size(); ++i)
        if (!isDigit(s[i])) return false;
    return true;
}

bool equalsNoCase(std::string_view a, std::string_view lower)
{
    if (a.size() != lower.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

// [+-]? then a decimal (digits with an optional fraction, or a fraction alone, then an optional
// exponent with at least one digit), inf, infinity, nan or nan(chars): the general format
// std::from_chars reads, after parseDouble's one leading '+'.
bool doubleGrammar(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::string_view body = s.substr(i);
    if (equalsNoCase(body, "inf") || equalsNoCase(body, "infinity") || equalsNoCase(body, "nan"))
        return true;
    if (body.size() >= 5 && equalsNoCase(body.substr(0, 4), "nan(") && body.back() == ')') {
        for (char c : body.substr(4, body.size() - 5))
            if (!isDigit(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '_')
                return false;
        return true;
    }
    std::size_t digits = 0;
    for (; i < s.size() && isDigit(s[i]); ++i)
        ++digits;
    if (i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && isDigit(s[i]); ++i)
            ++digits;
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t expDigits = 0;
        for (; i < s.size() && isDigit(s[i]); ++i)
            ++expDigits;
        if (expDigits == 0) return false;
    }
    return i == s.size();
}

void checkInt(std::string_view text)
{
    std::int64_t v = 12345;
    const bool ok = sf::parseInt64(text, &v);
    bool expected = intGrammar(text);
    long long ref = 0;
    if (expected) {
        const std::string z(text);
        errno = 0;
        ref = std::strtoll(z.c_str(), nullptr, 10);
        expected = errno == 0;
    }
    check(ok == expected, "parseInt64 accepts exactly [+-]?digits in range", text);
    if (ok)
        check(v == ref, "parseInt64 value equals strtoll", text);
    else
        check(v == 12345, "parseInt64 leaves out untouched on failure", text);
}

void checkDouble(std::string_view text)
{
    double v = 0;
    const bool ok = sf::parseDouble(text, &v);
    const bool expected = doubleGrammar(text);
    check(ok == expected, "parseDouble accepts exactly the decimal/inf/nan grammar", text);
    if (!ok) return;
    const std::string z(text);
    const double ref = std::strtod(z.c_str(), nullptr);
    if (std::isnan(ref))
        check(std::isnan(v), "parseDouble nan where strtod is nan", text);
    else
        check(std::memcmp(&v, &ref, sizeof v) == 0,
              "parseDouble value equals strtod (correctly rounded, sign of zero included)", text);
}

void checkDate(std::string_view text)
{
    std::int64_t ms = 0;
    const bool ok = sf::parseDateTime(text, &ms);
    if (text.size() != 10 || text[0] == '0') return; // QDate has no year 0; only plain dates
    const QDate d = QDate::fromString(QString::fromLatin1(text.data(), qsizetype(text.size())),
                                      QStringLiteral("yyyy-MM-dd"));
    bool plain = true;
    for (std::size_t i = 0; i < text.size(); ++i)
        plain = plain && ((i == 4 || i == 7) ? text[i] == '-' : isDigit(text[i]));
    check(ok == (plain && d.isValid()), "parseDateTime accepts exactly the valid yyyy-MM-dd dates",
          text);
    if (ok)
        check(ms == d.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch(),
              "parseDateTime date value equals QDate's", text);
}

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 4096) return 0;
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);

    // Each line is a value; the whole input too (values with line ends are strings).
    const std::vector<std::string_view> values = split(bytes, '\n');
    for (std::string_view v : values) {
        checkInt(v);
        checkDouble(v);
        checkDate(v);
    }
    checkInt(bytes);
    checkDouble(bytes);

    // Type inference over three columns (value i goes to column i % 3), then every non-null
    // value must fit its column's inferred type, and nullable must say whether a null was seen.
    const sf::NullTokens defaults;
    constexpr int kColumns = 3;
    sf::TypeInference inference(kColumns);
    bool sawNull[kColumns] = {};
    for (std::size_t i = 0; i < values.size(); ++i) {
        const bool isNull = defaults.isNull(values[i]);
        sawNull[i % kColumns] |= isNull;
        inference.add(int(i % kColumns), values[i], isNull);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int c = int(i % kColumns);
        check(inference.nullable(c) == sawNull[c], "nullable tells whether a null was seen",
              values[i]);
        if (!defaults.isNull(values[i]))
            check(sf::valueFitsType(inference.type(c), values[i]),
                  "every sampled value fits its inferred column type", values[i]);
    }

    // Null tokens made of the first lines (with the rest as probes): the length/first/last byte
    // filter must never hide a token.
    QStringList tokens;
    std::vector<std::string> tokenBytes;
    for (std::size_t i = 0; i < values.size() && i < 4; ++i) {
        const QString t = QString::fromUtf8(values[i].data(), qsizetype(values[i].size()));
        tokens.append(t);
        const QByteArray utf8 = t.toUtf8();
        tokenBytes.emplace_back(utf8.constData(), std::size_t(utf8.size()));
    }
    const sf::NullTokens custom(tokens);
    for (std::string_view v : values) {
        bool expected = false;
        for (const auto &t : tokenBytes)
            expected = expected || t == v;
        check(custom.isNull(v) == expected, "isNull equals a linear search over the tokens", v);
    }
    return 0;
}
