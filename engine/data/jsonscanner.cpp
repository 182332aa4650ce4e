#include "data/jsonscanner.h"
#include <cstring>

namespace sf {

JsonScanner::JsonScanner(std::string_view bytes, Mode mode, std::int64_t pos, std::int64_t line,
                         bool atElement)
    : m_bytes(bytes), m_mode(mode), m_pos(pos), m_line(line), m_expectElement(atElement)
{
}

JsonScanner::Step JsonScanner::next(JsonSpan &out)
{
    if (m_done) return m_errorOffset >= 0 ? Step::Error : Step::End;
    return m_mode == Mode::Lines ? nextLine(out) : nextElement(out);
}

JsonScanner::Step JsonScanner::fail(std::int64_t offset, std::int64_t line, const char *reason)
{
    m_done = true;
    m_errorOffset = offset;
    m_errorLine = line;
    m_errorReason = reason;
    return Step::Error;
}

JsonScanner::Step JsonScanner::nextLine(JsonSpan &out)
{
    const char *data = m_bytes.data();
    const auto n = std::int64_t(m_bytes.size());
    while (m_pos < n) {
        const void *nl = std::memchr(data + m_pos, '\n', std::size_t(n - m_pos));
        const std::int64_t lineEnd = nl ? static_cast<const char *>(nl) - data : n;
        std::int64_t end = lineEnd;
        if (end > m_pos && data[end - 1] == '\r') --end;
        const std::int64_t begin = m_pos;
        const std::int64_t line = m_line;
        m_pos = nl ? lineEnd + 1 : n;
        if (nl) ++m_line;
        for (std::int64_t i = begin; i < end; ++i) {
            if (!isSpace(data[i])) {
                out = {begin, end, line};
                return Step::Record;
            }
        }
        // Blank (whitespace-only) lines hold no record but still count as lines.
    }
    m_done = true;
    return Step::End;
}

JsonScanner::Step JsonScanner::nextElement(JsonSpan &out)
{
    const char *data = m_bytes.data();
    const auto n = std::int64_t(m_bytes.size());
    std::int64_t i = m_pos;
    while (i < n && isSpace(data[i])) {
        if (data[i] == '\n') ++m_line;
        ++i;
    }
    m_pos = i;
    if (m_arrayEnd >= 0) {
        // The array was closed by the previous element; only whitespace may follow.
        m_done = true;
        if (i < n) return fail(i, m_line, "unexpected content after the end of the array");
        return Step::End;
    }
    if (i >= n) return fail(n, m_line, "unexpected end of data: the array is not closed with ']'");
    if (data[i] == ']' && !m_expectElement) {
        m_arrayEnd = i;
        m_pos = i + 1;
        return nextElement(out);
    }

    const std::int64_t begin = i;
    const std::int64_t beginLine = m_line;
    std::int64_t end = begin; // one past the last non-space byte of the element
    int depth = 0;
    for (; i < n; ++i) {
        const char c = data[i];
        if (c == '"') {
            const std::int64_t quote = i;
            const std::int64_t quoteLine = m_line;
            for (++i; i < n && data[i] != '"'; ++i) {
                // An escaped byte is still a byte of the file: a LF after a backslash (invalid
                // JSON, rejected by the parser) ends a physical line like any other.
                if (data[i] == '\\') ++i;
                if (i < n && data[i] == '\n') ++m_line;
            }
            if (i >= n) return fail(quote, quoteLine, "unterminated string");
            end = i + 1;
        } else if (c == '{' || c == '[') {
            ++depth;
            end = i + 1;
        } else if (c == '}' || c == ']') {
            if (depth == 0 && c == ']') break;
            if (depth > 0) --depth;
            end = i + 1;
        } else if (c == ',' && depth == 0) {
            break;
        } else if (c == '\n') {
            ++m_line;
        } else if (!isSpace(c)) {
            end = i + 1;
        }
    }
    out = {begin, end, beginLine};
    if (i >= n) {
        // Hand out the truncated element (its parse rejects it); the next call reports the
        // missing ']'.
        m_pos = n;
        m_expectElement = false;
        return Step::Record;
    }
    if (data[i] == ']') m_arrayEnd = i;
    m_expectElement = data[i] == ',';
    m_pos = i + 1;
    return Step::Record;
}

std::int64_t JsonScanner::arrayBodyStart(std::string_view bytes, std::int64_t pos,
                                         std::int64_t *line)
{
    const auto n = std::int64_t(bytes.size());
    while (pos < n && isSpace(bytes[std::size_t(pos)])) {
        if (bytes[std::size_t(pos)] == '\n') ++*line;
        ++pos;
    }
    if (pos >= n || bytes[std::size_t(pos)] != '[') return -1;
    return pos + 1;
}

std::int64_t JsonScanner::valueEnd(std::string_view bytes, std::int64_t pos)
{
    const char *data = bytes.data();
    const auto n = std::int64_t(bytes.size());
    std::int64_t i = pos;
    int depth = 0;
    for (; i < n; ++i) {
        const char c = data[i];
        if (c == '"') {
            for (++i; i < n && data[i] != '"'; ++i)
                if (data[i] == '\\') ++i;
            if (i >= n) return -1;
            if (depth == 0) return i + 1;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0) return i; // a scalar ended by its container's close
            if (--depth == 0) return i + 1;
        } else if (depth == 0 && (c == ',' || isSpace(c))) {
            return i;
        }
    }
    return depth == 0 ? n : -1;
}

std::int64_t JsonScanner::firstInvalidUtf8(std::string_view bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto n = std::int64_t(bytes.size());
    std::int64_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) len = 3, lo = 0xA0;
        else if (c == 0xED) len = 3, hi = 0x9F; // no UTF-16 surrogates
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) len = 4, lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) len = 4, hi = 0x8F;
        else return i;
        if (i + len > n) return i;
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (int k = 2; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return -1;
}

} // namespace sf
