#include "analysis/convertanalysis.h"
#include <QJsonObject>

namespace sf {

namespace {

struct ConvertPartial : Partial {
    RowStream stream;
};

} // namespace

ConvertAnalysis::ConvertAnalysis(const AnalysisOptions &options)
    : m_options(options)
{}

bool ConvertAnalysis::validate(const AnalysisOptions &options, QString *error)
{
    if (options.outputPath.isEmpty()) {
        *error = QStringLiteral("convert needs --output (a .csv, .jsonl or .json file)");
        return false;
    }
    RowFormat format;
    if (!rowFormatFromPath(options.outputPath, &format)) {
        *error = QStringLiteral("convert: cannot tell the format of output '%1' (use .csv, .jsonl "
                                "or .json)")
                     .arg(options.outputPath);
        return false;
    }
    return true;
}

bool ConvertAnalysis::prepare(const Schema &schema, QString *error)
{
    if (!validate(m_options, error)) return false;
    if (!RowWriterOutput::checkWritable(m_options.outputPath, error)) return false;
    RowLayout layout;
    rowFormatFromPath(m_options.outputPath, &layout.format);
    layout.schema = schema;
    layout.exactTexts = m_options.allStrings;
    layout.headerless = m_options.headerless;
    m_writer.emplace(layout);
    return true;
}

std::unique_ptr<Partial> ConvertAnalysis::createPartial() const
{
    return std::make_unique<ConvertPartial>();
}

void ConvertAnalysis::process(Partial &partial, TaskInput &input) const
{
    auto &p = static_cast<ConvertPartial &>(partial);
    Record record;
    std::int64_t rows = 0;
    while (input.reader->next(record)) {
        m_writer->append(record, p.stream.pending);
        if (++rows % 4096 == 0 &&
            !input.context.checkpoint(input.reader->rowsConsumed(), input.reader->bytesConsumed()))
            return;
    }
    input.context.checkpoint(input.reader->rowsConsumed(), input.reader->bytesConsumed());
}

void ConvertAnalysis::merge(Partial &acc, Partial &later) const
{
    auto &a = static_cast<ConvertPartial &>(acc);
    auto &b = static_cast<ConvertPartial &>(later);
    a.stream.absorb(b.stream, m_options.outputPath, *m_writer, m_outputs);
}

AnalysisResult ConvertAnalysis::finalize(Partial &merged) const
{
    auto &p = static_cast<ConvertPartial &>(merged);
    p.stream.finish(m_options.outputPath, *m_writer, m_outputs);
    const qint64 written = p.stream.pending.rows;
    const QString format = rowFormatName(m_writer->layout().format);
    AnalysisResult result;
    result.json.insert(QStringLiteral("written"), written);
    result.json.insert(QStringLiteral("output"), m_options.outputPath);
    result.json.insert(QStringLiteral("format"), format);
    result.table.columns = {QStringLiteral("written"), QStringLiteral("output"),
                            QStringLiteral("format")};
    result.table.appendRow({written, m_options.outputPath, format});
    return result;
}

void ConvertAnalysis::abandon() const
{
    m_outputs.cancelAll();
}

} // namespace sf
