#pragma once
// Delimits the records of a JSON Lines file or of a top-level JSON array without parsing
// them: a newline scan for lines, a structural scan (strings, escapes, bracket depth) for array
// elements. The same cursor builds the index and positions every chunk reader, so both always
// agree on where record N starts.
#include <cstdint>
#include <string_view>

namespace sf {

// One record's bytes: [begin, end) in the file, and the 1-based line where it starts.
struct JsonSpan {
    std::int64_t begin = 0;
    std::int64_t end = 0;
    std::int64_t line = 1;
};

class JsonScanner {
public:
    enum class Mode { Lines, ArrayElements };
    enum class Step { Record, End, Error };

    // Starts at `pos`, which must be a line start (Lines) or an element start or the byte just
    // after the opening '[' (ArrayElements); `line` is the physical line of `pos`. `atElement`
    // says `pos` is a known element start, so a ']' there is an empty element, not the end.
    JsonScanner(std::string_view bytes, Mode mode, std::int64_t pos, std::int64_t line,
                bool atElement = false);

    // Finds the next record. On Error the cursor stops for good; see errorOffset()/errorReason().
    Step next(JsonSpan &out);

    std::int64_t position() const { return m_pos; }
    std::int64_t line() const { return m_line; }
    // Array mode: offset of the closing ']' once End was returned (else the end of the data).
    std::int64_t arrayEnd() const { return m_arrayEnd; }
    std::int64_t errorOffset() const { return m_errorOffset; }
    std::int64_t errorLine() const { return m_errorLine; }
    const char *errorReason() const { return m_errorReason; }

    // Where the array's first element may start: just after the '[' that follows optional
    // whitespace at `pos`; -1 when the data does not open an array there.
    static std::int64_t arrayBodyStart(std::string_view bytes, std::int64_t pos,
                                       std::int64_t *line);
    // One past the end of the JSON value starting at `pos` (bracket/string matching only, no
    // validation); -1 when a string or bracket is left open.
    static std::int64_t valueEnd(std::string_view bytes, std::int64_t pos);
    // Offset of the first byte that breaks UTF-8 in `bytes`, or -1 when all of it is valid.
    static std::int64_t firstInvalidUtf8(std::string_view bytes);
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

private:
    Step nextLine(JsonSpan &out);
    Step nextElement(JsonSpan &out);
    Step fail(std::int64_t offset, std::int64_t line, const char *reason);

    std::string_view m_bytes;
    Mode m_mode;
    std::int64_t m_pos;
    std::int64_t m_line;
    std::int64_t m_arrayEnd = -1;
    bool m_expectElement = false;
    bool m_done = false;
    std::int64_t m_errorOffset = -1;
    std::int64_t m_errorLine = 0;
    const char *m_errorReason = "";
};

} // namespace sf
