// Fuzzes the JSON readers (JSON Lines and top-level arrays) at two levels.
// The core: the record scanner in both modes and the record parser in inference (growing
// columns) and fixed-column modes must keep spans inside the input, move forward, and give
// results of the right shape or an error with a position and a message.
// The path users hit: the input (at most 64 KiB) is written as a file and opened as a dataset
// with options from the first byte; it must open or fail with a message naming the file, and
// then a whole-file read must account for every indexed record once, in order, with line
// numbers that count the LFs before each record; every chunking, over the source's index and
// over an index with a tiny stride, must give the same records and rejects; the block reader
// must agree with next(); and under strict types accepted values fit their column types.
#include "common.h"

#include "core/valueparse.h"
#include "data/jsonreader.h"
#include "data/jsonrecordparser.h"
#include "data/jsonscanner.h"

#include <cstdint>
#include <string_view>

using namespace sf::fuzz;

namespace {

void scanAndParse(std::string_view bytes, sf::JsonScanner::Mode mode, std::int64_t start,
                  std::int64_t line)
{
    sf::JsonRecordParser grow(true, nullptr);
    grow.setGrowColumns(true);
    sf::JsonRecordParser fixed(false, nullptr);
    fixed.setColumns({QStringLiteral("a"), QStringLiteral("b.c")});
    sf::JsonScanner scanner(bytes, mode, start, line);
    sf::JsonSpan span;
    std::int64_t last = start;
    for (int guard = 0; guard < 100000; ++guard) {
        const auto step = scanner.next(span);
        if (step != sf::JsonScanner::Step::Record) {
            if (step == sf::JsonScanner::Step::Error)
                check(scanner.errorOffset() >= 0 &&
                          scanner.errorOffset() <= std::int64_t(bytes.size()),
                      "a scanner error lies inside the input");
            return;
        }
        check(span.begin >= last && span.begin <= span.end &&
                  span.end <= std::int64_t(bytes.size()),
              "spans move forward inside the input");
        check(scanner.position() > span.begin || scanner.position() == std::int64_t(bytes.size()),
              "the scanner moves past each record");
        last = span.begin;
        const std::string_view text =
            bytes.substr(std::size_t(span.begin), std::size_t(span.end - span.begin));
        for (sf::JsonRecordParser *p : {&grow, &fixed}) {
            if (p->parse(text)) {
                check(p->fields().size() == p->nulls().size(), "one null flag per field");
                check(p->fields().size() == p->columnNames().size(), "one field per column");
            } else {
                check(p->errorOffset() >= 0 && p->errorOffset() <= std::int64_t(text.size()),
                      "a parse error lies inside the record");
                check(!p->errorMessage(1, 1).isEmpty(), "a parse error has a message");
            }
        }
    }
    check(false, "the scanner ends within 100000 steps");
}

// lines[i] = 1 + the LFs in bytes[0, i), for i <= size: JSON counts lines by LF.
std::vector<std::int64_t> lineStarts(std::string_view bytes)
{
    std::vector<std::int64_t> lines(bytes.size() + 1);
    std::int64_t line = 1;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        lines[i] = line;
        line += bytes[i] == '\n';
    }
    lines[bytes.size()] = line;
    return lines;
}

