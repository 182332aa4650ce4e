// Fuzzes the CSV path end to end, as a user opens a file: any bytes (at most 64 KiB), opened
// with options taken from the first two bytes, are sniffed, indexed, typed and read. Opening
// must succeed or fail with a message naming the file; after that these must hold:
// - a whole-file read accounts for every indexed record exactly once (accepted + rejected ==
//   rowCount), in row order, with byte offsets inside the data, raw bytes equal to the file's,
//   and physical line numbers >= 1 that match a count of the line ends before each record;
// - every chunking (several chunk sizes, over the source's own index and over an index with a
//   tiny checkpoint stride, so chunks start between checkpoints) yields exactly the records and
//   rejects of the whole-file read;
// - the block reader (what the profile uses) yields the same fields and nulls as next();
// - accepted records have the schema's field count, and under strict types every non-null
//   value fits its column's inferred type;
// - reopening with the sniffed dialect given explicitly gives the same schema and index.
#include "common.h"

#include "core/valueparse.h"
#include "data/csvindexer.h"
#include "data/csvreader.h"
#include "data/datasource.h"
#include "data/mappedfile.h"

#include <QFile>
#include <QString>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

using namespace sf::fuzz;

namespace {

// lines[i] = 1 + the physical line ends (LF, CRLF, lone CR) in bytes[0, i), for i <= size.
std::vector<std::int64_t> lineStarts(std::string_view bytes)
{
    std::vector<std::int64_t> lines(bytes.size() + 1);
    std::int64_t line = 1;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        lines[i] = line;
        if (bytes[i] == '\n' ||
            (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n')))
            ++line;
    }
    lines[bytes.size()] = line;
    return lines;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2 || size > 64 * 1024 + 2) return 0;
    const std::uint8_t a = data[0];
    const std::uint8_t b = data[1];
    const QString path = scratchPath("csv", ".csv");
    if (!writeFile(path, std::string_view(reinterpret_cast<const char *>(data + 2), size - 2)))
        return 0;

    sf::SourceOptions options;
    options.format = sf::SourceFormat::Csv;
    static const char delimiters[] = {0, ',', ';', '\t'};
    options.delimiter = delimiters[a & 3];
    options.header = static_cast<sf::SourceOptions::Header>(((a >> 2) & 3) % 3);
    options.strictTypes = a & 0x10;
    static const char quotes[] = {'"', '"', '\'', 0};
    options.quote = quotes[(a >> 5) & 3];
    options.inferenceSampleRows = (a & 0x80) ? 3 : 1000;
    if (b & 1) options.nullValues = {QStringLiteral("-"), QStringLiteral("x")};
    options.allStrings = b & 2;

    QString error;
    auto src = sf::openDataSource(path, options, {}, &error);
    if (!src) {
        check(error.startsWith(path + QStringLiteral(": ")) && error.size() > path.size() + 2,
              "a failed open says why, naming the file");
        return 0;
    }
    const sf::RowIndex &index = src->index();
    const std::int64_t rows = src->rowCount();
    check(rows >= 0 && index.dataBegin >= 0 && index.dataBegin <= index.dataEnd, "index shape");

    // The bytes the source reads (the file as written, no decompression here).
    QString mapError;
    auto mapped = sf::MappedFile::open(path, {}, &mapError);
    check(mapped != nullptr, "the file maps");
    const std::string_view bytes = mapped->bytes();
    check(index.dataEnd <= std::int64_t(bytes.size()), "the data ends inside the file");
    const std::vector<std::int64_t> lineAt = lineStarts(bytes);

    sf::RejectSink wholeSink;
    sf::ChunkRange everything;
    everything.rowCount = rows;
    const Read whole = drain(*src->reader(everything, wholeSink), wholeSink, rows);
    checkAccounting(whole, rows);

    const sf::Schema &schema = src->schema();
    const sf::NullTokens nulls(options.nullValues.isEmpty() ? sf::NullTokens::pandasDefaults()
                                                            : options.nullValues);
    for (const Rec &r : whole.records) {
        check(r.offset >= index.dataBegin && r.offset < index.dataEnd,
              "record offset inside the data");
        check(r.offset + std::int64_t(r.raw.size()) <= index.dataEnd, "record raw inside the data");
        check(bytes.substr(std::size_t(r.offset), r.raw.size()) == r.raw,
              "raw is the file's bytes");
        check(r.line == lineAt[std::size_t(r.offset)],
              "line number counts the line ends before the record");
        check(int(r.fields.size()) == schema.size(),
              "accepted records have the schema's field count");
        for (std::size_t i = 0; i < r.fields.size(); ++i) {
            check(r.nulls[i] == (nulls.isNull(r.fields[i]) ? 1 : 0),
                  "null flags follow the null tokens");
            if (options.strictTypes && !r.nulls[i])
                check(sf::valueFitsType(schema.columns[int(i)].type, r.fields[i]),
                      "strict types: accepted values fit their column type");
        }
    }
    for (const Rej &r : whole.rejects)
        check(r.offset >= index.dataBegin && r.offset < index.dataEnd &&
                  r.line >= lineAt[std::size_t(r.offset)],
              "reject offset inside the data, line at or after the record's first line");
    for (const sf::RejectedRecord &r : src->indexRejects())
        check(r.line >= 1 && r.column >= 1 && r.offset == index.dataEnd && !r.reason.isEmpty(),
              "an index reject is the unterminated tail");

    // Chunkings over the source's index (stride 128).
    for (std::int64_t step : {std::int64_t(1), std::int64_t(3), std::int64_t(130)}) {
        const Read chunked =
            readChunked(rows, step, [&](const sf::ChunkRange &r, sf::RejectSink &s) {
                return src->reader(r, s);
            });
        check(chunked == whole, "chunked reads equal the whole-file read");
    }
    checkBlocks(*src, rows, schema.size(), whole);

    // The same file indexed with a tiny stride: chunks start off checkpoints.
    auto layout = std::make_shared<sf::csv::Layout>();
    layout->file = mapped;
    layout->bytes = bytes;
    QString reason;
    check(sf::csv::sniffDialect(bytes, options, false, &layout->dialect, &reason),
          "the sniff repeats");
    if (!options.nullValues.isEmpty()) layout->nulls = sf::NullTokens(options.nullValues);
    QList<sf::RejectedRecord> indexRejects;
    const std::int64_t stride = 1 + (b >> 6);
    check(sf::csv::buildIndex(bytes, layout->dialect, {}, &layout->index, &indexRejects, stride),
          "the index builds");
    check(layout->index.rowCount == rows && layout->index.dataEnd == index.dataEnd &&
              indexRejects.size() == src->indexRejects().size(),
          "the index does not depend on the stride");
    for (std::size_t k = 0; k < index.checkpoints.size(); ++k) {
        const std::size_t small = k * std::size_t(index.stride / stride);
        if (index.stride % stride == 0)
            check(small < layout->index.checkpoints.size() &&
                      layout->index.checkpoints[small].offset == index.checkpoints[k].offset &&
                      layout->index.checkpoints[small].line == index.checkpoints[k].line,
                  "checkpoints agree across strides");
    }
    for (const sf::Column &c : schema.columns)
        layout->types.push_back(c.type);
    layout->strictTypes = options.strictTypes;
    std::shared_ptr<const sf::csv::Layout> shared = layout;
    for (std::int64_t step : {std::int64_t(1), std::int64_t(2), std::int64_t(5)}) {
        const Read chunked =
            readChunked(rows, step, [&](const sf::ChunkRange &r, sf::RejectSink &s) {
                return std::make_unique<sf::csv::CsvReader>(shared, r, s);
            });
        check(chunked == whole,
              "chunked reads over a small-stride index equal the whole-file read");
    }

    // Reopening with what was sniffed given explicitly changes nothing.
    const sf::SourceInfo info = src->info();
    sf::SourceOptions explicitOptions = options;
    explicitOptions.delimiter = info.delimiter;
    explicitOptions.quote = info.quote;
    explicitOptions.header =
        info.header ? sf::SourceOptions::Header::Yes : sf::SourceOptions::Header::No;
    auto again = sf::openDataSource(path, explicitOptions, {}, &error);
    check(again != nullptr, "reopening with the sniffed dialect succeeds");
    check(again->rowCount() == rows && again->schema().size() == schema.size(),
          "reopening with the sniffed dialect gives the same index and schema");
    for (int i = 0; i < schema.size(); ++i)
        check(again->schema().columns[i].name == schema.columns[i].name &&
                  again->schema().columns[i].type == schema.columns[i].type,
              "reopening with the sniffed dialect gives the same column names and types");
    return 0;
}
