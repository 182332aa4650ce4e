#include "datasetloader.h"

#include "data/sqlitesource.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace sf::ui {

DatasetLoader::DatasetLoader(QObject *parent)
    : QObject(parent)
{
    // The worker only stores progress; the GUI reads it at 20 Hz instead of one event per call.
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &DatasetLoader::pollProgress);
}

DatasetLoader::~DatasetLoader()
{
    cancel();
}

void DatasetLoader::load(const QString &path, const SourceOptions &options)
{
    cancel();
    auto shared = std::make_shared<Shared>();
    m_shared = shared;
    m_lastDone = -1;
    m_watcher = new QFutureWatcher<DatasetPreview>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &DatasetLoader::onFinished);
    m_watcher->setFuture(QtConcurrent::run([path, options, shared] {
        OpenControl control;
        control.cancel = &shared->cancel;
        control.threads = QThread::idealThreadCount();
        control.progress = [shared](std::int64_t done, std::int64_t total) {
            shared->done.store(done, std::memory_order_relaxed);
            shared->total.store(total, std::memory_order_relaxed);
        };
        return loadNow(path, options, control, kPreviewRows);
    }));
    m_poll.start();
}

void DatasetLoader::cancel()
{
    if (!m_watcher) return;
    // The worker keeps `Shared` alive through its own reference and stops at its next check.
    m_shared->cancel.store(true);
    m_watcher->disconnect(this);
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_poll.stop();
}

void DatasetLoader::pollProgress()
{
    if (!m_shared) return;
    const std::int64_t done = m_shared->done.load(std::memory_order_relaxed);
    if (done == m_lastDone) return;
    m_lastDone = done;
    Q_EMIT progress(done, m_shared->total.load(std::memory_order_relaxed));
}

void DatasetLoader::onFinished()
{
    auto *watcher = m_watcher;
    m_watcher = nullptr;
    m_poll.stop();
    const DatasetPreview preview = watcher->result();
    watcher->deleteLater();
    Q_EMIT loaded(preview);
}

ChunkRange DatasetLoader::firstRows(const RowIndex &index, std::int64_t rows)
{
    ChunkRange range;
    range.firstRow = 0;
    range.rowCount = std::clamp<std::int64_t>(rows, 0, index.rowCount);
    range.byteBegin = index.checkpoints.empty() ? index.dataBegin : index.checkpoints[0].offset;
    range.byteEnd = index.dataEnd;
    if (range.rowCount < index.rowCount && index.stride > 0) {
        const std::size_t next = std::size_t((range.rowCount + index.stride - 1) / index.stride);
        if (next < index.checkpoints.size()) range.byteEnd = index.checkpoints[next].offset;
    }
    return range;
}

DatasetPreview DatasetLoader::loadNow(const QString &path, const SourceOptions &options,
                                      const OpenControl &control, int previewRows)
{
    QElapsedTimer clock;
    clock.start();
    DatasetPreview out;
    out.path = path;
    out.options = options;
    QString error;
    // The picker needs the tables even when opening fails ("3 tables; choose one").
    out.sqlite = isSqliteFile(path);
    if (out.sqlite) out.sqliteTables = sqliteTableNames(path, &error);
    std::unique_ptr<DataSource> source = openDataSource(path, options, control, &error);
    if (!source) {
        out.cancelled = control.cancel && control.cancel->load();
        out.error = out.cancelled ? DatasetLoader::tr("cancelled") : error;
        out.openMs = double(clock.nsecsElapsed()) / 1e6;
        return out;
    }
    out.rejects = source->indexRejects();
    RejectSink sink;
    try {
        std::unique_ptr<RecordReader> reader =
            source->reader(firstRows(source->index(), previewRows), sink);
        Record record;
        const int width = source->schema().size();
        while (reader && out.rows.size() < previewRows && reader->next(record)) {
            QStringList fields;
            QList<bool> nulls;
            fields.reserve(width);
            for (std::size_t i = 0; i < record.fields.size(); ++i) {
                const std::string_view text = record.fields[i];
                fields.append(QString::fromUtf8(text.data(), qsizetype(text.size())));
                nulls.append(i < record.nulls.size() && record.nulls[i] != 0);
            }
            out.rows.append(fields);
            out.nulls.append(nulls);
            out.lines.append(record.line);
        }
    } catch (const std::exception &e) {
        out.error = QString::fromUtf8(e.what());
    }
    // Index rejects and preview rejects can name the same record; keep each line once.
    for (RejectedRecord &r : sink.take()) {
        const bool seen =
            std::any_of(out.rejects.cbegin(), out.rejects.cend(), [&r](const RejectedRecord &o) {
                return o.line == r.line && o.offset == r.offset;
            });
        if (!seen) out.rejects.append(std::move(r));
    }
    std::sort(out.rejects.begin(), out.rejects.end(),
              [](const RejectedRecord &a, const RejectedRecord &b) { return a.line < b.line; });
    out.source = std::shared_ptr<const DataSource>(std::move(source));
    out.openMs = double(clock.nsecsElapsed()) / 1e6;
    return out;
}

} // namespace sf::ui
