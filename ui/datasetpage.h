#pragma once
// The Dataset page: opens datasets (dialog, drop, recent, command line) through a
// DatasetLoader each, shows the first rows with inferred types, the detected dialect and the
// bad records found, and re-opens at once when the user changes the dialect.
#include "datasetloader.h"
#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace sf::ui {

class DialectBar;
class PreviewModel;

// A dataset that finished opening, as jobs use it.
struct OpenDataset {
    QString path;
    std::shared_ptr<const DataSource> source;
};

class DatasetPage : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPage(QWidget *parent = nullptr);
    ~DatasetPage() override;

    // Adds `path` (or selects it when already open) and starts loading it.
    void openDataset(const QString &path);
    void showOpenDialog();
    void closeCurrent();

    QList<OpenDataset> readyDatasets() const; // opened successfully, in list order
    int count() const { return int(m_entries.size()); }
    int currentIndex() const;
    void setCurrentIndex(int index);
    bool isLoading() const;               // the current dataset is loading
    void cancelLoad();                    // cancels the current dataset's load
    SourceOptions dialectOptions() const; // what the controls say
    const DatasetPreview *currentPreview() const;

    PreviewModel *previewModel() const { return m_previewModel; }
    QTreeWidget *badRecordsView() const { return m_badRecords; }
    QLabel *infoLabel() const { return m_info; }
    DialectBar *dialectBar() const { return m_dialect; }

Q_SIGNALS:
    void datasetsChanged();                           // opened, re-opened or closed
    void datasetLoaded(const QString &path, bool ok); // every load, also failures
    void statusMessage(const QString &message);

private:
    struct Entry {
        QString path;
        SourceOptions options;
        DatasetLoader *loader = nullptr;
        DatasetPreview preview;
        qint64 bytesDone = 0;
        qint64 bytesTotal = 0;
    };

    void reloadCurrent(); // dialect changed: re-open with the controls' options
    void startLoad(int row);
    void onLoaded(DatasetLoader *loader, const DatasetPreview &preview);
    void onProgress(DatasetLoader *loader, qint64 done, qint64 total);
    void showEntry(int row); // controls, info, preview and bad records of `row`
    int rowOf(const DatasetLoader *loader) const;

    QList<Entry> m_entries;
    DialectBar *m_dialect = nullptr;
    PreviewModel *m_previewModel = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_info = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QTableView *m_table = nullptr;
    QWidget *m_badBox = nullptr;
    QLabel *m_badTitle = nullptr;
    QTreeWidget *m_badRecords = nullptr;
};

} // namespace sf::ui
