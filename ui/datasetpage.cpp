#include "datasetpage.h"
#include "theme.h"

#include "dialectbar.h"
#include "partition/partitionspec.h"
#include "previewmodel.h"
#include "recentmenu.h"
#include "settings.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sf::ui {

namespace {

QString describe(const DataSource &source, double openMs)
{
    const SourceInfo info = source.info();
    const QLocale locale;
    QStringList parts;
    parts << sourceFormatName(info.format).toUpper();
    parts << (info.compression.isEmpty() ? DatasetPage::tr("uncompressed") : info.compression);
    parts << DatasetPage::tr("%1 rows").arg(locale.toString(qint64(source.rowCount())));
    parts << DatasetPage::tr("%1 columns").arg(locale.toString(qint64(source.schema().size())));
    parts << formatByteSize(source.byteSize());
    if (info.format == SourceFormat::Csv || info.format == SourceFormat::Tsv) {
        parts << DatasetPage::tr("delimiter '%1'").arg(DialectBar::delimiterText(info.delimiter));
        parts << (info.header ? DatasetPage::tr("header") : DatasetPage::tr("no header"));
    }
    if (!info.lineEnding.isEmpty()) parts << info.lineEnding;
    parts << info.encoding + (info.bom ? QStringLiteral(" BOM") : QString());
    parts << DatasetPage::tr("opened in %1 ms").arg(openMs, 0, 'f', 0);
    return parts.join(QStringLiteral(" · "));
}

} // namespace

DatasetPage::DatasetPage(QWidget *parent)
    : QWidget(parent)
    , m_previewModel(new PreviewModel(this))
{
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("datasetList"));
    auto *openButton = new QPushButton(tr("Open…"));
    auto *closeButton = new QPushButton(tr("Close"));
    auto *recentButton = new QPushButton(tr("Recent"));
    recentButton->setObjectName(QStringLiteral("recentButton"));
    auto *recentMenu = new QMenu(recentButton);
    recentButton->setMenu(recentMenu);
    connect(recentMenu, &QMenu::aboutToShow, this, [this, recentMenu] {
        fillRecentMenu(recentMenu, [this](const QString &path) { openDataset(path); });
    });
    connect(openButton, &QPushButton::clicked, this, &DatasetPage::showOpenDialog);
    connect(closeButton, &QPushButton::clicked, this, &DatasetPage::closeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, &DatasetPage::showEntry);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Open datasets")));
    leftLayout->addWidget(m_list);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(openButton);
    buttons->addWidget(recentButton);
    buttons->addWidget(closeButton);
    leftLayout->addLayout(buttons);

    m_info = new QLabel;
    m_info->setObjectName(QStringLiteral("datasetInfo"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelLoad"));
    connect(m_cancel, &QPushButton::clicked, this, &DatasetPage::cancelLoad);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_previewModel);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_badTitle = new QLabel;
    m_badRecords = new QTreeWidget;
    m_badRecords->setObjectName(QStringLiteral("badRecords"));
    m_badRecords->setRootIsDecorated(false);
    m_badRecords->setHeaderLabels({tr("Line"), tr("Column"), tr("Reason"), tr("Raw text")});
    m_badBox = new QWidget;
    auto *badBox = m_badBox;
    auto *badLayout = new QVBoxLayout(badBox);
    badLayout->setContentsMargins(0, 0, 0, 0);
    badLayout->addWidget(m_badTitle);
    badLayout->addWidget(m_badRecords);

    auto *vsplit = new QSplitter(Qt::Vertical);
    vsplit->addWidget(m_table);
    vsplit->addWidget(badBox);
    vsplit->setStretchFactor(0, 4);
    vsplit->setStretchFactor(1, 1);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_dialect = new DialectBar;
    connect(m_dialect, &DialectBar::edited, this, &DatasetPage::reloadCurrent);
    rightLayout->addWidget(m_dialect);
    rightLayout->addWidget(m_info);
    rightLayout->addLayout(progressRow);
    rightLayout->addWidget(vsplit, 1);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({220, 900});
    Settings::keepSplitterState(split, QStringLiteral("dataset"));
    Settings::keepSplitterState(vsplit, QStringLiteral("datasetPreview"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    showEntry(-1);
}

DatasetPage::~DatasetPage() = default;

void DatasetPage::showOpenDialog()
{
    const QStringList recent = Settings::recentFiles();
    const QString dir = recent.isEmpty() ? QString() : QFileInfo(recent.first()).absolutePath();
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Open dataset"), dir,
                                      tr("Datasets (*.csv *.tsv *.txt *.jsonl *.ndjson *.json *.gz "
                                         "*.zst *.sqlite *.db);;All files (*)"));
    for (const QString &path : paths)
        openDataset(path);
}

void DatasetPage::openDataset(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].path == absolute) {
            setCurrentIndex(i);
            return;
        }
    }
    Entry entry;
    entry.path = absolute;
    entry.loader = new DatasetLoader(this);
    DatasetLoader *loader = entry.loader;
    connect(loader, &DatasetLoader::loaded, this,
            [this, loader](const DatasetPreview &p) { onLoaded(loader, p); });
    connect(loader, &DatasetLoader::progress, this,
            [this, loader](qint64 done, qint64 total) { onProgress(loader, done, total); });
    m_entries.append(entry);
    auto *item = new QListWidgetItem(QFileInfo(absolute).fileName());
    item->setToolTip(absolute);
    m_list->addItem(item);
    startLoad(int(m_entries.size()) - 1);
    m_list->setCurrentRow(int(m_entries.size()) - 1);
}

