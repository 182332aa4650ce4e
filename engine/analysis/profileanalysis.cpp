#include "analysis/profileanalysis.h"

#include "analysis/columnstats.h"

#include <QJsonArray>

namespace sf {

namespace {

class ProfilePartial : public Partial {
public:
    std::vector<ColumnStats> columns;
};

} // namespace

ProfileAnalysis::ProfileAnalysis(const AnalysisOptions &)
{
    // The profile covers every column; it has no options of its own.
}

// Relaxed: a hint read late or early only changes where a chunk's state starts.
ColumnStats::Hint ProfileAnalysis::ColumnHint::load() const
{
    return {tableValues.load(std::memory_order_relaxed),
            distinctPastExact.load(std::memory_order_relaxed)};
}

void ProfileAnalysis::ColumnHint::learn(const ColumnStats::Hint &hint)
{
    tableValues.store(hint.tableValues, std::memory_order_relaxed);
    if (hint.distinctPastExact) distinctPastExact.store(true, std::memory_order_relaxed);
}

bool ProfileAnalysis::prepare(const Schema &schema, QString *error)
{
    if (schema.columns.isEmpty()) {
        if (error) *error = QStringLiteral("profile: the dataset has no columns");
        return false;
    }
    m_schema = schema;
    m_hints = std::make_unique<ColumnHint[]>(std::size_t(schema.size()));
    return true;
}

std::unique_ptr<Partial> ProfileAnalysis::createPartial() const
{
    auto p = std::make_unique<ProfilePartial>();
    p->columns.reserve(std::size_t(m_schema.size()));
    for (const Column &c : m_schema.columns)
        p->columns.emplace_back(c.type);
    return p;
}

void ProfileAnalysis::process(Partial &partial, TaskInput &input) const
{
    auto &columns = static_cast<ProfilePartial &>(partial).columns;
    if (!input.reader) throw TaskError("profile: no dataset to read");
    RecordReader &reader = *input.reader;
    for (std::size_t i = 0; i < columns.size(); ++i)
        columns[i].applyHint(m_hints[i].load());
    // Column by column over blocks of records: each column's loop runs with its state hot.
    RecordBlock block;
    std::int64_t rows = 0;
    while (reader.nextBlock(block, int(columns.size()))) {
        for (std::size_t i = 0; i < columns.size(); ++i)
            columns[i].addBlock(block, int(i));
        rows += block.rows();
        if (rows >= kCheckpointRows) {
            rows = 0;
            if (!input.context.checkpoint(reader.rowsConsumed(), reader.bytesConsumed())) return;
        }
    }
    for (std::size_t i = 0; i < columns.size(); ++i)
        m_hints[i].learn(columns[i].hint());
}

void ProfileAnalysis::merge(Partial &acc, Partial &later) const
{
    auto &a = static_cast<ProfilePartial &>(acc).columns;
    const auto &b = static_cast<ProfilePartial &>(later).columns;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        a[i].merge(b[i]);
}

AnalysisResult ProfileAnalysis::finalize(Partial &merged) const
{
    const auto &columns = static_cast<ProfilePartial &>(merged).columns;
    AnalysisResult result;
    result.table.columns =
        QStringList{QStringLiteral("name"),  QStringLiteral("type"),     QStringLiteral("count"),
                    QStringLiteral("nulls"), QStringLiteral("distinct"), QStringLiteral("min"),
                    QStringLiteral("max"),   QStringLiteral("mean"),     QStringLiteral("std"),
                    QStringLiteral("p50")};
    QJsonArray array;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const QString &name = m_schema.columns[qsizetype(i)].name;
        array.append(columns[i].toJson(name));
        result.table.appendRow(columns[i].tableRow(name));
    }
    result.json.insert(QStringLiteral("columns"), array);
    return result;
}

} // namespace sf
