#pragma once
// Opens (indexes) one dataset and reads its first rows off the GUI thread, with progress that
// the GUI polls and a cooperative cancel. A newer load() makes any older one stale: its result
// is dropped, so the page only ever shows the options the user chose last.
#include "data/datasource.h"
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <atomic>
#include <memory>

namespace sf::ui {

// The first rows of a dataset as the preview shows them.
struct DatasetPreview {
    QString path;
    SourceOptions options;
    std::shared_ptr<const DataSource> source; // null on failure or cancel
    QList<QStringList> rows;                  // decoded field texts
    QList<QList<bool>> nulls;                 // per field: the value is null
    QList<std::int64_t> lines;                // 1-based physical line of each row
    QList<RejectedRecord> rejects;            // from the index scan and the preview read
    bool sqlite = false;                      // the file is a SQLite database ...
    QStringList sqliteTables;                 // ... with these tables (also when opening failed)
    QString error;
    bool cancelled = false;
    double openMs = 0; // wall time of open + preview
};

class DatasetLoader : public QObject {
    Q_OBJECT
public:
    static constexpr int kPreviewRows = 200;

    explicit DatasetLoader(QObject *parent = nullptr);
    ~DatasetLoader() override; // cancels a running load without waiting for it

    void load(const QString &path, const SourceOptions &options);
    void cancel();
    bool isLoading() const { return m_watcher != nullptr; }

    // The work itself, on whatever thread calls it: open `path` and read up to `previewRows`.
    static DatasetPreview loadNow(const QString &path, const SourceOptions &options,
                                  const OpenControl &control, int previewRows);
    // The range holding the first `rows` records (bytes: the next checkpoint at or past it).
    static ChunkRange firstRows(const RowIndex &index, std::int64_t rows);

Q_SIGNALS:
    void progress(qint64 bytesDone, qint64 bytesTotal); // only when it moved
    void loaded(const sf::ui::DatasetPreview &preview); // also on failure or cancel

private:
    struct Shared {
        std::atomic<bool> cancel{false};
        std::atomic<std::int64_t> done{0};
        std::atomic<std::int64_t> total{0};
    };
    void pollProgress();
    void onFinished();

    std::shared_ptr<Shared> m_shared;
    QFutureWatcher<DatasetPreview> *m_watcher = nullptr;
    QTimer m_poll;
    std::int64_t m_lastDone = -1;
};

} // namespace sf::ui
