// Results: the result model (model tester, display, sort and histogram roles), the Results
// page on a real profile run, and every export writing a file that parses back.
#include "analysis/analysisregistry.h"
#include "exportactions.h"
#include "finishedrun.h"
#include "export/resultdocument.h"
#include "jsonpreview.h"
#include "resultmodel.h"
#include "resultsort.h"
#include "resultspage.h"
#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QDir>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace sf;
using namespace sf::ui;

namespace {

std::shared_ptr<FinishedRun> profileRun()
{
    QString error;
    std::shared_ptr<const DataSource> source = openDataSource(
        QStringLiteral(SF_SAMPLES_DIR "/weather.csv"), SourceOptions{}, OpenControl{}, &error);
    if (!source) qFatal("weather.csv: %s", qPrintable(error));
    std::shared_ptr<Analysis> analysis =
        createAnalysis(QStringLiteral("profile"), AnalysisOptions{}, &error);
    if (!analysis || !analysis->prepare(source->schema(), &error))
        qFatal("profile: %s", qPrintable(error));
    RunOptions options;
    options.workers = 2;
    Run run(options);
    JobSpec job;
    job.name = QStringLiteral("profile · weather.csv");
    job.source = source;
    job.analysis = analysis;
    job.partition.size = 5000;
    run.addJob(job);
    run.start();
    if (!run.wait(60000)) qFatal("profile run did not finish");
    return std::make_shared<FinishedRun>(FinishedRun::capture(run, QStringLiteral("run 1")));
}

// A group-by-shaped result of `groups` groups: large enough, at 20,000, that its indented JSON
// (~4 MB) runs far past what the JSON tab shows.
AnalysisResult manyGroups(int groups)
{
    AnalysisResult result;
    result.json.insert(QStringLiteral("by"), QJsonArray{QStringLiteral("k")});
    result.table.columns = {QStringLiteral("k"), QStringLiteral("count")};
    result.rows = JsonRows{QStringLiteral("groups"),
                           {{QStringLiteral("key"), 1}, {QStringLiteral("values"), 1}}};
    for (int g = 0; g < groups; ++g)
        result.table.appendRow({qlonglong(g), qlonglong(g % 7 + 1)});
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestResults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modelShowsTable();
    void pageShowsProfile();
    void rowFilterNarrowsTheTable();
    void exportsParseBack();
    void exportWithoutResultFails();
    void exportRunsOffTheGuiThread();
    void sortsAsTheProxyDid();
    void jsonPreviewCutsAtALineEnd();
    void pageShowsTheStartOfALargeResult();

private:
    std::shared_ptr<FinishedRun> m_run;
};

void TestResults::initTestCase()
{
    m_run = profileRun();
    QCOMPARE(m_run->outcomes.size(), 1);
    QCOMPARE(int(m_run->outcomes[0].status), int(JobOutcome::Status::Done));
}

void TestResults::modelShowsTable()
{
    ResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ResultTable table;
    table.columns = {QStringLiteral("key"), QStringLiteral("mean"), QStringLiteral("count"),
                     QStringLiteral("hist")};
    table.appendRow({QStringLiteral("a"), 1.0 / 3.0, qint64(7), QVariantList{1, 5, 2}});
    table.appendRow({QStringLiteral("b"), QVariant(), qint64(10)}); // padded with an empty cell
    model.setTable(table);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("mean"));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("0.33333333"));
    QCOMPARE(model.index(0, 1).data(ResultModel::SortRole).toDouble(), 1.0 / 3.0);
    QCOMPARE(model.index(0, 2).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight,
             Qt::AlignRight);
    QCOMPARE(model.index(0, 0).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignLeft,
             Qt::AlignLeft);
    QCOMPARE(model.index(1, 1).data().toString(), QString()); // null
    QVERIFY(model.index(1, 1).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(1, 3).data().toString(), QString()); // short row
    QCOMPARE(model.index(0, 3).data(ResultModel::HistogramRole).value<QList<double>>(),
             (QList<double>{1, 5, 2}));
    QCOMPARE(model.index(0, 3).data().toString(), QString()); // drawn, not written
    QCOMPARE(model.index(0, 3).data(Qt::ToolTipRole).toString(), QStringLiteral("1 5 2"));
    QVERIFY(!model.index(0, 2).data(ResultModel::HistogramRole).isValid());
    model.setTable({});
    QCOMPARE(model.rowCount(), 0);
}

