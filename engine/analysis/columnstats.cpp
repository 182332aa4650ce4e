#include "analysis/columnstats.h"

#include "core/datememo.h"
#include "core/hash.h"
#include "core/valueparse.h"

#include <QDateTime>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace sf {

namespace {

constexpr std::int64_t kMsPerDay = 86400000;

// UTF-8 code points: every byte that is not a continuation byte starts one.
std::int64_t codePoints(std::string_view text)
{
    std::int64_t n = 0;
    for (char c : text)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// JSON has no inf/nan; they become null (and stay comparable: NaN != NaN would break equality).
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QVariant tableNumber(double v)
{
    return std::isfinite(v) ? QVariant(v) : QVariant();
}

const struct {
    const char *key;
    double q;
} kQuantiles[] = {{"p1", 0.01},  {"p5", 0.05},  {"p25", 0.25}, {"p50", 0.5},
                  {"p75", 0.75}, {"p95", 0.95}, {"p99", 0.99}};

} // namespace

void ColumnStats::addBoolBlock(const RecordBlock &block, int column)
{
    // Counted without a branch on the value: true and false at random would mispredict.
    std::int64_t trues = 0, falses = 0, others = 0;
    const int rows = block.rows();
    for (int r = 0; r < rows; ++r) {
        if (block.isNull(r, column)) {
            ++m_nulls;
            continue;
        }
        const BoolCode code = boolCode(block.field(r, column));
        trues += code == kBoolTrue;
        falses += code == kBoolFalse;
        others += code == kNotBool;
    }
    m_true += trues;
    m_false += falses;
    m_invalid += others;
    m_count += trues + falses;
}

[[gnu::always_inline]] inline void ColumnStats::addString(std::string_view text,
                                                           std::uint64_t hash)
{
    // Only counted here: lengths, min/max and the distinct count of the values the table keeps
    // are read off the table when the summary is asked for (stringSummary()), once per distinct
    // value of the whole column instead of once per distinct value of every chunk.
    ++m_count;
    if (TopValues::Counted *known = m_top.find(text, hash)) {
        ++known->count;
        return;
    }
    if (!m_top.admit(text, hash)) addKeptOut(text, hash, 1);
}

void ColumnStats::TextSummary::add(std::string_view text, std::int64_t occurrences)
{
    const std::int64_t len = codePoints(text);
    lenSum += occurrences * len;
    if (count == 0) {
        min.assign(text);
        max.assign(text);
        lenMin = lenMax = len;
    } else {
        // Assigning only when an extreme moves keeps this free of allocation most of the time.
        if (text < std::string_view(min)) min.assign(text);
        if (text > std::string_view(max)) max.assign(text);
        lenMin = std::min(lenMin, len);
        lenMax = std::max(lenMax, len);
    }
    count += occurrences;
}

void ColumnStats::TextSummary::merge(const TextSummary &o)
{
    if (o.count == 0) return;
    if (count == 0) {
        *this = o;
        return;
    }
    if (o.min < min) min = o.min;
    if (o.max > max) max = o.max;
    lenMin = std::min(lenMin, o.lenMin);
    lenMax = std::max(lenMax, o.lenMax);
    lenSum += o.lenSum;
    count += o.count;
}

void ColumnStats::addKeptOut(std::string_view text, std::uint64_t hash, std::int64_t count)
{
    m_keptOut.add(text, count);
    m_distinct.add(hash);
}

ColumnStats::TextSummary ColumnStats::stringSummary() const
{
    TextSummary s = m_keptOut;
    m_top.forEach([&s](std::string_view value, std::uint64_t, std::int64_t count) { s.add(value, count); });
    return s;
}

void ColumnStats::addText(std::string_view text)
{
    if (m_type == ColumnType::String) {
        addString(text, hashBytes(text));
        return;
    }
    // The other types have block paths only: one value is a block of one row.
    RecordBlock one;
    one.reset(1);
    one.rowFields()[0] = text;
    one.rowNulls()[0] = 0;
    one.commitRow(1);
    addBlock(one, 0);
}

// Numeric and date columns in two steps: parse the block's values into an array, then feed
// each accumulator in a loop of its own, so every loop keeps one accumulator's state in
// registers. Each accumulator sees the values in the same order as value by value.
template <class T, class Parse>
int ColumnStats::parseColumn(const RecordBlock &block, int column, T *values, Parse parse)
{
    int n = 0;
    const int rows = block.rows();
    for (int r = 0; r < rows; ++r) {
        if (block.isNull(r, column))
            ++m_nulls;
        else if (parse(block.field(r, column), &values[n]))
            ++n;
        else
            ++m_invalid;
    }
    return n;
}

void ColumnStats::widenRange(const std::int64_t *values, int n)
{
    std::int64_t lo = m_count == 0 ? values[0] : m_intMin;
    std::int64_t hi = m_count == 0 ? values[0] : m_intMax;
    for (int i = 0; i < n; ++i) {
        lo = std::min(lo, values[i]);
        hi = std::max(hi, values[i]);
    }
    m_intMin = lo;
    m_intMax = hi;
}

void ColumnStats::addIntBlock(const RecordBlock &block, int column)
{
    std::int64_t values[RecordBlock::kMaxRows];
    const int n = parseColumn(block, column, values, parseInt64);
    if (n == 0) return;
    widenRange(values, n);
    m_count += n;
    for (int i = 0; i < n; ++i)
        m_distinct.add(hashU64(std::uint64_t(values[i])));
    m_moments.addIntegers(values, n);
    double asDouble[RecordBlock::kMaxRows];
    for (int i = 0; i < n; ++i)
        asDouble[i] = double(values[i]);
    m_quantiles.addBlock(asDouble, n);
}

void ColumnStats::addDoubleBlock(const RecordBlock &block, int column)
{
    double values[RecordBlock::kMaxRows];
    const int parsed = parseColumn(block, column, values, parseDouble);
    int n = 0;
    for (int i = 0; i < parsed; ++i) {
        if (std::isnan(values[i]))
            ++m_nulls; // pandas reads any NaN as missing
        else
            values[n++] = values[i];
    }
    m_count += n;
    for (int i = 0; i < n; ++i)
        m_distinct.add(hashDouble(values[i]));
    for (int i = 0; i < n; ++i)
        m_moments.add(values[i]);
    m_quantiles.addBlock(values, n);
}

void ColumnStats::addDateTimeBlock(const RecordBlock &block, int column)
{
    // One memo per worker thread, kept across its tasks (a pure function's cache: the values
    // are parseDateTime's whichever thread parses).
    static thread_local DateMemo memo;
    DateMemo &dates = memo;
    std::int64_t values[RecordBlock::kMaxRows]; // ms since the epoch
    const int n = parseColumn(block, column, values, [&dates](std::string_view text, std::int64_t *ms) {
        return dates.parse(text, ms);
    });
    if (n == 0) return;
    widenRange(values, n);
    bool midnight = m_allMidnight;
    for (int i = 0; i < n; ++i)
        midnight = midnight && values[i] % kMsPerDay == 0;
    m_allMidnight = midnight;
    m_count += n;
    for (int i = 0; i < n; ++i)
        m_distinct.add(hashU64(std::uint64_t(values[i])));
}

void ColumnStats::addStringBlock(const RecordBlock &block, int column)
{
    // Hash the block's values first, then look them up with the slot of the value kAhead
    // places on already requested: once the table outgrows the caches the lookups overlap
    // their waits (a burst of 256 prefetches would mostly be dropped).
    std::string_view texts[RecordBlock::kMaxRows];
    std::uint64_t hashes[RecordBlock::kMaxRows];
    int n = 0;
    const int rows = block.rows();
    for (int r = 0; r < rows; ++r) {
        if (block.isNull(r, column))
            ++m_nulls;
        else
            texts[n++] = block.field(r, column);
    }
    constexpr int kAhead = int(TopValues::kPrefetchAhead);
    for (int i = 0; i < n; ++i)
        hashes[i] = hashBytes(texts[i]);
    for (int i = 0; i < std::min(n, kAhead); ++i)
        m_top.prefetch(hashes[i]);
    for (int i = 0; i < n; ++i) {
        if (i + kAhead < n) m_top.prefetch(hashes[i + kAhead]);
        addString(texts[i], hashes[i]);
    }
}

void ColumnStats::addBlock(const RecordBlock &block, int column)
{
    // One dispatch per column and block: the loops below inline their type's add.
    switch (m_type) {
    case ColumnType::Int64: addIntBlock(block, column); return;
    case ColumnType::Double: addDoubleBlock(block, column); return;
    case ColumnType::Bool: addBoolBlock(block, column); return;
    case ColumnType::DateTime: addDateTimeBlock(block, column); return;
    case ColumnType::String: addStringBlock(block, column); return;
    }
}

void ColumnStats::applyHint(const Hint &hint)
{
    if (m_type == ColumnType::String) m_top.reserve(hint.tableValues);
    if (hint.distinctPastExact) m_distinct.skipExact();
}

ColumnStats::Hint ColumnStats::hint() const
{
    return Hint{m_type == ColumnType::String ? m_top.distinct() : 0, !m_distinct.isExact()};
}

void ColumnStats::merge(const ColumnStats &o)
{
    if (o.m_count > 0) {
        const bool first = m_count == 0;
        if (first || o.m_intMin < m_intMin) m_intMin = o.m_intMin;
        if (first || o.m_intMax > m_intMax) m_intMax = o.m_intMax;
    }
    if (m_type == ColumnType::String) {
        // Values the cap keeps out of this table join the kept-out summary, then the other's.
        m_top.merge(o.m_top, [this](std::string_view value, std::uint64_t hash, std::int64_t count) {
            addKeptOut(value, hash, count);
        });
        m_keptOut.merge(o.m_keptOut);
    }
    m_count += o.m_count;
    m_nulls += o.m_nulls;
    m_invalid += o.m_invalid;
    m_distinct.merge(o.m_distinct);
    m_moments.merge(o.m_moments);
    m_quantiles.merge(o.m_quantiles);
    m_allMidnight = m_allMidnight && o.m_allMidnight;
    m_true += o.m_true;
    m_false += o.m_false;
}

std::int64_t ColumnStats::distinct() const
{
    switch (m_type) {
    case ColumnType::Bool: return (m_true > 0) + (m_false > 0);
    case ColumnType::String: {
        // The exact counts know the exact answer unless they hit their cap; then the sketch of
        // the values kept out, joined by the hashes of those kept.
        if (!m_top.isApproximate()) return std::int64_t(m_top.distinct());
        DistinctSketch all = m_distinct;
        m_top.forEach([&all](std::string_view, std::uint64_t hash, std::int64_t) { all.add(hash); });
        return std::min(all.count(), m_count);
    }
    default: break;
    }
    // An estimate can overshoot; there cannot be more distinct values than values.
    return std::min(m_distinct.count(), m_count);
}

QString ColumnStats::dateTimeText(std::int64_t ms) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (m_allMidnight) return t.date().toString(Qt::ISODate);
    return t.toString(ms % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QJsonValue ColumnStats::minJson(const TextSummary &strings) const
{
    switch (m_type) {
    case ColumnType::Int64: return QJsonValue(qint64(m_intMin));
    case ColumnType::Double: return number(m_quantiles.min());
    case ColumnType::DateTime: return dateTimeText(m_intMin);
    case ColumnType::String: return QString::fromUtf8(strings.min.data(), qsizetype(strings.min.size()));
    case ColumnType::Bool: break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue ColumnStats::maxJson(const TextSummary &strings) const
{
    switch (m_type) {
    case ColumnType::Int64: return QJsonValue(qint64(m_intMax));
    case ColumnType::Double: return number(m_quantiles.max());
    case ColumnType::DateTime: return dateTimeText(m_intMax);
    case ColumnType::String: return QString::fromUtf8(strings.max.data(), qsizetype(strings.max.size()));
    case ColumnType::Bool: break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonObject ColumnStats::toJson(const QString &name) const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("type"), columnTypeName(m_type));
    o.insert(QStringLiteral("count"), qint64(m_count));
    o.insert(QStringLiteral("nulls"), qint64(m_nulls));
    o.insert(QStringLiteral("invalid"), qint64(m_invalid));
    o.insert(QStringLiteral("distinct"), qint64(distinct()));
    const TextSummary strings = m_type == ColumnType::String ? stringSummary() : TextSummary();
    if (m_count > 0 && m_type != ColumnType::Bool) {
        o.insert(QStringLiteral("min"), minJson(strings));
        o.insert(QStringLiteral("max"), maxJson(strings));
    }
    const bool numeric = m_type == ColumnType::Int64 || m_type == ColumnType::Double;
    if (numeric && m_count > 0) {
        const double sum = m_moments.sum();
        // Integer columns keep an integer sum while it is exactly representable.
        if (m_type == ColumnType::Int64 && std::fabs(sum) < 0x1p53)
            o.insert(QStringLiteral("sum"), qint64(sum));
        else
            o.insert(QStringLiteral("sum"), number(sum));
        o.insert(QStringLiteral("mean"), number(m_moments.mean()));
        o.insert(QStringLiteral("std"), number(m_moments.stddev(1)));
        QJsonObject q;
        for (const auto &k : kQuantiles)
            q.insert(QLatin1String(k.key), number(m_quantiles.quantile(k.q)));
        o.insert(QStringLiteral("quantiles"), q);
        const Histogram h = m_quantiles.histogram(kHistogramBins);
        if (!h.counts.empty()) {
            QJsonArray edges, counts;
            for (double e : h.edges)
                edges.append(e);
            for (std::int64_t c : h.counts)
                counts.append(qint64(c));
            o.insert(QStringLiteral("histogram"), QJsonObject{{QStringLiteral("edges"), edges},
                                                              {QStringLiteral("counts"), counts}});
        }
    }
    if (m_type == ColumnType::Bool && m_count > 0) {
        // Count descending, value ascending (false before true).
        const bool trueFirst = m_true > m_false;
        QJsonArray top;
        for (bool v : {trueFirst, !trueFirst}) {
            const std::int64_t c = v ? m_true : m_false;
            if (c > 0)
                top.append(QJsonObject{{QStringLiteral("value"), v},
                                       {QStringLiteral("count"), qint64(c)}});
        }
        o.insert(QStringLiteral("top"), top);
    }
    if (m_type == ColumnType::String && m_count > 0) {
        QJsonArray top;
        for (const auto &[value, count] : m_top.top(kTopCount))
            top.append(QJsonObject{
                {QStringLiteral("value"), QString::fromUtf8(value.data(), qsizetype(value.size()))},
                {QStringLiteral("count"), qint64(count)}});
        o.insert(QStringLiteral("top"), top);
        if (m_top.isApproximate()) o.insert(QStringLiteral("approximate"), true);
        o.insert(QStringLiteral("length"),
                 QJsonObject{{QStringLiteral("min"), qint64(strings.lenMin)},
                             {QStringLiteral("max"), qint64(strings.lenMax)},
                             {QStringLiteral("mean"), double(strings.lenSum) / double(m_count)}});
    }
    return o;
}

QVariantList ColumnStats::tableRow(const QString &name) const
{
    QVariantList row{name, columnTypeName(m_type), qint64(m_count), qint64(m_nulls),
                     qint64(distinct())};
    const bool hasRange = m_count > 0 && m_type != ColumnType::Bool;
    const TextSummary strings =
        hasRange && m_type == ColumnType::String ? stringSummary() : TextSummary();
    row << (hasRange ? minJson(strings).toVariant() : QVariant())
        << (hasRange ? maxJson(strings).toVariant() : QVariant());
    const bool numeric =
        (m_type == ColumnType::Int64 || m_type == ColumnType::Double) && m_count > 0;
    row << (numeric ? tableNumber(m_moments.mean()) : QVariant())
        << (numeric ? tableNumber(m_moments.stddev(1)) : QVariant())
        << (numeric ? tableNumber(m_quantiles.quantile(0.5)) : QVariant());
    return row;
}

} // namespace sf
