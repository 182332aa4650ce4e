#pragma once
// The set of field texts read as null (missing). Defaults to pandas' read_csv set.
#include <QStringList>
#include <string>
#include <string_view>
#include <vector>

namespace sf {

class NullTokens {
public:
    NullTokens(); // pandas defaults
    explicit NullTokens(const QStringList &tokens);
    static QStringList pandasDefaults();

    bool isNull(std::string_view text) const
    {
        if (text.size() > m_maxLength) return false;
        for (const auto &t : m_tokens)
            if (t == text) return true;
        return false;
    }
    QStringList tokens() const;

private:
    std::vector<std::string> m_tokens;
    std::size_t m_maxLength = 0;
};

} // namespace sf