void TestResults::pageShowsProfile()
{
    ResultsPage page;
    QAbstractItemModelTester tester(page.resultModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setRun(m_run);
    const ResultTable &table = m_run->outcomes[0].result.table;
    ResultModel *model = page.resultModel();
    QCOMPARE(model->rowCount(), 8); // one row per column of weather.csv
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("station"));
    // The profile's histograms are shown as an extra column, for numeric columns only.
    QCOMPARE(model->columnCount(), table.columns.size() + 1);
    const int hist = model->columnCount() - 1;
    QVERIFY(model->index(2, hist).data(ResultModel::HistogramRole).isValid());  // temp_max
    QVERIFY(!model->index(0, hist).data(ResultModel::HistogramRole).isValid()); // station
    QVERIFY(page.summaryLabel()->text().contains(QStringLiteral("done")));
    QTRY_VERIFY(!page.jsonView()->toPlainText().isEmpty()); // formatted on a pool thread
    const QJsonDocument json = QJsonDocument::fromJson(page.jsonView()->toPlainText().toUtf8());
    QCOMPARE(json.object().value(QStringLiteral("columns")).toArray().size(), 8);
    QVERIFY(page.exportActions()->resultAction()->isEnabled());
    QVERIFY(page.exportActions()->traceAction()->isEnabled());
}

