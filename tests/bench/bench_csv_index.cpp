// Index scan and full parse speed of the CSV reader, beside `wc -l` on the same file.
// Usage: bench_csv_index [megabytes=200] [path=/tmp/sf_bench_csv_index.csv]
#include "data/datasource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>
#include <cstdio>

using namespace sf;

namespace {

// A weather-like file: ints, doubles, a timestamp, text, some quoted fields with delimiters.
bool generate(const QString &path, qint64 bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return false;
    QRandomGenerator rng(7);
    QByteArray block;
    f.write("id,station,time,temp,humidity,condition\n");
    static const char *conditions[] = {"clear", "rain", "\"fog, light\"", "snow", "\"said \"\"hi\"\"\""};
    qint64 written = 0;
    for (qint64 id = 0; written < bytes; ++id) {
        block += QByteArray::number(id) + ",ST" + QByteArray::number(rng.bounded(0, 500)) + ",2024-0"
                 + QByteArray::number(1 + rng.bounded(0, 9)) + "-1" + QByteArray::number(rng.bounded(0, 10))
                 + "T12:00:00Z," + QByteArray::number(rng.bounded(-300, 400) / 10.0) + ','
                 + QByteArray::number(rng.bounded(0, 100)) + ',' + conditions[rng.bounded(0, 5)] + '\n';
        if (block.size() > (1 << 20)) {
            written += f.write(block);
            block.clear();
        }
    }
    f.write(block);
    return true;
}

double seconds(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e9; }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 mb = argc > 1 ? QByteArray(argv[1]).toLongLong() : 200;
    const QString path = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("/tmp/sf_bench_csv_index.csv");
    if (QFileInfo(path).size() < mb * 1000000 && !generate(path, mb * 1000000)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    const double fileMb = double(QFileInfo(path).size()) / 1e6;

    // wc -l first, so both start from a warm page cache.
    QElapsedTimer t;
    QProcess wc;
    t.start();
    wc.start(QStringLiteral("wc"), {QStringLiteral("-l"), path});
    wc.waitForFinished(-1);
    const double wcSec = seconds(t);

    // The open (sniff, index scan, type inference) on one thread, then split across every core
    // (OpenControl::threads), best of three each.
    SourceOptions options;
    QString error;
    std::shared_ptr<DataSource> src;
    const int cores = QThread::idealThreadCount();
    double openSec[2] = {1e9, 1e9};
    for (int round = 0; round < 6; ++round) {
        OpenControl control;
        control.threads = round % 2 == 0 ? 1 : cores;
        t.start();
        src = openDataSource(path, options, control, &error);
        openSec[round % 2] = std::min(openSec[round % 2], seconds(t));
        if (!src) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    const double indexSec = openSec[0];

    t.start();
    RejectSink sink;
    ChunkRange all;
    all.rowCount = src->rowCount();
    auto reader = src->reader(all, sink);
    Record rec;
    std::size_t checksum = 0;
    std::int64_t records = 0;
    while (reader->next(rec)) {
        for (std::size_t i = 0; i < rec.fields.size(); ++i)
            checksum += rec.fields[i].size() + rec.nulls[i];
        ++records;
    }
    const double parseSec = seconds(t);

    std::printf("file: %s, %.1f MB, %lld records (%lld rejected), checksum %zu\n", qPrintable(path),
                fileMb, qlonglong(src->rowCount()), qlonglong(sink.count()), checksum);
    std::printf("wc -l       : %7.3f s  %8.1f MB/s\n", wcSec, fileMb / wcSec);
    std::printf("index (open): %7.3f s  %8.1f MB/s  (%.2fx wc -l time)\n", indexSec, fileMb / indexSec,
                indexSec / wcSec);
    std::printf("open, %d thr: %7.3f s  %8.1f MB/s  (%.2fx the 1-thread open)\n", cores, openSec[1],
                fileMb / openSec[1], openSec[1] / indexSec);
    std::printf("full parse  : %7.3f s  %8.1f MB/s  (%.2fx wc -l time)\n", parseSec, fileMb / parseSec,
                parseSec / wcSec);
    return records + sink.count() == src->rowCount() ? 0 : 2;
}
