#include "data/csvsource.h"

#include "data/csvindexer.h"
#include "data/csvreader.h"
#include "data/typeinference.h"

#include <stdexcept>

namespace sf {

std::unique_ptr<DataSource> CsvSource::open(std::shared_ptr<MappedFile> file,
                                            const SourceOptions &options, bool tsv,
                                            const OpenControl &control, QString *error)
{
    const QString path = file->path();
    auto fail = [&](const QString &reason) {
        if (error) *error = path + QStringLiteral(": ") + reason;
        return std::unique_ptr<DataSource>();
    };
    auto layout = std::make_shared<csv::Layout>();
    layout->file = file;
    layout->bytes = file->bytes();
    QString reason;
    if (!csv::sniffDialect(layout->bytes, options, tsv, &layout->dialect, &reason)) return fail(reason);
    if (!options.nullValues.isEmpty()) layout->nulls = NullTokens(options.nullValues);
    std::unique_ptr<CsvSource> source(new CsvSource);
    QString readError;
    if (!csv::buildIndex(*file, layout->dialect, control, &layout->index, &source->m_indexRejects,
                         &readError)) {
        if (!readError.isEmpty()) {
            if (error) *error = readError;
            return nullptr;
        }
        return fail(QStringLiteral("cancelled"));
    }

    const csv::Dialect &d = layout->dialect;
    for (int i = 0; i < d.fieldCount; ++i) {
        Column c;
        c.name = d.columnNames.value(i);
        source->m_schema.columns.append(c);
    }
    // Infer from the first records (types unchecked while they are still unknown).
    if (options.inferenceSampleRows > 0 && layout->index.rowCount > 0) {
        RejectSink ignored;
        ChunkRange sample;
        sample.rowCount = std::min<std::int64_t>(options.inferenceSampleRows, layout->index.rowCount);
        TypeInference inference(d.fieldCount);
        try {
            csv::CsvReader reader(layout, sample, ignored, false);
            Record rec;
            while (reader.next(rec))
                for (int i = 0; i < d.fieldCount; ++i)
                    inference.add(i, rec.fields[std::size_t(i)], rec.isNull(std::size_t(i)));
        } catch (const std::runtime_error &e) {
            if (error) *error = QString::fromUtf8(e.what());
            return nullptr;
        }
        for (int i = 0; i < d.fieldCount; ++i) {
            Column &c = source->m_schema.columns[i];
            c.type = options.allStrings ? ColumnType::String : inference.type(i);
            c.nullable = inference.nullable(i);
        }
    }
    for (const Column &c : source->m_schema.columns)
        layout->types.push_back(c.type);
    layout->strictTypes = options.strictTypes;

    SourceInfo &info = source->m_info;
    info.format = d.delimiter == '\t' ? SourceFormat::Tsv : SourceFormat::Csv;
    info.compression = file->compression();
    info.delimiter = d.delimiter;
    info.quote = d.quote;
    info.header = d.header;
    info.bom = d.bom;
    info.lineEnding = d.lineEnding;
    source->m_layout = std::move(layout);
    return source;
}

std::unique_ptr<RecordReader> CsvSource::reader(const ChunkRange &range, RejectSink &sink) const
{
    return std::make_unique<csv::CsvReader>(m_layout, range, sink);
}

} // namespace sf
