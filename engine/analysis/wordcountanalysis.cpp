#include "analysis/wordcountanalysis.h"
#include "analysis/expressionnames.h"
#include "core/hash.h"
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringView>
#include <algorithm>
#include <vector>

namespace sf {

namespace {

struct WordCountPartial : Partial {
    ByteKeyTable<std::int64_t> counts;
    std::int64_t total = 0;
};

bool isTermChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

} // namespace

void WordCountAnalysis::tokenizeUnicode(std::string_view text, std::string &scratch,
                                        void (*sink)(void *, std::string_view), void *context)
{
    const QString s = QString::fromUtf8(text.data(), qsizetype(text.size()));
    qsizetype start = -1;
    auto flush = [&](qsizetype end) {
        if (start < 0) return;
        const QByteArray lower =
            QStringView(s).mid(start, end - start).toString().toLower().toUtf8();
        scratch.assign(lower.constData(), std::size_t(lower.size()));
        sink(context, scratch);
        start = -1;
    };
    qsizetype i = 0;
    while (i < s.size()) {
        char32_t c = s[i].unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(s[i], s[i + 1]);
            width = 2;
        }
        if (isTermChar(c)) {
            if (start < 0) start = i;
        } else {
            flush(i);
        }
        i += width;
    }
    flush(s.size());
}

WordCountAnalysis::WordCountAnalysis(const AnalysisOptions &options)
    : m_column(options.column)
    , m_top(options.top)
{}

bool WordCountAnalysis::validate(const AnalysisOptions &options, QString *error)
{
    if (options.top < 1) {
        *error = QStringLiteral("wordcount: --top must be at least 1, not %1").arg(options.top);
        return false;
    }
    return true;
}

bool WordCountAnalysis::prepare(const Schema &schema, QString *error)
{
    m_columnIndex = -1;
    if (m_column.isEmpty()) return true;
    m_columnIndex = schema.indexOf(m_column);
    if (m_columnIndex < 0) {
        *error = QStringLiteral("wordcount: ") + unknownColumnMessage(m_column, schema);
        return false;
    }
    return true;
}

std::unique_ptr<Partial> WordCountAnalysis::createPartial() const
{
    return std::make_unique<WordCountPartial>();
}

void WordCountAnalysis::process(Partial &partial, TaskInput &input) const
{
    auto &p = static_cast<WordCountPartial &>(partial);
    if (p.counts.empty()) {
        if (auto spare = m_spareTables.take()) p.counts = std::move(*spare);
        p.counts.reserve(m_termsHint.load(std::memory_order_relaxed));
    }
    auto count = [&p](std::string_view term) {
        ++p.total;
        const std::uint64_t hash = hashBytes(term);
        if (std::int64_t *n = p.counts.find(term, hash))
            ++*n;
        else
            p.counts.insert(term, hash, 1);
    };
    std::string scratch;
    Record record;
    std::int64_t rows = 0;
    const auto column = std::size_t(m_columnIndex);
    while (input.reader->next(record)) {
        if (m_columnIndex < 0)
            tokenize(record.raw, scratch, count);
        else if (column < record.fields.size() && !record.isNull(column))
            tokenize(record.fields[column], scratch, count);
        if (++rows % 4096 == 0 &&
            !input.context.checkpoint(input.reader->rowsConsumed(), input.reader->bytesConsumed()))
            return;
    }
    m_termsHint.store(p.counts.size(), std::memory_order_relaxed);
    input.context.checkpoint(input.reader->rowsConsumed(), input.reader->bytesConsumed());
}

void WordCountAnalysis::merge(Partial &acc, Partial &later) const
{
    auto &a = static_cast<WordCountPartial &>(acc);
    auto &b = static_cast<WordCountPartial &>(later);
    a.total += b.total;
    if (a.counts.empty()) {
        a.counts = std::move(b.counts);
        return;
    }
    b.counts.forEach([&a](std::string_view term, std::uint64_t hash, std::int64_t n) {
        if (std::int64_t *into = a.counts.find(term, hash))
            *into += n;
        else
            a.counts.insert(term, hash, n);
    });
    b.counts.clear();
    m_spareTables.give(std::move(b.counts));
}

AnalysisResult WordCountAnalysis::finalize(Partial &merged) const
{
    auto &p = static_cast<WordCountPartial &>(merged);
    using Entry = std::pair<std::string_view, std::int64_t>;
    std::vector<Entry> entries;
    entries.reserve(p.counts.size());
    p.counts.forEach([&entries](std::string_view term, std::uint64_t, std::int64_t n) {
        entries.emplace_back(term, n);
    });
    const auto top = std::min(entries.size(), std::size_t(m_top));
    std::partial_sort(entries.begin(), entries.begin() + std::ptrdiff_t(top), entries.end(),
                      [](const Entry &x, const Entry &y) {
                          return x.second != y.second ? x.second > y.second : x.first < y.first;
                      });
    AnalysisResult result;
    result.table.columns = {QStringLiteral("term"), QStringLiteral("count")};
    QJsonArray terms;
    for (std::size_t i = 0; i < top; ++i) {
        const QString term =
            QString::fromUtf8(entries[i].first.data(), qsizetype(entries[i].first.size()));
        terms.append(QJsonObject{{QStringLiteral("term"), term},
                                 {QStringLiteral("count"), qint64(entries[i].second)}});
        result.table.appendRow({term, qlonglong(entries[i].second)});
    }
    result.json.insert(QStringLiteral("column"), m_column);
    result.json.insert(QStringLiteral("terms"), terms);
    result.json.insert(QStringLiteral("total_terms"), qint64(p.total));
    result.json.insert(QStringLiteral("distinct_terms"), qint64(p.counts.size()));
    return result;
}

} // namespace sf
