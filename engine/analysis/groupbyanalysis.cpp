#include "analysis/groupbyanalysis.h"
#include "analysis/expressionnames.h"
#include "analysis/expressionvalue.h"
#include "analysis/groupbyhash.h"
#include "core/exactsum.h"
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace sf {

namespace {

using Fn = GroupByAnalysis::Aggregate::Fn;

// One key value of a group, owning its text (a Value would view into the reader's buffer).
struct KeyPart {
    Value::Kind kind = Value::Kind::Null;
    bool b = false;
    std::int64_t i = 0;
    double d = 0;
    std::string s;

    static KeyPart from(const Value &v)
    {
        KeyPart k;
        k.kind = v.kind;
        k.b = v.b;
        k.i = v.i;
        k.d = v.d;
        if (v.kind == Value::Kind::String || v.kind == Value::Kind::DateTime) k.s.assign(v.s);
        return k;
    }
    Value view() const
    {
        Value v;
        v.kind = kind;
        v.b = b;
        v.i = i;
        v.d = d;
        v.s = s;
        return v;
    }
};

struct AggState {
    std::int64_t n = 0; // non-null numeric values seen
    ExactSum sum;
    ExactMoments moments;
    bool allInt = true;
    std::int64_t imin = std::numeric_limits<std::int64_t>::max();
    std::int64_t imax = std::numeric_limits<std::int64_t>::min();
    double dmin = std::numeric_limits<double>::infinity();
    double dmax = -std::numeric_limits<double>::infinity();

    void merge(const AggState &o)
    {
        n += o.n;
        sum.merge(o.sum);
        moments.merge(o.moments);
        allInt = allInt && o.allInt;
        imin = std::min(imin, o.imin);
        imax = std::max(imax, o.imax);
        dmin = std::min(dmin, o.dmin);
        dmax = std::max(dmax, o.dmax);
    }
};

struct Group {
    std::vector<KeyPart> key;
    std::int64_t count = 0;
    std::vector<AggState> aggs;
};

struct GroupByPartial : Partial {
    ByteStringMap<std::size_t> index; // encoded key → position in `groups`
    std::vector<Group> groups;
};

// A key value whose double is a whole number is stored as an int, so "3" and "3.0" in an
// int64 column are one group.
Value canonical(Value v)
{
    if (v.kind == Value::Kind::Double && std::isfinite(v.d) && v.d == std::trunc(v.d) &&
        std::fabs(v.d) < 9.2e18)
        return Value::fromInt(std::int64_t(v.d));
    return v;
}

void encode(std::string &out, const Value &v)
{
    out.push_back(char(v.kind));
    switch (v.kind) {
    case Value::Kind::Null: break;
    case Value::Kind::Bool: out.push_back(v.b ? 1 : 0); break;
    case Value::Kind::Int:
    case Value::Kind::DateTime: out.append(reinterpret_cast<const char *>(&v.i), sizeof v.i); break;
    case Value::Kind::Double: {
        const double d = std::isnan(v.d) ? std::numeric_limits<double>::quiet_NaN() : v.d + 0.0;
        const auto bits = std::bit_cast<std::uint64_t>(d);
        out.append(reinterpret_cast<const char *>(&bits), sizeof bits);
        break;
    }
    case Value::Kind::String: {
        const auto len = std::uint32_t(v.s.size());
        out.append(reinterpret_cast<const char *>(&len), sizeof len);
        out.append(v.s);
        break;
    }
    }
}

QJsonValue keyJson(const KeyPart &k)
{
    switch (k.kind) {
    case Value::Kind::Null: return QJsonValue::Null;
    case Value::Kind::Bool: return k.b;
    case Value::Kind::Int: return qint64(k.i);
    case Value::Kind::Double: return std::isfinite(k.d) ? QJsonValue(k.d) : QJsonValue::Null;
    case Value::Kind::DateTime:
    case Value::Kind::String: break;
    }
    return QString::fromStdString(k.s);
}

QVariant keyVariant(const KeyPart &k)
{
    switch (k.kind) {
    case Value::Kind::Null: return QVariant();
    case Value::Kind::Bool: return k.b;
    case Value::Kind::Int: return qlonglong(k.i);
    case Value::Kind::Double: return k.d;
    case Value::Kind::DateTime:
    case Value::Kind::String: break;
    }
    return QString::fromStdString(k.s);
}

// The value of one aggregate as a variant: qlonglong, double, or invalid for "no value".
QVariant aggregateValue(const GroupByAnalysis::Aggregate &a, const Group &g, const AggState &s)
{
    auto number = [](double v) { return std::isnan(v) ? QVariant() : QVariant(v); };
    const bool ints = a.intColumn && s.allInt;
    switch (a.fn) {
    case Fn::Count: return qlonglong(g.count);
    case Fn::CountColumn: return qlonglong(s.n);
    case Fn::Sum: {
        const double v = s.sum.value();
        if (ints && std::fabs(v) < 9.2e18) return qlonglong(std::llround(v));
        return v;
    }
    case Fn::Mean: return s.n ? number(s.sum.value() / double(s.n)) : QVariant();
    case Fn::Std: return number(s.moments.stddev(1));
    case Fn::Min:
        if (!s.n) return QVariant();
        return ints ? QVariant(qlonglong(s.imin)) : QVariant(s.dmin);
    case Fn::Max:
        if (!s.n) return QVariant();
        return ints ? QVariant(qlonglong(s.imax)) : QVariant(s.dmax);
    }
    return QVariant();
}

QJsonValue toJson(const QVariant &v)
{
    if (!v.isValid()) return QJsonValue::Null;
    if (v.typeId() == QMetaType::LongLong) return qint64(v.toLongLong());
    const double d = v.toDouble();
    return std::isfinite(d) ? QJsonValue(d) : QJsonValue::Null;
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
        m_aggregates.push_back(a);
    }
    return true;
}

std::unique_ptr<Partial> GroupByAnalysis::createPartial() const
{
    return std::make_unique<GroupByPartial>();
}

void GroupByAnalysis::process(Partial &partial, TaskInput &input) const
{
    auto &p = static_cast<GroupByPartial &>(partial);
    std::vector<Value> keyValues(m_keyColumns.size());
    std::string encoded;
    Record record;
    std::int64_t rows = 0;
    while (input.reader->next(record)) {
        encoded.clear();
        for (std::size_t k = 0; k < m_keyColumns.size(); ++k) {
            const auto c = std::size_t(m_keyColumns[k]);
            keyValues[k] = canonical(Value::fromField(record.fields[c], record.isNull(c),
                                                      m_schema.columns[qsizetype(c)].type));
            encode(encoded, keyValues[k]);
        }
        auto it = p.index.find(std::string_view(encoded));
        std::size_t g = 0;
        if (it == p.index.end()) {
            g = p.groups.size();
            Group group;
            for (const Value &v : keyValues)
                group.key.push_back(KeyPart::from(v));
            group.aggs.resize(m_aggregates.size());
            p.groups.push_back(std::move(group));
            p.index.emplace(encoded, g);
        } else {
            g = it->second;
        }
        Group &group = p.groups[g];
        ++group.count;
        for (std::size_t a = 0; a < m_aggregates.size(); ++a) {
            const Aggregate &agg = m_aggregates[a];
            if (agg.fn == Fn::Count) continue;
            const auto c = std::size_t(agg.column);
            if (record.isNull(c)) continue;
            AggState &s = group.aggs[a];
            if (agg.fn == Fn::CountColumn) {
                ++s.n;
                continue;
            }
            const Value v =
                Value::fromField(record.fields[c], false, m_schema.columns[qsizetype(c)].type);
            if (!v.isNumber() || std::isnan(v.number())) continue; // unparsable or NaN: missing
            ++s.n;
            const double x = v.number();
            switch (agg.fn) {
            case Fn::Sum:
            case Fn::Mean: s.sum.add(x); break;
            case Fn::Std: s.moments.add(x); break;
            case Fn::Min:
            case Fn::Max:
                if (v.kind == Value::Kind::Int) {
                    s.imin = std::min(s.imin, v.i);
                    s.imax = std::max(s.imax, v.i);
                } else {
                    s.allInt = false;
                }
                s.dmin = std::min(s.dmin, x);
                s.dmax = std::max(s.dmax, x);
                break;
            default: break;
            }
            if (agg.fn == Fn::Sum && v.kind != Value::Kind::Int) s.allInt = false;
        }
        if (++rows % 4096 == 0 &&
            !input.context.checkpoint(input.reader->rowsConsumed(), input.reader->bytesConsumed()))
            return;
    }
    input.context.checkpoint(input.reader->rowsConsumed(), input.reader->bytesConsumed());
}

void GroupByAnalysis::merge(Partial &acc, Partial &later) const
{
    auto &a = static_cast<GroupByPartial &>(acc);
    auto &b = static_cast<GroupByPartial &>(later);
    for (auto &[key, index] : b.index) {
        Group &from = b.groups[index];
        auto it = a.index.find(std::string_view(key));
        if (it == a.index.end()) {
            a.index.emplace(key, a.groups.size());
            a.groups.push_back(std::move(from));
            continue;
        }
        Group &into = a.groups[it->second];
        into.count += from.count;
        for (std::size_t k = 0; k < into.aggs.size(); ++k)
            into.aggs[k].merge(from.aggs[k]);
    }
    b.index.clear();
    b.groups.clear();
}

AnalysisResult GroupByAnalysis::finalize(Partial &merged) const
{
    auto &p = static_cast<GroupByPartial &>(merged);
    std::vector<std::size_t> order(p.groups.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const auto &kx = p.groups[x].key;
        const auto &ky = p.groups[y].key;
        for (std::size_t k = 0; k < kx.size(); ++k)
            if (const int c = compareValues(kx[k].view(), ky[k].view())) return c < 0;
        return false;
    });

    AnalysisResult result;
    result.table.columns = m_by + m_specs;
    QJsonArray groups;
    for (std::size_t gi : order) {
        const Group &g = p.groups[gi];
        QJsonObject key;
        QVariantList row;
        for (qsizetype k = 0; k < m_by.size(); ++k) {
            key.insert(m_by[k], keyJson(g.key[std::size_t(k)]));
            row.append(keyVariant(g.key[std::size_t(k)]));
        }
        QJsonObject values;
        for (std::size_t a = 0; a < m_aggregates.size(); ++a) {
            const QVariant v = aggregateValue(m_aggregates[a], g, g.aggs[a]);
            values.insert(m_aggregates[a].spec, toJson(v));
            row.append(v);
        }
        groups.append(
            QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("values"), values}});
        result.table.rows.append(row);
    }
    result.json.insert(QStringLiteral("by"), QJsonArray::fromStringList(m_by));
    result.json.insert(QStringLiteral("aggregates"), QJsonArray::fromStringList(m_specs));
    result.json.insert(QStringLiteral("groups"), groups);
    return result;
}

} // namespace sf
