#pragma once
// Splits one CSV record into decoded fields (quotes removed, "" unescaped into a scratch
// buffer only when a field has one), following the grammar in csvscan.h exactly, and notes
// the first structural problem in the record.
#include "data/csvscan.h"
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sf::csv {

struct ParsedRecord {
    const char *begin = nullptr;           // first byte of the record
    const char *end = nullptr;             // its line end (or the end of the data)
    std::int64_t innerLines = 0;           // line ends inside quoted fields
    std::vector<std::string_view> fields;  // valid until the next parse()
    std::vector<const char *> fieldStarts; // raw first byte of each field, unless `unquoted`
    const char *problemAt = nullptr;       // first structural problem, if any
    enum class Problem {
        None,
        TextAfterQuote,
        Unterminated
    } problem = Problem::None;
    bool mayHaveBadBytes = true; // false: no NUL and no byte >= 0x80 (no UTF-8 check needed)
    bool unquoted = false;       // no quote byte: every field is exactly its raw bytes

    std::string_view raw() const { return {begin, std::size_t(end - begin)}; }
    // The raw first byte of field i (for column numbers in messages).
    const char *fieldStart(std::size_t i) const
    {
        return unquoted ? fields[i].data() : fieldStarts[i];
    }
};

class RecordParser {
public:
    RecordParser(char delimiter, char quote)
        : m_delimiter(delimiter)
        , m_quote(quote)
    {}
    // `p` is a record start (not a line end); the record is read up to its line end or `e`.
    void parse(const char *p, const char *e, ParsedRecord *out);

private:
    // Records without a quote byte, found with 64-byte block masks; false (nothing written
    // that parse() keeps) when the record has a quote or runs too close to `e`.
    bool parseUnquoted(const char *p, const char *e, ParsedRecord *out);
    void parseGeneral(const char *p, const char *e, ParsedRecord *out);

    struct Escaped {
        std::size_t field;  // index into fields
        std::size_t offset; // of its text in m_scratch
    };
    char m_delimiter;
    char m_quote;
    const char *m_block = nullptr; // the last block masked, and the data end it was read with
    const char *m_blockEnd = nullptr;
    BlockMasks m_masks;
    std::string m_scratch;
    std::vector<Escaped> m_escaped; // fields whose text lives in m_scratch
};

} // namespace sf::csv