void DatasetPage::closeCurrent()
{
    const int row = currentIndex();
    if (row < 0) return;
    m_entries[row].loader->cancel();
    m_entries[row].loader->deleteLater();
    m_entries.removeAt(row);
    delete m_list->takeItem(row);
    showEntry(m_list->currentRow());
    Q_EMIT datasetsChanged();
}

int DatasetPage::currentIndex() const
{
    return m_list->currentRow();
}

void DatasetPage::setCurrentIndex(int index)
{
    m_list->setCurrentRow(index);
}

bool DatasetPage::isLoading() const
{
    const int row = currentIndex();
    return row >= 0 && m_entries[row].loader->isLoading();
}

void DatasetPage::cancelLoad()
{
    const int row = currentIndex();
    if (row < 0 || !m_entries[row].loader->isLoading()) return;
    m_entries[row].loader->cancel();
    Entry &entry = m_entries[row];
    entry.preview = DatasetPreview{};
    entry.preview.path = entry.path;
    entry.preview.options = entry.options;
    entry.preview.cancelled = true;
    entry.preview.error = tr("Opening cancelled.");
    m_list->item(row)->setForeground(QPalette().color(QPalette::Disabled, QPalette::Text));
    showEntry(row);
    Q_EMIT datasetsChanged();
    Q_EMIT datasetLoaded(entry.path, false);
}

const DatasetPreview *DatasetPage::currentPreview() const
{
    const int row = currentIndex();
    return row >= 0 ? &m_entries[row].preview : nullptr;
}

QList<OpenDataset> DatasetPage::readyDatasets() const
{
    QList<OpenDataset> out;
    for (const Entry &e : m_entries)
        if (e.preview.source && !e.loader->isLoading()) out.append({e.path, e.preview.source});
    return out;
}

SourceOptions DatasetPage::dialectOptions() const
{
    return m_dialect->options();
}

void DatasetPage::reloadCurrent()
{
    const int row = currentIndex();
    if (row < 0) return;
    m_entries[row].options = m_dialect->options();
    startLoad(row);
    showEntry(row);
}

void DatasetPage::startLoad(int row)
{
    Entry &entry = m_entries[row];
    entry.bytesDone = 0;
    entry.bytesTotal = 0;
    entry.loader->load(entry.path, entry.options);
    Q_EMIT statusMessage(tr("Opening %1…").arg(QFileInfo(entry.path).fileName()));
}

int DatasetPage::rowOf(const DatasetLoader *loader) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].loader == loader) return i;
    return -1;
}

