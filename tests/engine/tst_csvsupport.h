#pragma once
// Shared by the CSV tests: write bytes to a temporary file, open it, read records back.
#include "data/datasource.h"
#include <QByteArray>
#include <QList>
#include <QTemporaryDir>
#include <QFile>
#include <QTest>

namespace sf::test {

struct ReadBack {
    QList<QList<QByteArray>> rows;      // good records, decoded fields
    QList<QList<bool>> nulls;
    QList<std::int64_t> rowNumbers;
    QList<std::int64_t> lines;
    QList<QByteArray> raws;
    QList<RejectedRecord> rejects;
};

inline QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) return {};
    return path;
}

inline ReadBack readRange(const DataSource &src, std::int64_t firstRow, std::int64_t rowCount)
{
    ReadBack out;
    RejectSink sink;
    ChunkRange range;
    range.firstRow = firstRow;
    range.rowCount = rowCount;
    auto reader = src.reader(range, sink);
    Record rec;
    while (reader->next(rec)) {
        QList<QByteArray> row;
        QList<bool> nulls;
        for (std::size_t i = 0; i < rec.fields.size(); ++i) {
            row.append(QByteArray(rec.fields[i].data(), qsizetype(rec.fields[i].size())));
            nulls.append(rec.isNull(i));
        }
        out.rows.append(row);
        out.nulls.append(nulls);
        out.rowNumbers.append(rec.row);
        out.lines.append(rec.line);
        out.raws.append(QByteArray(rec.raw.data(), qsizetype(rec.raw.size())));
    }
    out.rejects = sink.take();
    return out;
}

inline ReadBack readAll(const DataSource &src) { return readRange(src, 0, src.rowCount()); }

// Records [firstRow, firstRow + rowCount) of `src` read block by block (nextBlock), with the
// block's own null flags; each block is read only once it is complete, so every view must
// still be valid then.
inline ReadBack readBlocks(const DataSource &src, int columns, std::int64_t firstRow = 0,
                           std::int64_t rowCount = -1)
{
    ReadBack out;
    RejectSink sink;
    ChunkRange range;
    range.firstRow = firstRow;
    range.rowCount = rowCount < 0 ? src.rowCount() : rowCount;
    auto reader = src.reader(range, sink);
    RecordBlock block;
    while (reader->nextBlock(block, columns)) {
        for (int r = 0; r < block.rows(); ++r) {
            QList<QByteArray> row;
            QList<bool> nulls;
            for (int c = 0; c < block.columns(); ++c) {
                const std::string_view f = block.field(r, c);
                row.append(QByteArray(f.data(), qsizetype(f.size())));
                nulls.append(block.isNull(r, c));
            }
            out.rows.append(row);
            out.nulls.append(nulls);
        }
    }
    out.rejects = sink.take();
    return out;
}

inline std::unique_ptr<DataSource> openBytes(const QTemporaryDir &dir, const QByteArray &bytes,
                                             const SourceOptions &options = {},
                                             QString *error = nullptr,
                                             const QString &name = QString())
{
    // A fresh name per file: rewriting a file another open source has mapped would change it.
    static int serial = 0;
    const QString fileName = QString::number(++serial) + QLatin1Char('_')
                             + (name.isEmpty() ? QStringLiteral("t.csv") : name);
    QString localError;
    auto src = openDataSource(writeTemp(dir, fileName, bytes), options, {}, error ? error : &localError);
    if (!src && !error) qWarning("open failed: %s", qPrintable(localError));
    return src;
}

inline QList<QByteArray> fields(std::initializer_list<const char *> list)
{
    QList<QByteArray> out;
    for (const char *s : list)
        out.append(QByteArray(s));
    return out;
}

} // namespace sf::test

// Compressed fixtures made in the test with the libraries' own APIs.
#include <zlib.h>
#include <zstd.h>

namespace sf::test {

inline QByteArray gzipBytes(const QByteArray &plain, int level = 6)
{
    z_stream zs{};
    deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&zs, uLong(plain.size()))) + 64, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    zs.avail_in = uInt(plain.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

inline QByteArray zstdBytes(const QByteArray &plain, int level = 3)
{
    // With the content checksum, as the zstd tool writes, so corruption is always detectable.
    QByteArray out(qsizetype(ZSTD_compressBound(std::size_t(plain.size()))), Qt::Uninitialized);
    ZSTD_CCtx *ctx = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(ctx, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(ctx, ZSTD_c_checksumFlag, 1);
    const std::size_t n = ZSTD_compress2(ctx, out.data(), std::size_t(out.size()), plain.constData(),
                                         std::size_t(plain.size()));
    ZSTD_freeCCtx(ctx);
    out.resize(ZSTD_isError(n) ? 0 : qsizetype(n));
    return out;
}

} // namespace sf::test
