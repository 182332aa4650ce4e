// Fuzzes the CSV path end to end: any bytes, opened with options taken from the first byte,
// must open or fail with a message, never crash or hang; and reading in chunks must give the
// same records as one sequential read (the invariant every run relies on).
#include "data/datasource.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <cstdint>
#include <cstdlib>
#include <unistd.h>
#include <vector>

namespace {

QString scratchPath()
{
    static const QString path = QStringLiteral("/tmp/sf_fuzz_csv_%1.csv").arg(::getpid());
    return path;
}

using Rows = std::vector<std::vector<std::string>>;

Rows readRange(const sf::DataSource &src, std::int64_t first, std::int64_t count, std::int64_t *rejects)
{
    Rows rows;
    sf::RejectSink sink;
    sf::ChunkRange range;
    range.firstRow = first;
    range.rowCount = count;
    auto reader = src.reader(range, sink);
    sf::Record rec;
    while (reader->next(rec)) {
        if (rec.fields.size() != rec.nulls.size()) std::abort();
        std::vector<std::string> row;
        for (auto f : rec.fields)
            row.emplace_back(f);
        rows.push_back(std::move(row));
    }
    if (reader->rowsConsumed() > count) std::abort();
    *rejects += sink.count();
    return rows;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0) return 0;
    const std::uint8_t selector = data[0];
    {
        QFile f(scratchPath());
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 0;
        f.write(reinterpret_cast<const char *>(data + 1), qint64(size - 1));
    }
    sf::SourceOptions options;
    options.format = sf::SourceFormat::Csv;
    static const char delimiters[] = {0, ',', ';', '\t'};
    options.delimiter = delimiters[selector & 3];
    options.header = static_cast<sf::SourceOptions::Header>((selector >> 2) % 3);
    options.strictTypes = selector & 0x10;
    options.quote = (selector & 0x20) ? '\'' : '"';
    options.inferenceSampleRows = (selector & 0x40) ? 3 : 1000;
    QString error;
    auto src = sf::openDataSource(scratchPath(), options, {}, &error);
    if (!src) {
        if (error.isEmpty()) std::abort();
        return 0;
    }
    const std::int64_t rows = src->rowCount();
    std::int64_t rejectsAll = 0, rejectsChunked = 0;
    const Rows all = readRange(*src, 0, rows, &rejectsAll);
    Rows chunked;
    const std::int64_t step = 1 + (selector >> 7) * 2;
    for (std::int64_t first = 0; first < rows; first += step) {
        Rows part = readRange(*src, first, step, &rejectsChunked);
        chunked.insert(chunked.end(), part.begin(), part.end());
    }
    if (chunked != all || rejectsAll != rejectsChunked) std::abort();
    if (std::int64_t(all.size()) + rejectsAll != rows) std::abort();
    return 0;
}
