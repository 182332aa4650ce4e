// Where the profile's time goes, on one thread, without the engine: reading records alone,
// then the reader plus each column's statistics alone, then the whole profile, all over the
// same chunks (fixed rows per chunk, partials merged in order as the engine does).
// Times are CPU seconds of this (single) thread, so a busy machine inflates them less.
// Usage: bench_profile_columns FILE.csv [chunk_rows=50000] [repeats=3] [only: a column name, "read"
// or "all"]
#include "analysis/columnstats.h"
#include "core/allocator.h"
#include "data/datasource.h"

#include <QCoreApplication>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace sf;

namespace {

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Reads every chunk in record blocks, as the profile does; `feed(stats, block)` feeds the
// stats of the chunk. Returns CPU seconds.
template <class Feed>
double pass(const DataSource &source, std::int64_t chunkRows, int columns, Feed feed)
{
    const double start = cpuSeconds();
    std::vector<ColumnStats> total;
    for (int c = 0; c < columns; ++c)
        total.emplace_back(source.schema().columns[c].type);
    RejectSink rejects;
    for (std::int64_t first = 0; first < source.rowCount(); first += chunkRows) {
        ChunkRange range;
        range.firstRow = first;
        range.rowCount = std::min(chunkRows, source.rowCount() - first);
        std::vector<ColumnStats> part;
        for (int c = 0; c < columns; ++c)
            part.emplace_back(source.schema().columns[c].type);
        auto reader = source.reader(range, rejects);
        RecordBlock block;
        while (reader->nextBlock(block, int(source.schema().size())))
            feed(part, block);
        for (int c = 0; c < columns; ++c)
            total[std::size_t(c)].merge(part[std::size_t(c)]);
    }
    volatile std::int64_t sink = total.empty() ? 0 : total.front().count();
    (void)sink;
    return cpuSeconds() - start;
}

template <class F> double best(int repeats, F f)
{
    double b = 1e300;
    for (int i = 0; i < repeats; ++i)
        b = std::min(b, f());
    return b;
}

} // namespace

int main(int argc, char **argv)
{
    sf::tuneAllocator(); // as superflow-cli
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_profile_columns FILE.csv [chunk_rows] [repeats]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const std::int64_t chunkRows = argc > 2 ? std::atoll(argv[2]) : 50000;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
    const QString only = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString();
    QString error;
    const double start = cpuSeconds();
    auto source = openDataSource(path, SourceOptions(), OpenControl(), &error);
    if (!source) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 3;
    }
    const double openS = cpuSeconds() - start;
    const double mb = double(source->byteSize()) / 1e6;
    const int columns = int(source->schema().size());
    std::printf("%s: %.1f MB, %lld rows, %d columns, chunks of %lld rows\n", argv[1], mb,
                (long long)source->rowCount(), columns, (long long)chunkRows);
    std::printf("%-22s %8.3f s  %8.1f MB/s\n", "open (index+schema)", openS, mb / openS);

    const bool onlyAll = only == QLatin1String("all");
    const double readS = onlyAll ? 0.0 : best(repeats, [&] {
        return pass(*source, chunkRows, 0, [](std::vector<ColumnStats> &, const RecordBlock &) {});
    });
    std::printf("%-22s %8.3f s  %8.1f MB/s\n", "read records", readS, mb / readS);
    for (int c = 0; c < columns; ++c) {
        if (!only.isEmpty() && source->schema().columns[c].name != only) continue;
        if (onlyAll) break;
        const double s = best(repeats, [&] {
            return pass(*source, chunkRows, columns,
                        [c](std::vector<ColumnStats> &st, const RecordBlock &b) {
                            st[std::size_t(c)].addBlock(b, c);
                        });
        });
        const Column &col = source->schema().columns[c];
        std::printf("  + %-18s %8.3f s  (+%.3f s, %s)\n", qPrintable(col.name), s, s - readS,
                    qPrintable(columnTypeName(col.type)));
    }
    if (!only.isEmpty() && !onlyAll) return 0;
    const double allS = best(repeats, [&] {
        return pass(*source, chunkRows, columns,
                    [columns](std::vector<ColumnStats> &st, const RecordBlock &b) {
                        for (int c = 0; c < columns; ++c)
                            st[std::size_t(c)].addBlock(b, c);
                    });
    });
    std::printf("%-22s %8.3f s  %8.1f MB/s\n", "whole profile", allS, mb / allS);
    return 0;
}
