// Dataset page: opening off the GUI thread, the preview with inferred types, dialect changes
// that re-open at once, bad records with line numbers, cancel, failures, recent files, and the
// SQLite table picker / query box.
#include "datasetloader.h"
#include "datasetpage.h"
#include "dialectbar.h"
#include "previewmodel.h"
#include "settings.h"
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace sf;
using namespace sf::ui;

namespace {

const QString kWeather = QStringLiteral(SF_SAMPLES_DIR "/weather.csv");

// Data lines of a CSV without quoted line breaks (the sample has none).
qint64 dataLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return -1;
    qint64 lines = 0;
    while (!f.atEnd())
        if (!f.readLine().trimmed().isEmpty()) ++lines;
    return lines - 1;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString header(const PreviewModel *m, int column)
{
    return m->headerData(column, Qt::Horizontal).toString();
}

} // namespace

class TestDatasetPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensSampleWithTypedPreview();
    void dialectChangesReopenAtOnce();
    void badRecordsListedWithLines();
    void cancelDropsTheLoad();
    void loaderHonoursCancelFlag();
    void missingFileShowsError();
    void severalDatasetsOpen();
    void sqliteTablePickerAndQuery();
};

void TestDatasetPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SuperflowTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_datasetpage"));
    Settings::clearRecentFiles();
    QVERIFY(QFile::exists(kWeather));
}

void TestDatasetPage::opensSampleWithTypedPreview()
{
    DatasetPage page;
    QAbstractItemModelTester tester(page.previewModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&page, &DatasetPage::datasetLoaded);
    QSignalSpy changed(&page, &DatasetPage::datasetsChanged);
    page.openDataset(kWeather);
    QVERIFY(page.isLoading());
    QVERIFY(page.readyDatasets().isEmpty());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().at(1).toBool(), true);
    QVERIFY(!changed.isEmpty());

    const QList<OpenDataset> ready = page.readyDatasets();
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.first().source->rowCount(), dataLines(kWeather));
    const PreviewModel *m = page.previewModel();
    QCOMPARE(m->rowCount(), int(qMin<qint64>(DatasetLoader::kPreviewRows, dataLines(kWeather))));
    QCOMPARE(m->columnCount(), 8);
    QCOMPARE(header(m, 0), QStringLiteral("station\nstring"));
    QCOMPARE(m->headerData(1, Qt::Horizontal, PreviewModel::ColumnTypeRole).toString(),
             QStringLiteral("datetime"));
    QVERIFY(header(m, 2).startsWith(QStringLiteral("temp_max\ndouble")));
    QCOMPARE(m->headerData(5, Qt::Horizontal, PreviewModel::ColumnTypeRole).toString(),
             QStringLiteral("int64"));
    QCOMPARE(m->headerData(7, Qt::Horizontal, PreviewModel::ColumnTypeRole).toString(),
             QStringLiteral("bool"));
    QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("Reykjavik"));
    QCOMPARE(m->index(1, 0).data().toString(), QStringLiteral("Oslo, Blindern")); // quotes removed
    QCOMPARE(m->index(0, 2).data().toString(), QStringLiteral("-2.0"));
    QCOMPARE(m->headerData(0, Qt::Vertical).toLongLong(), 2); // physical line of the first row
    QCOMPARE(m->index(0, 2).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight,
             Qt::AlignRight);
    QVERIFY(page.infoLabel()->text().contains(QStringLiteral("CSV")));
    QVERIFY(page.infoLabel()->text().contains(QLocale().toString(dataLines(kWeather))));
    QCOMPARE(page.badRecordsView()->topLevelItemCount(), 0);
    QCOMPARE(Settings::recentFiles().value(0), QFileInfo(kWeather).absoluteFilePath());
}

void TestDatasetPage::dialectChangesReopenAtOnce()
{
    DatasetPage page;
    QAbstractItemModelTester tester(page.previewModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&page, &DatasetPage::datasetLoaded);
    page.openDataset(kWeather);
    QVERIFY(loaded.wait(30000));

    auto *allStrings = page.findChild<QCheckBox *>(QStringLiteral("allStrings"));
    QVERIFY(allStrings);
    allStrings->setChecked(true);
    QVERIFY(page.isLoading());
    QVERIFY(loaded.wait(30000));
    const PreviewModel *m = page.previewModel();
    for (int c = 0; c < m->columnCount(); ++c)
        QCOMPARE(m->headerData(c, Qt::Horizontal, PreviewModel::ColumnTypeRole).toString(),
                 QStringLiteral("string"));
    QVERIFY(page.dialectOptions().allStrings);

    // No header: the header line becomes the first record, named columns become generic.
    auto *headerBox = page.findChild<QComboBox *>(QStringLiteral("header"));
    headerBox->setCurrentIndex(headerBox->findData(int(SourceOptions::Header::No)));
    Q_EMIT headerBox->activated(headerBox->currentIndex());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("station"));
    QCOMPARE(m->headerData(0, Qt::Vertical).toLongLong(), 1);
    QCOMPARE(page.readyDatasets().first().source->rowCount(), dataLines(kWeather) + 1);
}