void openAndRead(std::uint8_t selector, std::string_view bytes)
{
    const QString path = scratchPath("json", ".json");
    if (!writeFile(path, bytes)) return;
    sf::SourceOptions options;
    static const sf::SourceFormat formats[] = {sf::SourceFormat::Auto, sf::SourceFormat::JsonLines,
                                               sf::SourceFormat::JsonArray,
                                               sf::SourceFormat::JsonLines};
    options.format = formats[selector & 3];
    options.flattenJson = !(selector & 4);
    options.strictTypes = selector & 8;
    options.allStrings = selector & 16;
    if (selector & 32) options.nullValues = {QStringLiteral("-"), QStringLiteral("x")};
    options.inferenceSampleRows = (selector & 64) ? 2 : 1000;
    QString error;
    auto src = sf::openDataSource(path, options, {}, &error);
    if (!src) {
        check(error.startsWith(path + QStringLiteral(": ")) && error.size() > path.size() + 2,
              "a failed open says why, naming the file");
        return;
    }
    const sf::SourceFormat format = src->info().format;
    if (format != sf::SourceFormat::JsonLines && format != sf::SourceFormat::JsonArray)
        return; // CSV
    const sf::RowIndex &index = src->index();
    const std::int64_t rows = src->rowCount();
    const sf::Schema &schema = src->schema();
    const std::vector<std::int64_t> lineAt = lineStarts(bytes);

    sf::RejectSink wholeSink;
    sf::ChunkRange everything;
    everything.rowCount = rows;
    const Read whole = drain(*src->reader(everything, wholeSink), wholeSink, rows);
    checkAccounting(whole, rows);
    for (const Rec &r : whole.records) {
        check(r.offset >= index.dataBegin &&
                  r.offset + std::int64_t(r.raw.size()) <= std::int64_t(bytes.size()),
              "a record lies inside the data");
        check(bytes.substr(std::size_t(r.offset), r.raw.size()) == r.raw,
              "raw is the file's bytes");
        check(r.line == lineAt[std::size_t(r.offset)],
              "line number counts the LFs before the record");
        check(int(r.fields.size()) == schema.size(), "a record has the schema's columns");
        if (options.strictTypes && !options.allStrings)
            for (std::size_t i = 0; i < r.fields.size(); ++i)
                check(r.nulls[i] || sf::valueFitsType(schema.columns[int(i)].type, r.fields[i]),
                      "strict types: accepted values fit their column type");
    }
    for (const Rej &r : whole.rejects)
        check(r.offset >= index.dataBegin && r.offset <= std::int64_t(bytes.size()) &&
                  r.line == lineAt[std::size_t(r.offset)],
              "a reject's line is the line of its offset");
    for (const sf::RejectedRecord &r : src->indexRejects())
        check(r.offset >= 0 && r.offset <= std::int64_t(bytes.size()) &&
                  r.line == lineAt[std::size_t(r.offset)] && r.column >= 1 && !r.reason.isEmpty(),
              "an index reject has the line of its offset, a column and a reason");

    for (std::int64_t step : {std::int64_t(1), std::int64_t(3), std::int64_t(130)}) {
        const Read chunked =
            readChunked(rows, step, [&](const sf::ChunkRange &r, sf::RejectSink &s) {
                return src->reader(r, s);
            });
        check(chunked == whole, "chunked reads equal the whole-file read");
    }
    checkBlocks(*src, rows, schema.size(), whole);
    if (rows == 0) return;

    // The same records indexed with a tiny stride, from the first record as readers scan.
    QString mapError;
    auto dataset = std::make_shared<sf::JsonDataset>();
    dataset->file = sf::MappedFile::open(path, {}, &mapError);
    check(dataset->file != nullptr, "the file maps");
    dataset->mode = format == sf::SourceFormat::JsonArray ? sf::JsonScanner::Mode::ArrayElements
                                                          : sf::JsonScanner::Mode::Lines;
    dataset->schema = schema;
    for (const sf::Column &c : schema.columns)
        dataset->names.append(c.name);
    dataset->flatten = options.flattenJson;
    dataset->strictTypes = options.strictTypes && !options.allStrings;
    if (!options.nullValues.isEmpty()) dataset->nullTokens.emplace(options.nullValues);
    sf::RowIndex &small = dataset->index;
    small.stride = 1 + (selector >> 7) * 2;
    small.dataBegin = index.dataBegin;
    small.dataEnd = index.dataEnd;
    const sf::Checkpoint first = index.checkpoints.front();
    sf::JsonScanner scanner(bytes, dataset->mode, first.offset, first.line, true);
    sf::JsonSpan span;
    while (scanner.next(span) == sf::JsonScanner::Step::Record) {
        if (small.rowCount % small.stride == 0)
            small.checkpoints.push_back({span.begin, span.line});
        ++small.rowCount;
    }
    check(small.rowCount == rows, "rescanning from the first checkpoint finds every record");
    for (std::size_t k = 0; k < index.checkpoints.size(); ++k) {
        if (index.stride % small.stride != 0) break;
        const std::size_t j = k * std::size_t(index.stride / small.stride);
        check(j < small.checkpoints.size() &&
                  small.checkpoints[j].offset == index.checkpoints[k].offset &&
                  small.checkpoints[j].line == index.checkpoints[k].line,
              "checkpoints agree across strides");
    }
    std::shared_ptr<const sf::JsonDataset> shared = dataset;
    for (std::int64_t step : {std::int64_t(1), std::int64_t(2), std::int64_t(5)}) {
        const Read chunked =
            readChunked(rows, step, [&](const sf::ChunkRange &r, sf::RejectSink &s) {
                return std::make_unique<sf::JsonReader>(shared, r, s);
            });
        check(chunked == whole,
              "chunked reads over a small-stride index equal the whole-file read");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0 || size > 64 * 1024 + 1) return 0;
    const std::string_view bytes(reinterpret_cast<const char *>(data + 1), size - 1);
    scanAndParse(bytes, sf::JsonScanner::Mode::Lines, 0, 1);
    std::int64_t line = 1;
    const std::int64_t body = sf::JsonScanner::arrayBodyStart(bytes, 0, &line);
    if (body >= 0) scanAndParse(bytes, sf::JsonScanner::Mode::ArrayElements, body, line);
    const std::int64_t bad = sf::JsonScanner::firstInvalidUtf8(bytes);
    check(bad >= -1 && bad < std::int64_t(bytes.size()),
          "an invalid UTF-8 offset lies inside the input");
    openAndRead(data[0], bytes);
    return 0;
}