void TestResults::rowFilterNarrowsTheTable()
{
    ResultsPage page;
    page.setRun(m_run);
    QAbstractItemModelTester tester(page.tableProxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(page.tableProxy()->rowCount(), 8);
    QCOMPARE(page.rowCountLabel()->text(), QStringLiteral("8 rows"));
    // "temp_" is in the names temp_max and temp_min only, whatever the case typed.
    page.rowFilter()->setText(QStringLiteral("TEMP_"));
    QTRY_COMPARE(page.tableProxy()->rowCount(), 2);
    QCOMPARE(page.tableProxy()->index(0, 0).data().toString().left(5), QStringLiteral("temp_"));
    QCOMPARE(page.rowCountLabel()->text(), QStringLiteral("2 of 8 rows"));
    page.rowFilter()->setText(QStringLiteral("no such text anywhere"));
    QTRY_COMPARE(page.tableProxy()->rowCount(), 0);
    page.rowFilter()->clear();
    QTRY_COMPARE(page.tableProxy()->rowCount(), 8);
    QCOMPARE(page.rowCountLabel()->text(), QStringLiteral("8 rows"));
}

void TestResults::exportsParseBack()
{
    QTemporaryDir dir;
    ExportActions exports(nullptr);
    exports.setRun(m_run);
    QString error;
    const QString csv = dir.filePath(QStringLiteral("result.csv"));
    QVERIFY2(exports.exportResult(csv, &error), qPrintable(error));
    const QList<QByteArray> lines = readAll(csv).trimmed().split('\n');
    QCOMPARE(lines.size(), 9); // header + 8 columns profiled
    QVERIFY(lines[0].startsWith("name,type"));
    QVERIFY(lines[1].startsWith("station,string"));

    const QString json = dir.filePath(QStringLiteral("result.json"));
    QVERIFY2(exports.exportResult(json, &error), qPrintable(error));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(json), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(QStringLiteral("columns")).toArray().size(), 8);

    const QString timings = dir.filePath(QStringLiteral("timings.csv"));
    QVERIFY2(exports.exportTimings(timings, &error), qPrintable(error));
    QCOMPARE(qsizetype(readAll(timings).trimmed().split('\n').size()),
             qsizetype(m_run->records.size() + 1));

    const QString trace = dir.filePath(QStringLiteral("trace.json"));
    QVERIFY2(exports.exportTrace(trace, &error), qPrintable(error));
    const QJsonDocument traceDoc = QJsonDocument::fromJson(readAll(trace), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray events =
        traceDoc.isArray() ? traceDoc.array()
                           : traceDoc.object().value(QStringLiteral("traceEvents")).toArray();
    int complete = 0;
    for (const QJsonValue &e : events)
        if (e.toObject().value(QStringLiteral("ph")).toString() == QLatin1String("X")) ++complete;
    QCOMPARE(complete, int(m_run->records.size())); // one bar per attempt
}

void TestResults::exportWithoutResultFails()
{
    ExportActions exports(nullptr);
    QVERIFY(!exports.resultAction()->isEnabled());
    QString error;
    QVERIFY(!exports.exportResult(QStringLiteral("/tmp/never.csv"), &error));
    QCOMPARE(error, QStringLiteral("No finished job to export."));
    auto cancelled = std::make_shared<FinishedRun>(*m_run);
    cancelled->outcomes[0].status = JobOutcome::Status::Cancelled;
    exports.setRun(cancelled);
    QVERIFY(!exports.exportResult(QStringLiteral("/tmp/never.csv"), &error));
    QCOMPARE(error,
             QStringLiteral("Job \"profile · weather.csv\" did not finish: no result to export."));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/never.csv")));
}

QTEST_MAIN(TestResults)
#include "tst_results.moc"


void TestResults::jsonPreviewCutsAtALineEnd()
{
    const AnalysisResult result = manyGroups(20000);
    const QByteArray whole = resultDocumentText(result.json, result, QJsonDocument::Indented);
    const JsonPreview cut = makeJsonPreview(result, 1000);
    QCOMPARE(cut.totalBytes, qint64(whole.size()));
    QCOMPARE(cut.totalLines, qint64(whole.count('\n')));
    QVERIFY(cut.text.size() <= 1000);
    QVERIFY(cut.text.size() > 900); // lines are under 100 bytes
    QVERIFY(cut.text.endsWith(QLatin1Char('\n')));
    QVERIFY(whole.startsWith(cut.text.toUtf8()));
    QCOMPARE(cut.hiddenLines + cut.text.count(QLatin1Char('\n')), cut.totalLines);
    QVERIFY(cut.hiddenLines > 0);

    // Within the limit: the whole document, which parses back.
    const AnalysisResult small = manyGroups(3);
    const JsonPreview all = makeJsonPreview(small, 1 << 20);
    QCOMPARE(all.hiddenLines, 0);
    QCOMPARE(QJsonDocument::fromJson(all.text.toUtf8()).object(), resultDocument(small));
    QCOMPARE(all.text.toUtf8(), resultDocumentText(small.json, small, QJsonDocument::Indented));
    QCOMPARE(all.totalLines, qint64(all.text.count(QLatin1Char('\n'))));
    // Exactly at the limit nothing is cut either.
    QCOMPARE(makeJsonPreview(small, all.totalBytes).hiddenLines, 0);
    QCOMPARE(makeJsonPreview(small, all.totalBytes - 1).hiddenLines, 1);
}

void TestResults::pageShowsTheStartOfALargeResult()
{
    auto run = std::make_shared<FinishedRun>(*m_run);
    run->outcomes[0].result = manyGroups(20000);
    ResultsPage page;
    page.setRun(run);
    QCOMPARE(page.resultModel()->rowCount(), 20000);
    QCOMPARE(page.tableProxy()->index(3, 0).data().toString(), QStringLiteral("3"));
    QTRY_VERIFY(!page.jsonView()->toPlainText().isEmpty()); // formatted on a pool thread
    const QString text = page.jsonView()->toPlainText();
    const qint64 bytes =
        resultDocumentText(run->outcomes[0].result.json, run->outcomes[0].result,
                           QJsonDocument::Indented)
            .size();
    QVERIFY2(text.size() < 300 * 1024, qPrintable(QString::number(text.size())));
    QVERIFY(text.startsWith(QStringLiteral("{\n    \"by\": [\n        \"k\"\n    ],\n    \"groups\": [\n")));
    const QString note = text.section(QLatin1Char('\n'), -1);
    QVERIFY2(note.contains(QStringLiteral("more lines not shown")), qPrintable(note));
    QVERIFY2(note.contains(QLocale().formattedDataSize(bytes)), qPrintable(note));

    // Another job's (here: none) view replaces it, and a stale preview never lands on it.
    page.setRun(m_run);
    page.setRun(nullptr);
    QTest::qWait(200);
    QVERIFY(page.jsonView()->toPlainText().isEmpty());
}

void TestResults::exportRunsOffTheGuiThread()
{
    QTemporaryDir dir;
    ExportActions exports(nullptr);
    exports.setRun(m_run);
    QSignalSpy started(&exports, &ExportActions::exportStarted);
    QSignalSpy done(&exports, &ExportActions::exported);
    QSignalSpy failed(&exports, &ExportActions::exportFailed);
    const QString trace = dir.filePath(QStringLiteral("trace.json"));
    QVERIFY(exports.startExport(ExportActions::What::Trace, trace));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started[0][0].toString(), trace);
    // Until it is written: one write at a time, and the actions say so.
    QVERIFY(exports.isWriting());
    QVERIFY(!exports.traceAction()->isEnabled());
    QVERIFY(!exports.resultAction()->isEnabled());
    QVERIFY(!exports.startExport(ExportActions::What::Timings, dir.filePath(QStringLiteral("t.csv"))));
    // The page shows another run meanwhile; the write keeps the run it started with.
    exports.setRun(nullptr);
    QTRY_COMPARE(done.size(), 1);
    QCOMPARE(done[0][0].toString(), trace);
    QVERIFY(failed.isEmpty());
    QVERIFY(!exports.isWriting());
    QJsonParseError pe;
    const QJsonObject doc = QJsonDocument::fromJson(readAll(trace), &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(doc.value(QStringLiteral("otherData"))[QStringLiteral("run")].toString(), m_run->name);

    exports.setRun(m_run);
    QVERIFY(exports.traceAction()->isEnabled());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken.csv")));
    QVERIFY(exports.startExport(ExportActions::What::Result, dir.filePath(QStringLiteral("taken.csv"))));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed[0][0].toString().contains(QStringLiteral("it is a directory")),
             qPrintable(failed[0][0].toString()));
    QCOMPARE(done.size(), 1);
    QVERIFY(exports.resultAction()->isEnabled());
}