void TestDatasetPage::badRecordsListedWithLines()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("bad.csv"),
                                   "a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n13,14,15\n");
    DatasetPage page;
    QSignalSpy loaded(&page, &DatasetPage::datasetLoaded);
    page.openDataset(path);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().at(1).toBool(), true);
    QTreeWidget *bad = page.badRecordsView();
    QCOMPARE(bad->topLevelItemCount(), 2);
    QCOMPARE(bad->topLevelItem(0)->text(0), QStringLiteral("3"));
    QCOMPARE(bad->topLevelItem(0)->text(2), QStringLiteral("expected 3 fields, found 2"));
    QCOMPARE(bad->topLevelItem(0)->text(3), QStringLiteral("4,5"));
    QCOMPARE(bad->topLevelItem(1)->text(0), QStringLiteral("5"));
    // Bad records are skipped in the preview; the good ones keep their own line numbers.
    const PreviewModel *m = page.previewModel();
    QCOMPARE(m->rowCount(), 3);
    QCOMPARE(m->headerData(1, Qt::Vertical).toLongLong(), 4);
    QCOMPARE(m->index(2, 2).data().toString(), QStringLiteral("15"));
}

void TestDatasetPage::cancelDropsTheLoad()
{
    DatasetPage page;
    QSignalSpy loaded(&page, &DatasetPage::datasetLoaded);
    page.openDataset(kWeather);
    QVERIFY(page.isLoading());
    page.cancelLoad();
    QVERIFY(!page.isLoading());
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().at(1).toBool(), false);
    QTest::qWait(500); // the worker's late result must not show up
    QCOMPARE(loaded.size(), 1);
    QVERIFY(page.readyDatasets().isEmpty());
    QCOMPARE(page.previewModel()->rowCount(), 0);
    QVERIFY(page.infoLabel()->text().contains(QStringLiteral("cancelled")));

    // The dialect bar re-opens the cancelled dataset.
    auto *allStrings = page.findChild<QCheckBox *>(QStringLiteral("allStrings"));
    allStrings->setChecked(true);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.last().at(1).toBool(), true);
    QCOMPARE(page.readyDatasets().size(), 1);
}

void TestDatasetPage::loaderHonoursCancelFlag()
{
    QTemporaryDir dir;
    QByteArray big = "id,name,value\n";
    for (int i = 0; i < 200000; ++i)
        big += QByteArray::number(i) + ",name" + QByteArray::number(i % 97) + ",1.5\n";
    const QString path = writeFile(dir, QStringLiteral("big.csv"), big);
    std::atomic<bool> cancel{true};
    OpenControl control;
    control.cancel = &cancel;
    const DatasetPreview p = DatasetLoader::loadNow(path, SourceOptions{}, control, 200);
    QVERIFY(p.cancelled);
    QVERIFY(!p.source);

    cancel = false;
    const DatasetPreview ok = DatasetLoader::loadNow(path, SourceOptions{}, control, 200);
    QVERIFY2(ok.source, qPrintable(ok.error));
    QCOMPARE(ok.source->rowCount(), 200000);
    QCOMPARE(ok.rows.size(), 200);
    QCOMPARE(ok.rows[199].value(1), QStringLiteral("name%1").arg(199 % 97));
    QCOMPARE(ok.lines[199], 201);
    const ChunkRange r = DatasetLoader::firstRows(ok.source->index(), 200);
    QCOMPARE(r.rowCount, 200);
    QVERIFY(r.byteEnd > r.byteBegin && r.byteEnd <= ok.source->index().dataEnd);
}

void TestDatasetPage::missingFileShowsError()
{
    DatasetPage page;
    QSignalSpy loaded(&page, &DatasetPage::datasetLoaded);
    const QString missing = QStringLiteral("/nonexistent/superflow/nothing.csv");
    page.openDataset(missing);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().at(1).toBool(), false);
    QVERIFY2(page.infoLabel()->text().contains(QStringLiteral("nothing.csv")),
             qPrintable(page.infoLabel()->text()));
    QVERIFY(page.readyDatasets().isEmpty());
    QCOMPARE(page.count(), 1);
}

