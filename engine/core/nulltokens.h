#pragma once
// The set of field texts read as null (missing). Defaults to pandas' read_csv set.
#include <QStringList>
#include <cstdint>
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
        // Most fields are not null: rule them out by length and first byte without a compare.
        if (text.size() > m_maxLength) return false;
        if (text.size() < 64 && !((m_lengths >> text.size()) & 1)) return false;
        if (!text.empty()) {
            const auto c = static_cast<unsigned char>(text[0]);
            if (!((m_firstBytes[c >> 6] >> (c & 63)) & 1)) return false;
        }
        for (const auto &t : m_tokens)
            if (t == text) return true;
        return false;
    }
    QStringList tokens() const;

private:
    std::vector<std::string> m_tokens;
    std::size_t m_maxLength = 0;
    std::uint64_t m_lengths = 0;         // bit n: some token has n bytes (tokens < 64 bytes)
    std::uint64_t m_firstBytes[4] = {};  // bit c: some token starts with byte c
};

} // namespace sf
