// Run setup page: the task preview line, the live syntax check of the analysis options, and
// building runs of one or several queued jobs.
#include "analysisoptionsform.h"
#include "runsetuppage.h"
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace sf;
using namespace sf::ui;

namespace {

std::shared_ptr<const DataSource> openWeather()
{
    QString error;
    std::shared_ptr<const DataSource> s = openDataSource(
        QStringLiteral(SF_SAMPLES_DIR "/weather.csv"), SourceOptions{}, OpenControl{}, &error);
    if (!s) qFatal("weather.csv: %s", qPrintable(error));
    return s;
}

PartitionSpec rows(std::int64_t size,
                   PartitionSpec::Strategy strategy = PartitionSpec::Strategy::Fixed)
{
    PartitionSpec spec;
    spec.unit = PartitionSpec::Unit::Rows;
    spec.size = size;
    spec.strategy = strategy;
    return spec;
}

} // namespace

class TestRunSetup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void previewText();
    void previewFollowsTheForm();
    void filterExpressionCheckedLive();
    void groupByKeysFromSchema();
    void queuedJobsShareOneRun();
    void removeQueuedJob();
    void invalidSettingsRefuseToRun();
};

void TestRunSetup::previewText()
{
    // 412 chunks of 1000 rows, 2.4 MB each.
    QCOMPARE(RunSetupPage::taskPreviewText(412000, 412 * 2'400'000LL, rows(1000), 2),
             QStringLiteral("~412 tasks of ~2.4 MB; ~206 per worker"));
    // The last chunk is short: 1001 rows in chunks of 100 → 11 tasks; 11 over 4 workers → 3.
    QCOMPARE(RunSetupPage::taskPreviewText(1001, 11000, rows(100), 4),
             QStringLiteral("~11 tasks of ~1.0 kB; ~3 per worker"));
    QCOMPARE(RunSetupPage::taskPreviewText(30000, 1'500'000, rows(50000), 2),
             QStringLiteral("1 task of ~1.5 MB on one worker"));
    PartitionSpec bytes;
    bytes.unit = PartitionSpec::Unit::Bytes;
    bytes.size = 4'000'000;
    QCOMPARE(RunSetupPage::taskPreviewText(10, 10'000'000, bytes, 1),
             QStringLiteral("~3 tasks of ~3.3 MB; ~3 per worker"));
    QCOMPARE(RunSetupPage::taskPreviewText(0, 0, rows(1000), 2, 1000),
             QStringLiteral("1000 tasks; ~500 per worker"));
    QVERIFY(RunSetupPage::taskPreviewText(412000, 412 * 2'400'000LL,
                                          rows(1000, PartitionSpec::Strategy::Guided), 2)
                .startsWith(QStringLiteral("at most ~412 tasks")));
}

void TestRunSetup::previewFollowsTheForm()
{
    const auto source = openWeather();
    RunSetupPage page;
    page.setDatasets({{source->path(), source}});
    QVERIFY(page.setAnalysis(QStringLiteral("profile")));
    page.setChunk(PartitionSpec::Unit::Rows, 1000);
    page.setWorkers(3);
    const std::int64_t tasks = (source->rowCount() + 999) / 1000;
    const QString expected = QStringLiteral("~%1 tasks of ~%2; ~%3 per worker")
                                 .arg(tasks)
                                 .arg(formatByteSize(source->byteSize() / tasks))
                                 .arg((tasks + 2) / 3);
    QCOMPARE(page.taskPreview(), expected);
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("taskPreview"))->text(), expected);
    QVERIFY(page.setAnalysis(QStringLiteral("synthetic")));
    page.optionsForm()->syntheticTasksSpin()->setValue(90);
    QCOMPARE(page.taskPreview(), QStringLiteral("90 tasks; ~30 per worker"));
}

void TestRunSetup::filterExpressionCheckedLive()
{
    const auto source = openWeather();
    RunSetupPage page;
    page.setDatasets({{source->path(), source}});
    QVERIFY(page.setAnalysis(QStringLiteral("filter")));
    AnalysisOptionsForm *form = page.optionsForm();
    QSignalSpy checked(form, &AnalysisOptionsForm::checked);
    form->whereEdit()->setText(QStringLiteral("temp_max > "));
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty() && !checked.last().at(0).toBool(), 5000);
    QVERIFY(!checked.last().at(1).toString().isEmpty());
    QVERIFY(form->findChild<QLabel *>(QStringLiteral("analysisCheck"))
                ->text()
                .startsWith(QStringLiteral("✗")));
    form->whereEdit()->setText(QStringLiteral("no_such_column > 1"));
    QTRY_VERIFY_WITH_TIMEOUT(
        checked.last().at(1).toString().contains(QStringLiteral("no_such_column")), 5000);
    checked.clear();
    form->whereEdit()->setText(QStringLiteral("temp_max > 30 and station == 'Reykjavik'"));
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty() && checked.last().at(0).toBool(), 5000);
    QCOMPARE(form->lastCheck(), QString());
    JobSpec job;
    QString error;
    QVERIFY2(page.buildJob(&job, &error), qPrintable(error));
    QCOMPARE(job.analysis->name(), QStringLiteral("filter"));
}

