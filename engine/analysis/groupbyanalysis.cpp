#include "analysis/groupbyanalysis.h"

#include "analysis/expressionnames.h"
#include "analysis/expressionvalue.h"
#include "analysis/groupbytable.h"
#include "core/hash.h"
#include "core/prefault.h"
#include "data/recordblock.h"
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace sf {

namespace {

using Fn = GroupByAnalysis::Aggregate::Fn;

struct GroupByPartial : Partial {
    explicit GroupByPartial(std::vector<GroupAggregate::Fn> fns)
        : groups(std::move(fns))
    {}
    GroupTable groups;
};

QString keyText(const Value &k)
{
    return QString::fromUtf8(k.s.data(), qsizetype(k.s.size()));
}

// The group order of one key column of integers (nulls first, then by value): groups keyed by
// ids or counts number in the millions, and through compareValues their sort took 120 ms of
// a 1.5-million-group run; keys already in order (ids, days of a log: groups are numbered in
// the order their keys first appear) are found so in one pass. False, with `order` untouched,
// when the keys are anything else.
bool sortedAsIntegers(const std::vector<Value> &keys, std::size_t width,
                      std::vector<std::uint32_t> &order)
{
    if (width != 1) return false;
    std::vector<std::pair<std::int64_t, std::uint32_t>> ints;
    reserveHuge(ints, keys.size());
    std::vector<std::uint32_t> nulls; // one group at most: null keys are equal
    for (std::uint32_t g = 0; g < keys.size(); ++g) {
        if (keys[g].kind == Value::Kind::Int)
            ints.emplace_back(keys[g].i, g);
        else if (keys[g].kind == Value::Kind::Null)
            nulls.push_back(g);
        else
            return false;
    }
    // Keys are distinct, so the pairs' order is the keys' order.
    if (!std::is_sorted(ints.begin(), ints.end())) std::sort(ints.begin(), ints.end());
    std::copy(nulls.begin(), nulls.end(), order.begin());
    for (std::size_t i = 0; i < ints.size(); ++i)
        order[nulls.size() + i] = ints[i].second;
    return true;
}

QVariant keyVariant(const Value &k)
{
    switch (k.kind) {
    case Value::Kind::Null: return QVariant();
    case Value::Kind::Bool: return k.b;
    case Value::Kind::Int: return qlonglong(k.i);
    case Value::Kind::Double: return k.d;
    case Value::Kind::DateTime:
    case Value::Kind::String: break;
    }
    return keyText(k);
}

bool parseSpec(const QString &spec, GroupByAnalysis::Aggregate *out, QString *error)
{
    static const struct {
        const char *name;
        Fn fn;
    } functions[] = {{"count", Fn::CountColumn}, {"sum", Fn::Sum}, {"mean", Fn::Mean},
                     {"min", Fn::Min},           {"max", Fn::Max}, {"std", Fn::Std}};
    out->spec = spec;
    const QString trimmed = spec.trimmed();
    if (trimmed == QLatin1String("count")) {
        out->fn = Fn::Count;
        return true;
    }
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    const QString fn = colon < 0 ? trimmed : trimmed.left(colon);
    for (const auto &f : functions) {
        if (fn != QLatin1String(f.name)) continue;
        out->fn = f.fn;
        out->columnName = colon < 0 ? QString() : trimmed.mid(colon + 1);
        if (out->columnName.isEmpty()) {
            *error = QStringLiteral("groupby: %1 needs a column, as %1:COLUMN").arg(fn);
            return false;
        }
        return true;
    }
    *error = QStringLiteral("groupby: unknown aggregate '%1' (expected count, count:COL, sum:COL, "
                            "mean:COL, min:COL, max:COL or std:COL)")
                 .arg(spec);
    return false;
}

} // namespace

GroupByAnalysis::GroupByAnalysis(const AnalysisOptions &options)
    : m_by(options.groupBy)
    , m_specs(options.aggregates)
{
    if (m_specs.isEmpty()) m_specs.append(QStringLiteral("count"));
}

bool GroupByAnalysis::validate(const AnalysisOptions &options, QString *error)
{
    if (options.groupBy.isEmpty()) {
        *error = QStringLiteral("groupby needs --by (one or more key columns)");
        return false;
    }
    for (qsizetype i = 0; i < options.groupBy.size(); ++i) {
        if (options.groupBy[i].isEmpty()) {
            *error = QStringLiteral("groupby: an empty column name in --by");
            return false;
        }
        if (options.groupBy.indexOf(options.groupBy[i]) != i) {
            *error =
                QStringLiteral("groupby: column '%1' given twice in --by").arg(options.groupBy[i]);
            return false;
        }
    }
    for (const QString &spec : options.aggregates) {
        Aggregate a;
        if (!parseSpec(spec, &a, error)) return false;
        if (options.aggregates.count(spec) > 1) {
            *error = QStringLiteral("groupby: aggregate '%1' given twice").arg(spec);
            return false;
        }
    }
    return true;
}

bool GroupByAnalysis::prepare(const Schema &schema, QString *error)
{
    m_schema = schema;
    m_keyColumns.clear();
    m_aggregates.clear();
    m_fns.clear();
    m_spareTables.clear(); // their states were made for the functions being replaced
    for (const QString &name : m_by) {
        const int index = schema.indexOf(name);
        if (index < 0) {
            *error = QStringLiteral("groupby: ") + unknownColumnMessage(name, schema);
            return false;
        }
        m_keyColumns.push_back(index);
    }
    for (const QString &spec : m_specs) {
        Aggregate a;
        if (!parseSpec(spec, &a, error)) return false;
        if (a.fn != Aggregate::Fn::Count) {
            a.column = schema.indexOf(a.columnName);
            if (a.column < 0) {
                *error = QStringLiteral("groupby: ") + unknownColumnMessage(a.columnName, schema);
                return false;
            }
            const ColumnType type = schema.columns[a.column].type;
            a.intColumn = type == ColumnType::Int64;
            if (a.fn != Aggregate::Fn::CountColumn && type != ColumnType::Int64 &&
                type != ColumnType::Double) {
                *error =
                    QStringLiteral("groupby: cannot compute %1 of column '%2': it is %3, not a "
                                   "number")
                        .arg(spec.section(QLatin1Char(':'), 0, 0).trimmed(), a.columnName,
                             columnTypeName(type));
                return false;
            }
        }
        if (a.fn != Aggregate::Fn::Count) {
            a.state = int(m_fns.size());
            m_fns.push_back(a.fn);
        }
        m_aggregates.push_back(a);
    }
    return true;
}

std::unique_ptr<Partial> GroupByAnalysis::createPartial() const
{
    auto partial = std::make_unique<GroupByPartial>(m_fns);
    if (auto spare = m_spareTables.take()) partial->groups = std::move(*spare);
    return partial;
}

void GroupByAnalysis::process(Partial &partial, TaskInput &input) const
{
    GroupTable &groups = static_cast<GroupByPartial &>(partial).groups;
    // A quarter more than the last chunk had: a chunk with a few more keys than that one must
    // not double every array (the larger blocks come fresh from mmap and fault page by page).
    const std::size_t hint = m_groupsHint.load(std::memory_order_relaxed);
    if (groups.size() == 0) groups.reserve(hint + hint / 4);
    RecordReader &reader = *input.reader;
    const std::size_t width = m_keyColumns.size();
    // A block of records at a time: first every row's key and hash (each row's table slot
    // fetched ahead), then every row's group, then each aggregate down the block's column.
    RecordBlock block;
    std::vector<Value> keyValues(RecordBlock::kMaxRows * width);
    std::string keys;
    std::vector<std::size_t> keyEnds(RecordBlock::kMaxRows);
    std::vector<std::uint64_t> hashes(RecordBlock::kMaxRows);
    std::vector<std::uint32_t> rowGroups(RecordBlock::kMaxRows);
    std::int64_t rows = 0;
    while (reader.nextBlock(block, int(m_schema.size()))) {
        const int n = block.rows();
        keys.clear();
        for (int r = 0; r < n; ++r) {
            const std::size_t begin = keys.size();
            for (std::size_t k = 0; k < width; ++k) {
                const int c = m_keyColumns[k];
                Value &v = keyValues[std::size_t(r) * width + k];
                v = GroupTable::canonicalKey(Value::fromField(block.field(r, c), block.isNull(r, c),
                                                              m_schema.columns[c].type));
                GroupTable::encode(keys, v);
            }
            keyEnds[std::size_t(r)] = keys.size();
            hashes[std::size_t(r)] =
                hashBytes(std::string_view(keys).substr(begin, keys.size() - begin));
            groups.prefetch(hashes[std::size_t(r)]);
        }
        std::size_t begin = 0;
        for (int r = 0; r < n; ++r) {
            const std::size_t end = keyEnds[std::size_t(r)];
            const std::span<const Value> values(keyValues.data() + std::size_t(r) * width, width);
            const std::uint32_t g = groups.findOrAdd(
                std::string_view(keys).substr(begin, end - begin), hashes[std::size_t(r)], values);
            rowGroups[std::size_t(r)] = g;
            ++groups.count(g);
            begin = end;
        }
        for (const Aggregate &agg : m_aggregates)
            if (agg.state >= 0) addColumn(groups, agg, block, rowGroups.data());
        rows += n;
        if (rows >= 4096) {
            rows = 0;
            if (!input.context.checkpoint(reader.rowsConsumed(), reader.bytesConsumed())) return;
        }
    }
    m_groupsHint.store(groups.size(), std::memory_order_relaxed);
    input.context.checkpoint(reader.rowsConsumed(), reader.bytesConsumed());
}

void GroupByAnalysis::addColumn(GroupTable &groups, const Aggregate &agg, const RecordBlock &block,
                                const std::uint32_t *rowGroups) const
{
    const auto a = std::size_t(agg.state);
    const int c = agg.column;
    const ColumnType type = m_schema.columns[c].type;
    for (int r = 0; r < block.rows(); ++r) {
        if (block.isNull(r, c)) continue;
        GroupAggregate &state = groups.aggregates(rowGroups[r])[a];
        if (agg.fn == Fn::CountColumn) {
            state.addPresent();
            continue;
        }
        const Value v = Value::fromField(block.field(r, c), false, type);
        if (!v.isNumber() || std::isnan(v.number())) continue; // unparsable or NaN: missing
        state.addNumber(v.number(), v.kind == Value::Kind::Int, v.i);
    }
}

void GroupByAnalysis::merge(Partial &acc, Partial &later) const
{
    GroupTable &from = static_cast<GroupByPartial &>(later).groups;
    static_cast<GroupByPartial &>(acc).groups.merge(from);
    m_spareTables.give(std::move(from)); // leaves an empty table without states
}

AnalysisResult GroupByAnalysis::finalize(Partial &merged) const
{
    const GroupTable &groups = static_cast<GroupByPartial &>(merged).groups;
    const std::size_t n = groups.size();
    const std::size_t width = m_keyColumns.size();
    std::vector<Value> keys; // group g's key values at [g * width, (g + 1) * width)
    reserveHuge(keys, n * width);
    std::vector<std::uint32_t> order;
    reserveHuge(order, n);
    order.resize(n);
    for (std::uint32_t g = 0; g < n; ++g) {
        groups.keyValues(g, keys);
        order[g] = g;
    }
    if (!sortedAsIntegers(keys, width, order))
        std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
            for (std::size_t k = 0; k < width; ++k)
                if (const int c = compareValues(keys[x * width + k], keys[y * width + k]))
                    return c < 0;
            return false;
        });

    AnalysisResult result;
    result.table.columns = m_by + m_specs;
    result.table.reserveRows(qsizetype(n));
    for (const std::uint32_t g : order) {
        QVariant *cell = result.table.appendRow();
        for (qsizetype k = 0; k < m_by.size(); ++k)
            *cell++ = keyVariant(keys[g * width + std::size_t(k)]);
        const std::span<const GroupAggregate> states = groups.aggregates(g);
        for (const Aggregate &agg : m_aggregates)
            *cell++ = agg.state < 0 ? QVariant(qlonglong(groups.count(g)))
                                    : states[std::size_t(agg.state)].value(groups.count(g),
                                                                           agg.intColumn);
    }
    result.json.insert(QStringLiteral("by"), QJsonArray::fromStringList(m_by));
    result.json.insert(QStringLiteral("aggregates"), QJsonArray::fromStringList(m_specs));
    // "groups": [{"key": {column: value, …}, "values": {aggregate: value, …}}, …], written
    // from the table (export/resultdocument.h).
    result.rows.key = QStringLiteral("groups");
    result.rows.nests = {{QStringLiteral("key"), int(m_by.size())},
                         {QStringLiteral("values"), int(m_specs.size())}};
    return result;
}

} // namespace sf
