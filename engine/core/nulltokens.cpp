#include "core/nulltokens.h"

#include "core/shortdecimal.h"

#include <algorithm>

namespace sf {

NullTokens::NullTokens()
    : NullTokens(pandasDefaults())
{}

NullTokens::NullTokens(const QStringList &tokens)
{
    m_tokens.reserve(std::size_t(tokens.size()));
    for (const QString &t : tokens) {
        const QByteArray utf8 = t.toUtf8();
        std::string token(utf8.constData(), std::size_t(utf8.size()));
        bool seen = false;
        for (const auto &existing : m_tokens)
            seen = seen || existing == token;
        if (seen) continue;
        m_maxLength = std::max(m_maxLength, token.size());
        if (token.empty()) m_empty = true;
        if (!token.empty() && token.size() < kFilterLengths) {
            auto &row = m_filter[token.size()];
            row[static_cast<unsigned char>(token.front())] |= kStartsWith;
            row[static_cast<unsigned char>(token.back())] |= kEndsWith;
        }
        if (!token.empty() && token.size() <= kWordLength)
            m_words[token.size()].push_back(detail::loadShort(token.data(), int(token.size())));
        m_tokens.push_back(std::move(token));
    }
}

bool NullTokens::isToken(std::string_view text) const
{
    const std::size_t n = text.size();
    if (n - 1 < kWordLength) { // 1 .. kWordLength
        const std::uint64_t word = detail::loadShort(text.data(), int(n));
        bool found = false;
        for (const std::uint64_t t : m_words[n])
            found = found || t == word;
        return found;
    }
    for (const auto &t : m_tokens)
        if (t == text) return true;
    return false;
}

QStringList NullTokens::pandasDefaults()
{
    // pandas.read_csv's default na_values (pandas/_libs/parsers.pyx, STR_NA_VALUES).
    return {QString(),
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
}

QStringList NullTokens::tokens() const
{
    QStringList out;
    out.reserve(qsizetype(m_tokens.size()));
    for (const auto &t : m_tokens)
        out.append(QString::fromUtf8(t.data(), qsizetype(t.size())));
    return out;
}

} // namespace sf