void DatasetPage::onProgress(DatasetLoader *loader, qint64 done, qint64 total)
{
    const int row = rowOf(loader);
    if (row < 0) return;
    m_entries[row].bytesDone = done;
    m_entries[row].bytesTotal = total;
    if (row == currentIndex() && total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000.0 * double(done) / double(total)));
    }
}

void DatasetPage::onLoaded(DatasetLoader *loader, const DatasetPreview &preview)
{
    const int row = rowOf(loader);
    if (row < 0) return;
    Entry &entry = m_entries[row];
    entry.preview = preview;
    const bool ok = preview.source != nullptr;
    m_list->item(row)->setForeground(ok ? QPalette().color(QPalette::Text) : QColor(Qt::red));
    if (ok) Settings::addRecentFile(entry.path);
    if (row == currentIndex()) showEntry(row);
    Q_EMIT statusMessage(ok ? tr("Opened %1: %2 rows")
                                  .arg(QFileInfo(entry.path).fileName())
                                  .arg(preview.source->rowCount())
                            : tr("Could not open %1: %2").arg(entry.path, preview.error));
    Q_EMIT datasetsChanged();
    Q_EMIT datasetLoaded(entry.path, ok);
}

void DatasetPage::showEntry(int row)
{
    const bool valid = row >= 0 && row < m_entries.size();
    const bool loading = valid && m_entries[row].loader->isLoading();
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    m_badRecords->clear();
    if (!valid) {
        m_previewModel->clear();
        m_badTitle->setText(tr("Bad records"));
        m_badBox->hide();
        m_info->setStyleSheet(QString());
        m_info->setText(
            tr("Open a dataset: File ▸ Open (Ctrl+O), drop a file here, or pick a recent one."));
        m_dialect->setDetectedSqlite(false);
        return;
    }
    const Entry &entry = m_entries[row];
    m_dialect->setSqliteTables(entry.preview.sqliteTables);
    m_dialect->setOptions(entry.options);
    m_info->setStyleSheet(QString());
    if (loading) {
        m_progress->setRange(0, entry.bytesTotal > 0 ? 1000 : 0); // busy until the size is known
        if (entry.bytesTotal > 0)
            m_progress->setValue(int(1000.0 * double(entry.bytesDone) / double(entry.bytesTotal)));
        m_info->setText(tr("Opening %1…").arg(entry.path));
    } else if (entry.preview.source) {
        m_info->setText(describe(*entry.preview.source, entry.preview.openMs));
    } else {
        m_info->setText(entry.preview.error);
        m_info->setStyleSheet(errorTextStyle());
    }
    if (entry.preview.source && !loading) {
        m_previewModel->setPreview(entry.preview.source->schema(), entry.preview);
        m_table->resizeColumnsToContents();
    } else {
        m_previewModel->clear();
    }
    const QList<RejectedRecord> &rejects = entry.preview.rejects;
    m_badTitle->setText(tr("Bad records in the index and the first %1 rows: %2")
                            .arg(DatasetLoader::kPreviewRows)
                            .arg(rejects.size()));
    // No bad records: the preview takes the whole height, the info line says so.
    m_badBox->setVisible(!rejects.isEmpty());
    if (rejects.isEmpty() && entry.preview.source && !loading)
        m_info->setText(
            m_info->text() +
            tr(" · no bad records in the first %1 rows").arg(DatasetLoader::kPreviewRows));
    for (const RejectedRecord &r : rejects) {
        auto *item = new QTreeWidgetItem(m_badRecords);
        item->setData(0, Qt::DisplayRole, qint64(r.line));
        item->setData(1, Qt::DisplayRole, qint64(r.column));
        item->setText(2, r.reason);
        item->setText(
            3, QString::fromUtf8(r.raw.left(300)).replace(QLatin1Char('\n'), QStringLiteral("⏎")));
        item->setToolTip(3, QString::fromUtf8(r.raw.left(4000)));
    }
    m_dialect->setDetectedSqlite(entry.preview.sqlite);
}

} // namespace sf::ui
