#include "data/csvdialect.h"

#include "core/nulltokens.h"
#include "core/valueparse.h"
#include "data/csvrecordparser.h"
#include "data/csvscan.h"

#include <QSet>
#include <algorithm>
#include <cstring>
#include <map>
#include <vector>

namespace sf::csv {

namespace {

constexpr int kSampleRecords = 200;

bool looksUtf16WithoutBom(std::string_view s)
{
    // ASCII text in UTF-16 has a NUL in every other byte.
    const std::size_t n = std::min<std::size_t>(s.size(), 512) & ~std::size_t(1);
    if (n < 4) return false;
    std::size_t zeroEven = 0, zeroOdd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        zeroEven += s[i] == 0;
        zeroOdd += s[i + 1] == 0;
    }
    const std::size_t pairs = n / 2;
    return (zeroEven * 10 >= pairs * 4 && zeroOdd * 20 < pairs)
           || (zeroOdd * 10 >= pairs * 4 && zeroEven * 20 < pairs);
}

// From record ends only: line ends inside quoted fields are data, not the file's convention.
QString lineEndingOf(std::string_view sample, bool wholeFile, char delimiter, char quote)
{
    std::int64_t lf = 0, crlf = 0, cr = 0;
    const char *p = sample.data();
    const char *e = p + sample.size();
    for (int n = 0; p < e && n < 4 * kSampleRecords; ++n) {
        const RecordEnd end = findRecordEnd(p, e, delimiter, quote);
        if (end.end == e) break;
        const char *q = end.end;
        while (q < e && (*q == '\n' || *q == '\r')) {
            if (*q == '\n') {
                ++lf;
                ++q;
            } else if (q + 1 < e && q[1] == '\n') {
                ++crlf;
                q += 2;
            } else if (q + 1 < e || wholeFile) {
                ++cr; // a CR cut off by the sample's end may be half of a CRLF
                ++q;
            } else {
                ++q;
            }
        }
        p = q;
    }
    const int kinds = (lf > 0) + (crlf > 0) + (cr > 0);
    if (kinds > 1) return QStringLiteral("mixed");
    if (crlf > 0) return QStringLiteral("CRLF");
    if (cr > 0) return QStringLiteral("CR");
    return QStringLiteral("LF");
}

// Field counts of the sample's complete records (the last one counts only if the sample is the
// whole file), at most kSampleRecords.
std::vector<int> fieldCounts(std::string_view sample, bool wholeFile, char delimiter, char quote)
{
    std::vector<int> counts;
    RecordParser parser(delimiter, quote);
    ParsedRecord rec;
    const char *p = sample.data();
    const char *e = p + sample.size();
    std::int64_t line = 1;
    p = skipLineEnds(p, e, &line);
    while (p < e && int(counts.size()) < kSampleRecords) {
        parser.parse(p, e, &rec);
        if (rec.end == e && !wholeFile) break;
        counts.push_back(int(rec.fields.size()));
        p = skipLineEnds(rec.end, e, &line);
    }
    if (counts.empty() && p < e) { // one record longer than the sample: judge by its start
        parser.parse(p, e, &rec);
        counts.push_back(int(rec.fields.size()));
    }
    return counts;
}

struct Mode {
    int count = 0;
    double consistency = 0;
};

Mode modeOf(const std::vector<int> &counts)
{
    std::map<int, int> freq;
    for (int c : counts)
        ++freq[c];
    Mode m;
    int best = 0;
    for (const auto &[count, n] : freq) {
        if (n > best || (n == best && count > m.count)) {
            best = n;
            m.count = count;
        }
    }
    m.consistency = counts.empty() ? 0 : double(best) / double(counts.size());
    return m;
}

char sniffDelimiter(std::string_view sample, bool wholeFile, char quote)
{
    char best = ',';
    double bestScore = 0;
    int bestCount = 1;
    for (char c : {',', '\t', ';', '|'}) {
        const Mode m = modeOf(fieldCounts(sample, wholeFile, c, quote));
        if (m.count <= 1) continue;
        if (m.consistency > bestScore || (m.consistency == bestScore && m.count > bestCount)) {
            best = c;
            bestScore = m.consistency;
            bestCount = m.count;
        }
    }
    return best;
}

enum TypeBits { kNumber = 1, kOther = 2, kText = 4 };

int typeBitsOf(std::string_view text)
{
    double d;
    bool b;
    std::int64_t t;
    if (parseDouble(text, &d)) return kNumber;
    if (parseBool(text, &b) || parseDateTime(text, &t)) return kOther;
    return kText;
}

// A first row of names over typed data is a header; so is a first row whose texts are all
// distinct, non-empty and never repeated below (names, not values).
bool sniffHeader(const std::vector<std::vector<std::string>> &rows)
{
    if (rows.empty()) return false;
    const NullTokens nulls;
    const auto &first = rows.front();
    for (const auto &f : first)
        if (!f.empty() && typeBitsOf(f) != kText) return false;
    if (rows.size() == 1) return true;
    for (std::size_t col = 0; col < first.size(); ++col) {
        int bits = 0;
        for (std::size_t r = 1; r < rows.size(); ++r)
            if (col < rows[r].size() && !nulls.isNull(rows[r][col])) bits |= typeBitsOf(rows[r][col]);
        if (bits != 0 && (bits & kText) == 0) return true;
    }
    QSet<QByteArray> seen;
    for (std::size_t col = 0; col < first.size(); ++col) {
        const QByteArray name(first[col].data(), qsizetype(first[col].size()));
        if (name.isEmpty() || seen.contains(name)) return false;
        seen.insert(name);
        for (std::size_t r = 1; r < rows.size(); ++r)
            if (col < rows[r].size() && rows[r][col] == first[col]) return false;
    }
    return true;
}

} // namespace

