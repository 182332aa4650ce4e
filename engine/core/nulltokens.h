#pragma once
// The set of field texts read as null (missing). Defaults to pandas' read_csv set.
#include <QStringList>
#include <array>
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

    [[gnu::always_inline]] bool isNull(std::string_view text) const
    {
        // Most fields are not null: rule them out by (length, first byte) and (length, last
        // byte), two table loads ANDed without a branch between them (which of the two rules a
        // field out varies field by field, so a branch on each mispredicts), then a compare
        // only for the rare field both admit.
        const std::size_t n = text.size();
        if (n - 1 < kFilterLengths - 1) { // 1 .. kFilterLengths - 1
            const auto *row = m_filter[n].data();
            const unsigned both = row[static_cast<unsigned char>(text[0])] &
                                  (row[static_cast<unsigned char>(text[n - 1])] >> 1);
            return (both & kStartsWith) != 0 && isToken(text);
        }
        if (n == 0) return m_empty;
        return n <= m_maxLength && isToken(text);
    }
    QStringList tokens() const;

private:
    static constexpr std::size_t kFilterLengths = 16;
    static constexpr std::uint8_t kStartsWith = 1;
    static constexpr std::uint8_t kEndsWith = 2;
    static_assert(kEndsWith == kStartsWith << 1, "isNull() shifts kEndsWith onto kStartsWith");
    static constexpr std::size_t kWordLength = 8;
    bool isToken(std::string_view text) const;

    std::vector<std::string> m_tokens;
    // The tokens of 1 .. kWordLength bytes as words (detail::loadShort), by length: isToken()
    // compares a field with them a word at a time instead of calling memcmp per token.
    std::array<std::vector<std::uint64_t>, kWordLength + 1> m_words;
    std::size_t m_maxLength = 0;
    bool m_empty = false; // "" is a token
    // Per length below kFilterLengths and byte: whether a token of that length starts
    // (kStartsWith) or ends (kEndsWith) with it.
    std::array<std::array<std::uint8_t, 256>, kFilterLengths> m_filter{};
};

} // namespace sf
