#include "analysis/filteranalysis.h"
#include "analysis/expressionvalue.h"
#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

namespace sf {

namespace {

struct FilterPartial : Partial {
    std::int64_t matched = 0;
    QList<QVariantList> shown; // the first matching rows, for display
    RowStream stream;
};

QVariant displayValue(const Record &r, std::size_t i, ColumnType type)
{
    const Value v = Value::fromField(r.fields[i], r.isNull(i), type);
    switch (v.kind) {
    case Value::Kind::Null: return QVariant();
    case Value::Kind::Bool: return v.b;
    case Value::Kind::Int: return qlonglong(v.i);
    case Value::Kind::Double: return v.d;
    case Value::Kind::DateTime:
    case Value::Kind::String: break;
    }
    return QString::fromUtf8(v.s.data(), qsizetype(v.s.size()));
}

} // namespace

FilterAnalysis::FilterAnalysis(const AnalysisOptions &options)
    : m_options(options)
{}

bool FilterAnalysis::validate(const AnalysisOptions &options, QString *error)
{
    if (options.where.trimmed().isEmpty()) {
        *error = QStringLiteral("filter needs --where (an expression such as \"temp > 20\")");
        return false;
    }
    RowFormat format;
    if (!options.outputPath.isEmpty() && !rowFormatFromPath(options.outputPath, &format)) {
        *error = QStringLiteral("filter: cannot tell the format of output '%1' (use .csv, .jsonl "
                                "or .json)")
                     .arg(options.outputPath);
        return false;
    }
    return true;
}

bool FilterAnalysis::prepare(const Schema &schema, QString *error)
{
    m_schema = schema;
    QString message;
    if (!m_expression.compile(m_options.where, schema, &message)) {
        *error = QStringLiteral("filter: ") + message;
        return false;
    }
    m_writer.reset();
    if (!m_options.outputPath.isEmpty()) {
        RowLayout layout;
        if (!rowFormatFromPath(m_options.outputPath, &layout.format))
            return validate(m_options, error);
        if (!RowWriterOutput::checkWritable(m_options.outputPath, error)) return false;
        layout.schema = schema;
        layout.exactTexts = m_options.allStrings;
        layout.headerless = m_options.headerless;
        m_writer.emplace(layout);
    }
    return true;
}

std::unique_ptr<Partial> FilterAnalysis::createPartial() const
{
    return std::make_unique<FilterPartial>();
}

void FilterAnalysis::process(Partial &partial, TaskInput &input) const
{
    auto &p = static_cast<FilterPartial &>(partial);
    Record record;
    std::int64_t rows = 0;
    while (input.reader->next(record)) {
        if (m_expression.matches(record)) {
            ++p.matched;
            if (m_writer) m_writer->append(record, p.stream.pending);
            if (p.shown.size() < kShownRows) {
                QVariantList row;
                const auto n =
                    std::min<std::size_t>(record.fields.size(), std::size_t(m_schema.size()));
                for (std::size_t i = 0; i < n; ++i)
                    row.append(displayValue(record, i, m_schema.columns[qsizetype(i)].type));
                p.shown.append(row);
            }
        }
        if (++rows % 4096 == 0 &&
            !input.context.checkpoint(input.reader->rowsConsumed(), input.reader->bytesConsumed()))
            return;
    }
    input.context.checkpoint(input.reader->rowsConsumed(), input.reader->bytesConsumed());
}

void FilterAnalysis::merge(Partial &acc, Partial &later) const
{
    auto &a = static_cast<FilterPartial &>(acc);
    auto &b = static_cast<FilterPartial &>(later);
    a.matched += b.matched;
    for (qsizetype i = 0; i < b.shown.size() && a.shown.size() < kShownRows; ++i)
        a.shown.append(std::move(b.shown[i]));
    b.shown.clear();
    if (m_writer) a.stream.absorb(b.stream, m_options.outputPath, *m_writer, m_outputs);
}

AnalysisResult FilterAnalysis::finalize(Partial &merged) const
{
    auto &p = static_cast<FilterPartial &>(merged);
    if (m_writer) p.stream.finish(m_options.outputPath, *m_writer, m_outputs);
    AnalysisResult result;
    result.json.insert(QStringLiteral("matched"), qint64(p.matched));
    result.json.insert(QStringLiteral("where"), m_options.where);
    if (m_writer) {
        result.json.insert(QStringLiteral("output"), m_options.outputPath);
        result.json.insert(QStringLiteral("format"), rowFormatName(m_writer->layout().format));
    }
    for (const Column &c : m_schema.columns)
        result.table.columns.append(c.name);
    result.table.reserveRows(p.shown.size());
    for (const QVariantList &row : std::as_const(p.shown))
        result.table.appendRow(row);
    return result;
}

void FilterAnalysis::abandon() const
{
    m_outputs.cancelAll();
}

} // namespace sf