QStringList uniqueColumnNames(const QStringList &names)
{
    QStringList out;
    QSet<QString> used;
    for (int i = 0; i < names.size(); ++i) {
        QString base = names[i];
        if (base.isEmpty()) base = QStringLiteral("col_%1").arg(i + 1);
        QString name = base;
        for (int k = 2; used.contains(name); ++k)
            name = base + QStringLiteral("_%1").arg(k);
        used.insert(name);
        out.append(name);
    }
    return out;
}

bool sniffDialect(std::string_view data, const SourceOptions &options, bool tsv, Dialect *out,
                  QString *error)
{
    auto fail = [error](const QString &reason) {
        *error = reason;
        return false;
    };
    if (data.size() >= 2
        && ((uchar(data[0]) == 0xFF && uchar(data[1]) == 0xFE)
            || (uchar(data[0]) == 0xFE && uchar(data[1]) == 0xFF)))
        return fail(QStringLiteral("UTF-16 text is not supported (convert the file to UTF-8)"));
    Dialect d;
    d.bom = data.size() >= 3 && uchar(data[0]) == 0xEF && uchar(data[1]) == 0xBB
            && uchar(data[2]) == 0xBF;
    const std::size_t bodyBegin = d.bom ? 3 : 0;
    const std::string_view body = data.substr(bodyBegin);
    const std::string_view sample = body.substr(0, kSniffBytes);
    const bool wholeFile = sample.size() == body.size();

    if (sample.find_first_not_of("\r\n") == std::string_view::npos)
        return fail(QStringLiteral("file is empty"));
    if (std::memchr(sample.data(), 0, sample.size())) {
        if (looksUtf16WithoutBom(sample))
            return fail(QStringLiteral("UTF-16 text is not supported (convert the file to UTF-8)"));
        return fail(QStringLiteral("binary data (NUL bytes), not delimited text"));
    }
    std::size_t control = 0;
    for (char c : sample) {
        const auto u = uchar(c);
        control += (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || u == 0x7F;
    }
    if (control * 10 > sample.size())
        return fail(QStringLiteral("binary data (%1% control characters), not delimited text")
                        .arg(control * 100 / sample.size()));

    d.quote = options.quote;
    if (options.delimiter != 0) d.delimiter = options.delimiter;
    else if (tsv) d.delimiter = '\t';
    else d.delimiter = sniffDelimiter(sample, wholeFile, d.quote);
    if (d.delimiter == '\n' || d.delimiter == '\r' || (d.quote != 0 && d.delimiter == d.quote))
        return fail(QStringLiteral("the delimiter cannot be a line end or the quote character"));
    d.lineEnding = lineEndingOf(sample, wholeFile, d.delimiter, d.quote);

    // The first record is read from the whole file: a header may be longer than the sample.
    RecordParser parser(d.delimiter, d.quote);
    ParsedRecord rec;
    const char *base = data.data();
    const char *e = base + data.size();
    std::int64_t line = 1;
    const char *p = skipLineEnds(base + bodyBegin, e, &line);
    const std::int64_t firstLine = line;
    parser.parse(p, e, &rec);
    std::vector<std::vector<std::string>> rows;
    rows.emplace_back(rec.fields.begin(), rec.fields.end());
    const ParsedRecord::Problem firstProblem = rec.problem;
    const char *firstProblemAt = rec.problemAt;
    const char *firstEnd = rec.end;
    const std::int64_t firstInner = rec.innerLines;
    {
        const char *s = skipLineEnds(firstEnd, e, &line);
        const char *sampleEnd = base + bodyBegin + sample.size();
        std::int64_t l = line;
        while (s < sampleEnd && int(rows.size()) <= kSampleRecords) {
            parser.parse(s, sampleEnd, &rec);
            if (rec.end == sampleEnd && !wholeFile) break;
            rows.emplace_back(rec.fields.begin(), rec.fields.end());
            s = skipLineEnds(rec.end, sampleEnd, &l);
        }
    }
    switch (options.header) {
    case SourceOptions::Header::Yes: d.header = true; break;
    case SourceOptions::Header::No: d.header = false; break;
    case SourceOptions::Header::Auto: d.header = sniffHeader(rows); break;
    }

    if (d.header) {
        if (firstProblem == ParsedRecord::Problem::Unterminated) {
            const Location loc = locate(p, firstLine, firstProblemAt);
            return fail(QStringLiteral("line %1, column %2: unterminated quoted field in the header")
                            .arg(loc.line)
                            .arg(loc.column));
        }
        QStringList names;
        for (const auto &f : rows.front())
            names.append(QString::fromUtf8(f.data(), qsizetype(f.size())));
        d.columnNames = uniqueColumnNames(names);
        d.fieldCount = int(names.size());
        std::int64_t dataLine = firstLine + firstInner;
        d.dataBegin = skipLineEnds(firstEnd, e, &dataLine) - base;
        d.dataLine = dataLine;
    } else {
        std::vector<int> counts;
        for (const auto &r : rows)
            counts.push_back(int(r.size()));
        d.fieldCount = modeOf(counts).count;
        for (int i = 0; i < d.fieldCount; ++i)
            d.columnNames.append(QStringLiteral("column_%1").arg(i + 1));
        d.dataBegin = p - base;
        d.dataLine = firstLine;
    }
    *out = d;
    return true;
}

} // namespace sf::csv