void TestResults::sortsAsTheProxyDid()
{
    // The model's own sort gives the order QSortFilterProxyModel gave on SortRole: columns of
    // integers, reals, texts and bools, with empty cells and many ties, both ways, one sort
    // after another.
    QRandomGenerator rng(5);
    ResultTable table;
    table.columns = {QStringLiteral("int"), QStringLiteral("real"), QStringLiteral("text"),
                     QStringLiteral("bool")};
    const QStringList words{QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("a"),
                            QStringLiteral("10"), QStringLiteral("9"), QStringLiteral("é")};
    for (int r = 0; r < 3000; ++r) {
        const bool empty = rng.bounded(10) == 0;
        const QVariant i = empty ? QVariant() : QVariant(qlonglong(rng.bounded(50)) - 25);
        const QVariant d = empty ? QVariant() : QVariant(double(rng.bounded(40)) / 4 - 5);
        const QVariant t = empty ? QVariant() : QVariant(words[rng.bounded(int(words.size()))]);
        const QVariant b = empty ? QVariant() : QVariant(rng.bounded(2) == 1);
        table.appendRow({i, d, t, b});
    }
    ResultModel model;
    model.setTable(table);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ResultModel::SortRole);
    std::vector<int> shown; // ties keep the order of the sort before, as in the proxy
    for (int column = 0; column < table.columns.size(); ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            std::vector<int> expected;
            for (int r = 0; r < proxy.rowCount(); ++r)
                expected.push_back(proxy.mapToSource(proxy.index(r, 0)).row());
            shown = sortedRows(table, column, order, shown);
            QCOMPARE(shown, expected);
        }
    }

    // A column of numbers and texts: numbers first, integers and reals by value, then texts.
    const ResultTable mixed({QStringLiteral("v")},
                            {{QStringLiteral("b")}, {2.5}, {QVariant()}, {qlonglong(1) << 62},
                             {QStringLiteral("10")}, {qlonglong(-3)}, {1e300}});
    QCOMPARE(sortedRows(mixed, 0, Qt::AscendingOrder), (std::vector<int>{5, 1, 3, 6, 4, 0, 2}));
    QCOMPARE(sortedRows(mixed, 0, Qt::DescendingOrder), (std::vector<int>{2, 0, 4, 6, 3, 1, 5}));

    // On the page: a header click sorts through the model; the table's own order comes back.
    auto run = std::make_shared<FinishedRun>(*m_run);
    run->outcomes[0].result = manyGroups(1000);
    ResultsPage page;
    page.setRun(run);
    page.tableProxy()->sort(1, Qt::DescendingOrder);
    QCOMPARE(page.tableProxy()->index(0, 1).data().toString(), QStringLiteral("7"));
    QCOMPARE(page.tableProxy()->index(0, 0).data().toString(), QStringLiteral("6"));
    page.rowFilter()->setText(QStringLiteral("99"));
    QTRY_COMPARE(page.tableProxy()->rowCount(), 19); // 99, 199, …, 990-999: sorted, filtered
    QCOMPARE(page.tableProxy()->index(0, 1).data().toString(), QStringLiteral("7"));
    // A new result starts in its own order; the filter stays, computed for its rows anew (none
    // shown until then, never the last table's).
    auto other = std::make_shared<FinishedRun>(*m_run);
    other->outcomes[0].result = manyGroups(100);
    page.setRun(other);
    QTRY_COMPARE(page.tableProxy()->rowCount(), 1);
    QCOMPARE(page.tableProxy()->index(0, 0).data().toString(), QStringLiteral("99"));
    page.setRun(run);
    QVERIFY(page.rowCountLabel()->text().startsWith(QStringLiteral("filtering ")));
    QTRY_COMPARE(page.tableProxy()->rowCount(), 19);
    QCOMPARE(page.tableProxy()->index(0, 0).data().toString(), QStringLiteral("99"));
    QCOMPARE(page.tableProxy()->index(1, 0).data().toString(), QStringLiteral("199"));
}