void TestDatasetPage::severalDatasetsOpen()
{
    QTemporaryDir dir;
    const QString small = writeFile(dir, QStringLiteral("small.csv"), "x,y\n1,a\n2,b\n");
    DatasetPage page;
    QSignalSpy loaded(&page, &DatasetPage::datasetLoaded);
    page.openDataset(kWeather);
    page.openDataset(small); // both load at once
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 30000);
    QCOMPARE(page.count(), 2);
    QCOMPARE(page.readyDatasets().size(), 2);
    QCOMPARE(page.currentIndex(), 1);
    QCOMPARE(page.previewModel()->rowCount(), 2);
    page.setCurrentIndex(0);
    QCOMPARE(page.previewModel()->index(0, 0).data().toString(), QStringLiteral("Reykjavik"));
    page.openDataset(small); // already open: selected, not opened twice
    QCOMPARE(page.count(), 2);
    QCOMPARE(page.currentIndex(), 1);
    page.closeCurrent();
    QCOMPARE(page.count(), 1);
    QCOMPARE(page.readyDatasets().first().path, QFileInfo(kWeather).absoluteFilePath());

    // The page's Recent button lists both and re-opens a closed one.
    auto *recent = page.findChild<QPushButton *>(QStringLiteral("recentButton"));
    QVERIFY(recent && recent->menu());
    Q_EMIT recent->menu()->aboutToShow();
    QAction *smallAction = nullptr;
    QStringList texts;
    for (QAction *a : recent->menu()->actions()) {
        texts << a->text();
        if (a->toolTip() == QFileInfo(small).absoluteFilePath()) smallAction = a;
    }
    const QString listed = texts.join(QLatin1Char('|'));
    QVERIFY2(texts.contains(QStringLiteral("weather.csv")), qPrintable(listed));
    QVERIFY2(smallAction, qPrintable(listed));
    QCOMPARE(smallAction->text(), QStringLiteral("small.csv"));
    QVERIFY(smallAction->isEnabled());
    smallAction->trigger();
    QCOMPARE(page.count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 3, 30000);
    QCOMPARE(page.readyDatasets().size(), 2);
}

void TestDatasetPage::sqliteTablePickerAndQuery()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("two.sqlite"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mk"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE cities (name TEXT, pop INTEGER)")));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO cities VALUES ('Oslo', 700000), ('Bergen', 290000)")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE rivers (river TEXT, km REAL, sea TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO rivers VALUES ('Glomma', 621.0, 'Skagerrak')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("mk"));

    DatasetPage page;
    page.show();
    QAbstractItemModelTester tester(page.previewModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&page, &DatasetPage::datasetLoaded);
    page.openDataset(path);
    QVERIFY(loaded.wait(30000));
    // Two tables and none chosen: the open fails, but the picker already lists both.
    QCOMPARE(loaded.last().at(1).toBool(), false);
    QVERIFY2(page.infoLabel()->text().contains(QStringLiteral("choose one")),
             qPrintable(page.infoLabel()->text()));
    auto *tables = page.findChild<QComboBox *>(QStringLiteral("sqliteTable"));
    QVERIFY(tables && tables->isVisible());
    QVERIFY(page.dialectBar()->showsSqlite());
    QVERIFY(!page.findChild<QComboBox *>(QStringLiteral("delimiter"))->isVisible());
    QCOMPARE(tables->count(), 3); // "(choose a table)", cities, rivers
    QCOMPARE(tables->itemText(1), QStringLiteral("cities"));
    QCOMPARE(tables->itemText(2), QStringLiteral("rivers"));

    tables->setCurrentIndex(2);
    Q_EMIT tables->activated(2);
    QVERIFY(page.isLoading());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.last().at(1).toBool(), true);
    const PreviewModel *m = page.previewModel();
    QCOMPARE(m->columnCount(), 3);
    QCOMPARE(m->rowCount(), 1);
    QVERIFY(header(m, 1).startsWith(QStringLiteral("km\ndouble")));
    QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("Glomma"));
    QCOMPARE(page.dialectOptions().sqliteTable, QStringLiteral("rivers"));
    QCOMPARE(tables->currentText(), QStringLiteral("rivers")); // kept across the re-open

    // A query replaces the table once Enter is pressed, not while typing.
    auto *query = page.findChild<QLineEdit *>(QStringLiteral("sqliteQuery"));
    QVERIFY(query);
    query->setFocus();
    QTest::keyClicks(query, QStringLiteral("SELECT name FROM cities WHERE pop > 500000"));
    QTest::qWait(400);
    QVERIFY(!page.isLoading());
    QTest::keyClick(query, Qt::Key_Return);
    QVERIFY(page.isLoading());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.last().at(1).toBool(), true);
    QCOMPARE(m->columnCount(), 1);
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("Oslo"));
    QCOMPARE(page.readyDatasets().value(0).source->rowCount(), 1);
}

QTEST_MAIN(TestDatasetPage)
#include "tst_datasetpage.moc"
