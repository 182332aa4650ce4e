#pragma once
// Helpers shared by the reader fuzz targets: a scratch file per process, reading a chunk into
// plain values, and the invariants every DataSource must keep (each record accounted for once,
// in order; the block reader agrees with next()). A broken invariant prints what and aborts,
// which libFuzzer reports as a crash with the input saved.
#include "data/datasource.h"
#include "data/recordblock.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace sf::fuzz {

inline void check(bool ok, const char *what)
{
    if (ok) return;
    std::fprintf(stderr, "invariant failed: %s\n", what);
    std::abort();
}

// /tmp/sf_fuzz_<name>_<pid><suffix>: one file per process, rewritten for every input.
inline QString scratchPath(const char *name, const char *suffix)
{
    return QStringLiteral("/tmp/sf_fuzz_%1_%2%3")
        .arg(QString::fromLatin1(name))
        .arg(::getpid())
        .arg(QString::fromLatin1(suffix));
}

inline bool writeFile(const QString &path, std::string_view bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    return f.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
}

struct Rec {
    std::int64_t row = 0;
    std::int64_t line = 0;
    std::int64_t offset = 0;
    std::string raw;
    std::vector<std::string> fields;
    std::vector<std::uint8_t> nulls;
    bool operator==(const Rec &) const = default;
};

struct Rej {
    std::int64_t row = 0;
    std::int64_t line = 0;
    std::int64_t column = 0;
    std::int64_t offset = 0;
    QString reason;
    QByteArray raw;
    bool operator==(const Rej &) const = default;
};

struct Read {
    std::vector<Rec> records;
    std::vector<Rej> rejects;
    bool operator==(const Read &) const = default;
};

// Reads `reader` to its end (its chunk holds `expectedRows` records), checking the per-record
// shape on the way, then takes the rejects it reported to `sink`.
inline Read drain(RecordReader &reader, RejectSink &sink, std::int64_t expectedRows)
{
    Read out;
    Record rec;
    std::int64_t lastRow = -1;
    std::int64_t lastLine = 1;
    while (reader.next(rec)) {
        check(rec.fields.size() == rec.nulls.size(), "a record has one null flag per field");
        check(rec.row > lastRow, "records come in row order");
        check(rec.line >= lastLine, "line numbers are >= 1 and never go back");
        check(reader.rowsConsumed() <= expectedRows, "a reader stays inside its chunk");
        lastRow = rec.row;
        lastLine = rec.line;
        Rec r;
        r.row = rec.row;
        r.line = rec.line;
        r.offset = rec.offset;
        r.raw.assign(rec.raw);
        for (std::size_t i = 0; i < rec.fields.size(); ++i) {
            r.fields.emplace_back(rec.fields[i]);
            r.nulls.push_back(rec.nulls[i]);
        }
        out.records.push_back(std::move(r));
    }
    check(reader.rowsConsumed() == expectedRows, "a reader consumes exactly its chunk's records");
    for (const RejectedRecord &j : sink.rejects()) {
        check(j.line >= 1 && j.column >= 0 && j.offset >= 0 && !j.reason.isEmpty(),
              "a reject has a line >= 1, an offset and a reason");
        out.rejects.push_back({j.row, j.line, j.column, j.offset, j.reason, j.raw});
    }
    return out;
}

// Every one of `rows` records is either accepted or rejected, exactly once, in row order.
// Chunked reads of `rows` records with chunks of `step` records through `makeReader`.
template <typename MakeReader>
Read readChunked(std::int64_t rows, std::int64_t step, MakeReader makeReader)
{
    Read all;
    for (std::int64_t first = 0; first < rows; first += step) {
        sf::RejectSink sink;
        sf::ChunkRange range;
        range.firstRow = first;
        range.rowCount = step;
        auto reader = makeReader(range, sink);
        Read part = drain(*reader, sink, std::min(step, rows - first));
        all.records.insert(all.records.end(), part.records.begin(), part.records.end());
        all.rejects.insert(all.rejects.end(), part.rejects.begin(), part.rejects.end());
    }
    return all;
}

inline void checkAccounting(const Read &read, std::int64_t rows)
{
    check(std::int64_t(read.records.size() + read.rejects.size()) == rows,
          "accepted + rejected == indexed records");
    std::vector<std::uint8_t> seen(std::size_t(rows), 0);
    for (const Rec &r : read.records) {
        check(r.row >= 0 && r.row < rows && !seen[std::size_t(r.row)], "each row read once");
        seen[std::size_t(r.row)] = 1;
    }
    std::int64_t lastRow = -1;
    for (const Rej &r : read.rejects) {
        check(r.row > lastRow && r.row < rows && !seen[std::size_t(r.row)],
              "each rejected row once, in order, and never also accepted");
        seen[std::size_t(r.row)] = 1;
        lastRow = r.row;
    }
}

// The block reader yields the fields and nulls of `whole` (missing fields null).
inline void checkBlocks(const DataSource &src, std::int64_t rows, int columns, const Read &whole)
{
    RejectSink sink;
    ChunkRange range;
    range.rowCount = rows;
    auto reader = src.reader(range, sink);
    RecordBlock block;
    std::size_t next = 0;
    while (reader->nextBlock(block, columns)) {
        for (int r = 0; r < block.rows(); ++r, ++next) {
            check(next < whole.records.size(), "no more block rows than records");
            const Rec &rec = whole.records[next];
            for (int c = 0; c < columns; ++c) {
                if (std::size_t(c) < rec.fields.size()) {
                    check(block.isNull(r, c) == (rec.nulls[std::size_t(c)] != 0),
                          "block nulls equal next()'s");
                    check(block.field(r, c) == rec.fields[std::size_t(c)],
                          "block fields equal next()'s");
                } else {
                    check(block.isNull(r, c), "a missing field is null in a block");
                }
            }
        }
    }
    check(next == whole.records.size(), "the block reader yields every record");
    check(sink.count() == std::int64_t(whole.rejects.size()), "the block reader rejects the same");
}

} // namespace sf::fuzz
