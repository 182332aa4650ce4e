#include "data/jsonsource.h"
#include "data/jsonreader.h"
#include "data/typeinference.h"
#include <algorithm>

namespace sf {

namespace {

constexpr std::int64_t kProgressStep = 8 * 1024 * 1024;

class JsonSource : public DataSource {
public:
    JsonSource(std::shared_ptr<const JsonDataset> dataset, SourceInfo info,
               QList<RejectedRecord> indexRejects)
        : m_dataset(std::move(dataset))
        , m_info(std::move(info))
        , m_indexRejects(std::move(indexRejects))
    {}
    QString path() const override { return m_dataset->file->path(); }
    SourceInfo info() const override { return m_info; }
    const Schema &schema() const override { return m_dataset->schema; }
    const RowIndex &index() const override { return m_dataset->index; }
    QList<RejectedRecord> indexRejects() const override { return m_indexRejects; }
    std::unique_ptr<RecordReader> reader(const ChunkRange &range, RejectSink &sink) const override
    {
        return std::make_unique<JsonReader>(m_dataset, range, sink);
    }

private:
    std::shared_ptr<const JsonDataset> m_dataset;
    SourceInfo m_info;
    QList<RejectedRecord> m_indexRejects;
};

std::int64_t columnOf(std::string_view bytes, std::int64_t offset)
{
    std::int64_t i = offset;
    while (i > 0 && bytes[std::size_t(i - 1)] != '\n')
        --i;
    return offset - i + 1;
}

QString lineEndingOf(std::string_view bytes)
{
    const auto nl = bytes.find('\n');
    if (nl == std::string_view::npos) return QStringLiteral("LF");
    return nl > 0 && bytes[nl - 1] == '\r' ? QStringLiteral("CRLF") : QStringLiteral("LF");
}

// Scans the whole file once, recording a checkpoint every `stride` records.
bool buildIndex(JsonDataset &d, std::int64_t bodyStart, std::int64_t bodyLine,
                const OpenControl &control, QList<RejectedRecord> *rejects, QString *error)
{
    const std::string_view bytes = d.file->bytes();
    RowIndex &index = d.index;
    index.dataBegin = bodyStart;
    index.dataEnd = std::int64_t(bytes.size());
    JsonScanner scanner(bytes, d.mode, bodyStart, bodyLine);
    std::int64_t nextReport = kProgressStep;
    JsonSpan span;
    for (;;) {
        const JsonScanner::Step step = scanner.next(span);
        if (step == JsonScanner::Step::End) break;
        if (step == JsonScanner::Step::Error) {
            RejectedRecord r;
            r.line = scanner.errorLine();
            r.offset = scanner.errorOffset();
            r.column = columnOf(bytes, r.offset);
            r.reason = QString::fromUtf8(scanner.errorReason());
            const auto rest = bytes.substr(std::size_t(r.offset));
            r.raw = rejectRaw(rest.data(), qsizetype(rest.size()));
            rejects->append(r);
            break;
        }
        if (index.rowCount % index.stride == 0)
            index.checkpoints.push_back({span.begin, span.line});
        ++index.rowCount;
        if (span.end >= nextReport) {
            nextReport = span.end + kProgressStep;
            if (control.cancel && control.cancel->load()) {
                *error = d.file->path() + QStringLiteral(": cancelled");
                return false;
            }
            if (control.progress) control.progress(span.end, std::int64_t(bytes.size()));
        }
    }
    if (d.mode == JsonScanner::Mode::ArrayElements && scanner.arrayEnd() >= 0)
        index.dataEnd = scanner.arrayEnd();
    if (control.progress) control.progress(std::int64_t(bytes.size()), std::int64_t(bytes.size()));
    return true;
}

// Union of the sample's keys in first-seen order; types from the sample's field texts, with
// a key missing from a record counting as a null there.
void inferSchema(JsonDataset &d, const SourceOptions &options)
{
    const std::string_view bytes = d.file->bytes();
    const std::int64_t sampleRows =
        std::min<std::int64_t>(d.index.rowCount, std::max(1, options.inferenceSampleRows));
    if (d.index.checkpoints.empty()) return;
    const NullTokens *nulls = d.nullTokens ? &*d.nullTokens : nullptr;
    const Checkpoint &cp = d.index.checkpoints.front();
    auto forEachSample = [&](JsonRecordParser &parser, auto &&use) {
        JsonScanner scanner(bytes, d.mode, cp.offset, cp.line, true);
        JsonSpan span;
        for (std::int64_t i = 0; i < sampleRows; ++i) {
            if (scanner.next(span) != JsonScanner::Step::Record) break;
            if (parser.parse(
                    bytes.substr(std::size_t(span.begin), std::size_t(span.end - span.begin))))
                use(parser);
        }
    };
    JsonRecordParser keys(d.flatten, nulls);
    keys.setGrowColumns(true);
    forEachSample(keys, [](JsonRecordParser &) {});
    for (const std::string &name : keys.columnNames())
        d.names.append(QString::fromStdString(name));

    JsonRecordParser values(d.flatten, nulls);
    values.setColumns(d.names);
    TypeInference inference(int(d.names.size()));
    forEachSample(values, [&](JsonRecordParser &parser) {
        const auto fields = parser.fields();
        const auto isNull = parser.nulls();
        for (std::size_t c = 0; c < fields.size(); ++c)
            inference.add(int(c), fields[c], isNull[c] != 0);
    });
    for (int c = 0; c < d.names.size(); ++c) {
        Column column;
        column.name = d.names[c];
        column.type = options.allStrings ? ColumnType::String : inference.type(c);
        column.nullable = inference.nullable(c);
        d.schema.columns.append(column);
    }
}

} // namespace

std::unique_ptr<DataSource> openJsonSource(std::shared_ptr<MappedFile> file, SourceFormat format,
                                           const SourceOptions &options, const OpenControl &control,
                                           QString *error)
{
    const std::string_view bytes = file->bytes();
    SourceInfo info;
    info.compression = file->compression();
    info.header = false;
    info.lineEnding = lineEndingOf(bytes);
    std::int64_t start = 0;
    if (bytes.substr(0, 3) == std::string_view("\xEF\xBB\xBF", 3)) {
        start = 3;
        info.bom = true;
    }
    if (format != SourceFormat::JsonLines && format != SourceFormat::JsonArray) {
        std::size_t i = std::size_t(start);
        while (i < bytes.size() && JsonScanner::isSpace(bytes[i]))
            ++i;
        format =
            i < bytes.size() && bytes[i] == '[' ? SourceFormat::JsonArray : SourceFormat::JsonLines;
    }
    info.format = format;

    auto dataset = std::make_shared<JsonDataset>();
    dataset->file = file;
    dataset->flatten = options.flattenJson;
    dataset->strictTypes = options.strictTypes && !options.allStrings;
    if (!options.nullValues.isEmpty()) dataset->nullTokens.emplace(options.nullValues);

    std::int64_t bodyStart = start;
    std::int64_t bodyLine = 1;
    if (format == SourceFormat::JsonArray) {
        dataset->mode = JsonScanner::Mode::ArrayElements;
        bodyStart = JsonScanner::arrayBodyStart(bytes, start, &bodyLine);
        if (bodyStart < 0) {
            *error = QStringLiteral("%1: not a JSON array: expected '[' at line %2")
                         .arg(file->path())
                         .arg(bodyLine);
            return nullptr;
        }
    }
    QList<RejectedRecord> indexRejects;
    if (!buildIndex(*dataset, bodyStart, bodyLine, control, &indexRejects, error)) return nullptr;
    inferSchema(*dataset, options);
    return std::make_unique<JsonSource>(std::move(dataset), info, std::move(indexRejects));
}

} // namespace sf
