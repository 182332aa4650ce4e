#include "data/csvrecordparser.h"

#include "data/csvscan.h"

namespace sf::csv {

void RecordParser::parse(const char *p, const char *e, ParsedRecord *out)
{
    if (!parseUnquoted(p, e, out)) parseGeneral(p, e, out);
}

bool RecordParser::parseUnquoted(const char *p, const char *e, ParsedRecord *out)
{
    // Records follow each other, so the block holding this record's start was usually
    // masked for the previous record already: each byte is masked once.
    const char *block = m_block;
    if (block == nullptr || p < block || p >= block + 64 || e != m_blockEnd) {
        if (e - p < 64) return false;
        block = p;
        m_masks = blockMasks(block, m_delimiter, m_quote);
        m_block = block;
        m_blockEnd = e;
    }
    BlockMasks m = m_masks;
    std::uint64_t from = ~std::uint64_t(0) << (p - block); // the bytes at or after p
    out->fields.clear();
    const char *fieldStart = p;
    std::uint64_t unusual = 0;
    for (;;) {
        const std::uint64_t stop = (m.quote | m.lineEnd) & from;
        const std::uint64_t first = stop & -stop;
        if (m.quote & first) return false; // a quote: the general grammar applies
        // Only the bytes before the record's end count: everything when it goes on.
        const std::uint64_t inRecord = (stop ? first - 1 : ~std::uint64_t(0)) & from;
        unusual |= m.unusual & inRecord;
        for (std::uint64_t d = m.delimiter & inRecord; d != 0; d &= d - 1) {
            const char *at = block + __builtin_ctzll(d);
            out->fields.emplace_back(fieldStart, std::size_t(at - fieldStart));
            fieldStart = at + 1;
        }
        if (stop) {
            const char *end = block + __builtin_ctzll(stop);
            out->fields.emplace_back(fieldStart, std::size_t(end - fieldStart));
            out->begin = p;
            out->end = end;
            out->innerLines = 0;
            out->problem = ParsedRecord::Problem::None;
            out->problemAt = nullptr;
            out->mayHaveBadBytes = unusual != 0;
            out->unquoted = true;
            return true;
        }
        block += 64;
        if (e - block < 64) return false;
        m = m_masks = blockMasks(block, m_delimiter, m_quote);
        m_block = block;
        from = ~std::uint64_t(0);
    }
}

void RecordParser::parseGeneral(const char *p, const char *e, ParsedRecord *out)
{
    out->mayHaveBadBytes = true;
    out->unquoted = false;
    m_scratch.clear();
    m_escaped.clear();
    out->fields.clear();
    out->begin = p;
    out->innerLines = 0;
    out->fieldStarts.clear();
    out->problem = ParsedRecord::Problem::None;
    out->problemAt = nullptr;
    auto noteProblem = [out](ParsedRecord::Problem problem, const char *at) {
        if (out->problem != ParsedRecord::Problem::None) return;
        out->problem = problem;
        out->problemAt = at;
    };
    const char d = m_delimiter;
    const char q = m_quote;
    for (;;) {
        out->fieldStarts.push_back(p);
        bool fieldDone = false;
        if (q != 0 && p < e && *p == q) {
            const char *open = p++;
            const char *segment = p;
            const std::size_t scratchStart = m_scratch.size();
            bool escaped = false;
            bool closed = false;
            for (;;) {
                const char *hit = findAny3(p, e, q, '\n', '\r');
                if (hit == e) {
                    noteProblem(ParsedRecord::Problem::Unterminated, open);
                    p = e;
                    break;
                }
                if (*hit == q) {
                    if (hit + 1 < e && hit[1] == q) {
                        // Unescape lazily: only fields that contain "" are copied.
                        m_scratch.append(segment, std::size_t(hit + 1 - segment));
                        escaped = true;
                        p = segment = hit + 2;
                        continue;
                    }
                    p = hit + 1;
                    closed = true;
                    break;
                }
                p = hit + ((*hit == '\r' && hit + 1 < e && hit[1] == '\n') ? 2 : 1);
                ++out->innerLines;
            }
            const char *contentEnd = closed ? p - 1 : e;
            if (escaped) {
                // The scratch buffer may still grow: point the view at it once the record is done.
                m_scratch.append(segment, std::size_t(contentEnd - segment));
                m_escaped.push_back({out->fields.size(), scratchStart});
                out->fields.emplace_back(nullptr, m_scratch.size() - scratchStart);
            } else {
                out->fields.emplace_back(segment, std::size_t(contentEnd - segment));
            }
            if (p == e || *p == '\n' || *p == '\r') {
                out->end = p;
                break;
            }
            if (*p == d) {
                ++p;
                continue;
            }
            // Text after the closing quote: read the rest of the field as unquoted, as the
            // index scan does, so both agree on where the record ends.
            noteProblem(ParsedRecord::Problem::TextAfterQuote, p);
            fieldDone = true;
        }
        const char *start = p;
        const char *hit = findAny3(p, e, d, '\n', '\r');
        if (!fieldDone) out->fields.emplace_back(start, std::size_t(hit - start));
        if (hit == e || *hit != d) {
            out->end = hit;
            break;
        }
        p = hit + 1;
    }
    for (const Escaped &x : m_escaped)
        out->fields[x.field] =
            std::string_view(m_scratch.data() + x.offset, out->fields[x.field].size());
}

} // namespace sf::csv