void TestRunSetup::groupByKeysFromSchema()
{
    const auto source = openWeather();
    RunSetupPage page;
    page.setDatasets({{source->path(), source}});
    QVERIFY(page.setAnalysis(QStringLiteral("groupby")));
    AnalysisOptionsForm *form = page.optionsForm();
    QListWidget *keys = form->groupByList();
    QCOMPARE(keys->count(), source->schema().size());
    keys->item(0)->setCheckState(Qt::Checked); // station
    const AnalysisOptions o = form->options();
    QCOMPARE(o.groupBy, QStringList{QStringLiteral("station")});
    QCOMPARE(o.aggregates, QStringList{QStringLiteral("count")});
    QCOMPARE(form->check(), QString());
    keys->item(0)->setCheckState(Qt::Unchecked);
    // Group-by without a key is refused, in the form's own words (not the CLI's "--by").
    QCOMPARE(form->check(), QStringLiteral("Tick one or more Group by columns."));
    QVERIFY(page.setAnalysis(QStringLiteral("filter")));
    QCOMPARE(form->check(), QStringLiteral("Type a filter expression, such as temp > 20."));
}

void TestRunSetup::queuedJobsShareOneRun()
{
    const auto source = openWeather();
    RunSetupPage page;
    page.setDatasets({{source->path(), source}});
    QVERIFY(page.setAnalysis(QStringLiteral("profile")));
    page.setJobPriority(5);
    QVERIFY(page.addJob());
    QVERIFY(page.setAnalysis(QStringLiteral("synthetic")));
    page.optionsForm()->syntheticTasksSpin()->setValue(10);
    page.setJobPriority(-1);
    QVERIFY(page.addJob());
    QCOMPARE(page.queuedJobs(), 2);
    QCOMPARE(page.findChild<QListWidget *>(QStringLiteral("jobQueue"))->count(), 2);
    page.setWorkers(2);
    QVERIFY(page.setPolicy(SchedulePolicy::Priority));
    QString error;
    std::unique_ptr<Run> run = page.createRun(&error);
    QVERIFY2(run, qPrintable(error));
    QCOMPARE(run->jobCount(), 2);
    QCOMPARE(run->job(0).priority, 5);
    QCOMPARE(run->job(0).name, QStringLiteral("profile · weather.csv (p5)"));
    QVERIFY(run->job(0).source == source);
    QCOMPARE(run->job(1).priority, -1);
    QVERIFY(!run->job(1).source);
    QCOMPARE(run->options().workers, 2);
    QCOMPARE(int(run->options().policy), int(SchedulePolicy::Priority));
    QCOMPARE(page.queuedJobs(), 0);
    run->start();
    QVERIFY(run->wait(60000));
    QCOMPARE(int(run->outcome(0).status), int(JobOutcome::Status::Done));
    QCOMPARE(run->outcome(0).rows, source->rowCount());
    QCOMPARE(int(run->outcome(1).status), int(JobOutcome::Status::Done));
}

void TestRunSetup::removeQueuedJob()
{
    RunSetupPage page;
    QVERIFY(page.setAnalysis(QStringLiteral("synthetic")));
    for (int priority : {1, 2, 3}) {
        page.setJobPriority(priority);
        QVERIFY(page.addJob());
    }
    auto *list = page.findChild<QListWidget *>(QStringLiteral("jobQueue"));
    list->setCurrentRow(1);
    page.findChild<QPushButton *>(QStringLiteral("removeJob"))->click();
    QCOMPARE(page.queuedJobs(), 2);
    QCOMPARE(list->count(), 2);
    page.removeJob(7); // out of range: nothing
    QCOMPARE(page.queuedJobs(), 2);
    QString error;
    std::unique_ptr<Run> run = page.createRun(&error);
    QVERIFY2(run, qPrintable(error));
    QCOMPARE(run->jobCount(), 2);
    QCOMPARE(run->job(0).priority, 1);
    QCOMPARE(run->job(1).priority, 3);
}

void TestRunSetup::invalidSettingsRefuseToRun()
{
    RunSetupPage page;
    QVERIFY(page.setAnalysis(QStringLiteral("profile")));
    QString error;
    QVERIFY(!page.createRun(&error)); // no dataset open
    QVERIFY2(error.contains(QStringLiteral("dataset")), qPrintable(error));
    QCOMPARE(page.statusLabel()->text(), error);

    QVERIFY(page.setAnalysis(QStringLiteral("synthetic")));
    page.findChild<QLineEdit *>(QStringLiteral("chunkSize"))->setText(QStringLiteral("lots"));
    QVERIFY(!page.createRun(&error));
    QCOMPARE(error, QStringLiteral("Chunk size \"lots\" is not a positive number of rows."));
    page.setChunk(PartitionSpec::Unit::Rows, 100);
    QVERIFY(page.createRun(&error));
    QCOMPARE(page.statusLabel()->text(), QString());
}

QTEST_MAIN(TestRunSetup)
#include "tst_runsetup.moc"
