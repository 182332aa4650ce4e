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
        // byte) without a compare. Numbers and words end in bytes no default token ends in.
        const std::size_t n = text.size();
        if (n > m_maxLength) return false;
        if (n == 0) return m_empty;
        if (n < kFilterLengths) {
            const auto first = static_cast<unsigned char>(text.front());
            const auto last = static_cast<unsigned char>(text.back());
            if (!bit(m_firstByte[n], first) || !bit(m_lastByte[n], last)) return false;
        }
        for (const auto &t : m_tokens)
            if (t == text) return true;
        return false;
    }
    QStringList tokens() const;

private:
    static constexpr std::size_t kFilterLengths = 16;
    using ByteSet = std::array<std::uint64_t, 4>;
    static bool bit(const ByteSet &set, unsigned char c) { return (set[c >> 6] >> (c & 63)) & 1; }
    static void setBit(ByteSet &set, unsigned char c)
    {
        set[c >> 6] |= std::uint64_t(1) << (c & 63);
    }

    std::vector<std::string> m_tokens;
    std::size_t m_maxLength = 0;
    bool m_empty = false; // "" is a token
    // Per length below kFilterLengths: the first and the last bytes of tokens of that length.
    std::array<ByteSet, kFilterLengths> m_firstByte{};
    std::array<ByteSet, kFilterLengths> m_lastByte{};
};

} // namespace sf
