// The CLI's own pieces without running the binary: option parsing and validation, the sweep
// table's statistics and the progress line's text.
#include "clioptions.h"
#include "csvtext.h"
#include "optionparser.h"
#include "progressline.h"
#include "sweeptable.h"
#include <QTest>

using namespace sf;
using namespace sf::cli;

namespace {

OptionParser datasetParser() {
    return OptionParser(QStringLiteral("profile"), QStringLiteral("profile [options] DATASET"),
                        options::partition() + options::schedule() + options::input() +
                            options::badRecords() + options::output(),
                        1, 1);
}

} // namespace

class TestCliUnits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parserForms();
    void parserErrors();
    void settingsFromOptions();
    void settingsErrors_data();
    void settingsErrors();
    void analysisOptions();
    void sweepStatistics();
    void sweepWithoutOneWorker();
    void progressText();
};

void TestCliUnits::parserForms() {
    OptionParser p = datasetParser();
    QString error;
    QVERIFY2(
        p.parse({QStringLiteral("--chunk-rows=100"), QStringLiteral("data.csv"),
                 QStringLiteral("--workers"), QStringLiteral("3"), QStringLiteral("--no-header"),
                 QStringLiteral("--delimiter"), QStringLiteral("-")},
                &error),
        qPrintable(error));
    QCOMPARE(p.value(QStringLiteral("chunk-rows")), QStringLiteral("100"));
    QCOMPARE(p.value(QStringLiteral("workers")), QStringLiteral("3"));
    QCOMPARE(p.value(QStringLiteral("delimiter")), QStringLiteral("-"));
    QVERIFY(p.isSet(QStringLiteral("no-header")));
    QVERIFY(!p.isSet(QStringLiteral("all-strings")));
    QCOMPARE(p.positional(), QStringList{QStringLiteral("data.csv")});
    // "--" ends the options: a file may start with dashes.
    QVERIFY(p.parse({QStringLiteral("--"), QStringLiteral("--odd.csv")}, &error));
    QCOMPARE(p.positional(), QStringList{QStringLiteral("--odd.csv")});
    QVERIFY(p.parse({QStringLiteral("--help")}, &error));
    QVERIFY(p.helpRequested());
    QVERIFY(
        p.usage().startsWith(QStringLiteral("usage: superflow-cli profile [options] DATASET\n")));
    QVERIFY(p.usage().contains(QStringLiteral("\nschedule:\n")));
}

void TestCliUnits::parserErrors() {
    OptionParser p = datasetParser();
    QString error;
    QVERIFY(!p.parse({QStringLiteral("-x"), QStringLiteral("a.csv")}, &error));
    QCOMPARE(error, QStringLiteral("unknown option '-x'"));
    QVERIFY(!p.parse({QStringLiteral("a.csv"), QStringLiteral("--retries")}, &error));
    QCOMPARE(error, QStringLiteral("option '--retries' needs a value (N)"));
    QVERIFY(!p.parse({QStringLiteral("--quiet=yes"), QStringLiteral("a.csv")}, &error));
    QCOMPARE(error, QStringLiteral("option '--quiet' takes no value"));
    QVERIFY(!p.parse({}, &error));
    QCOMPARE(error, QStringLiteral("missing DATASET argument"));
    QVERIFY(!p.parse({QStringLiteral("a"), QStringLiteral("b")}, &error));
    QCOMPARE(error, QStringLiteral("unexpected argument 'b'"));
}

void TestCliUnits::settingsFromOptions() {
    OptionParser p = datasetParser();
    QString error;
    QVERIFY(p.parse({QStringLiteral("--chunk-bytes"),   QStringLiteral("4MiB"),
                     QStringLiteral("--partition"),     QStringLiteral("guided"),
                     QStringLiteral("--workers"),       QStringLiteral("3"),
                     QStringLiteral("--policy"),        QStringLiteral("longest"),
                     QStringLiteral("--retries"),       QStringLiteral("2"),
                     QStringLiteral("--task-timeout"),  QStringLiteral("1500"),
                     QStringLiteral("--memory-budget"), QStringLiteral("1k"),
                     QStringLiteral("--delimiter"),     QStringLiteral("tab"),
                     QStringLiteral("--null-values"),   QStringLiteral("NA,-"),
                     QStringLiteral("--max-bad-rows"),  QStringLiteral("5"),
                     QStringLiteral("--quiet"),         QStringLiteral("x.tsv")},
                    &error));
    CliSettings s;
    QVERIFY2(readSettings(p, &s, &error), qPrintable(error));
    QCOMPARE(s.partition.unit, PartitionSpec::Unit::Bytes);
    QCOMPARE(s.partition.size, 4 * 1024 * 1024);
    QCOMPARE(s.partition.strategy, PartitionSpec::Strategy::Guided);
    QCOMPARE(s.run.workers, 3);
    QCOMPARE(s.run.policy, SchedulePolicy::Longest);
    QCOMPARE(s.run.retries, 2);
    QCOMPARE(s.run.taskTimeoutMs, 1500);
    QCOMPARE(s.run.memoryBudget, 1024);
    QCOMPARE(s.source.delimiter, '\t');
    QCOMPARE(s.source.nullValues, (QStringList{QStringLiteral("NA"), QStringLiteral("-")}));
    QCOMPARE(s.rejectPolicy.mode, RejectPolicy::Mode::Max);
    QCOMPARE(s.rejectPolicy.maxRejects, 5);
    QCOMPARE(s.source.rejectPolicy.mode, RejectPolicy::Mode::Max);
    QVERIFY(s.quiet);
    QCOMPARE(s.progress, ProgressMode::Off);
}

void TestCliUnits::settingsErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    QTest::newRow("rows zero") << QStringList{QStringLiteral("--chunk-rows"), QStringLiteral("0")}
                               << QStringLiteral("--chunk-rows needs an integer >= 1, got '0'");
    QTest::newRow("rows junk") << QStringList{QStringLiteral("--chunk-rows"), QStringLiteral("1e3")}
                               << QStringLiteral("--chunk-rows needs an integer >= 1, got '1e3'");
    QTest::newRow("partition") << QStringList{QStringLiteral("--partition"),
                                              QStringLiteral("dynamic")}
                               << QStringLiteral(
                                      "--partition must be fixed, guided or auto, got 'dynamic'");
    QTest::newRow("format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
                            << QStringLiteral(
                                   "--format must be auto, csv, tsv, jsonl or sqlite, got 'xml'");
    QTest::newRow("delimiter") << QStringList{QStringLiteral("--delimiter"), QStringLiteral(";;")}
                               << QStringLiteral(
                                      "--delimiter needs one ASCII character (or 'tab'), got ';;'");
    QTest::newRow("bad row") << QStringList{QStringLiteral("--on-bad-row"), QStringLiteral("warn")}
                             << QStringLiteral("--on-bad-row must be skip or fail, got 'warn'");
    QTest::newRow("table+query") << QStringList{QStringLiteral("--table"), QStringLiteral("t"),
                                                QStringLiteral("--query"),
                                                QStringLiteral("select 1")}
                                 << QStringLiteral("--table and --query exclude each other");
    QTest::newRow("progress both")
        << QStringList{QStringLiteral("--progress"), QStringLiteral("--no-progress")}
        << QStringLiteral("--progress and --no-progress exclude each other");
    QTest::newRow("negative retries")
        << QStringList{QStringLiteral("--retries"), QStringLiteral("-1")}
        << QStringLiteral("--retries needs an integer >= 0, got '-1'");
}

void TestCliUnits::settingsErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    OptionParser p = datasetParser();
    QString message;
    QVERIFY2(p.parse(args + QStringList{QStringLiteral("d.csv")}, &message), qPrintable(message));
    CliSettings s;
    QVERIFY(!readSettings(p, &s, &message));
    QCOMPARE(message, error);
}

void TestCliUnits::analysisOptions() {
    OptionParser p(QStringLiteral("groupby"), QStringLiteral("groupby"),
                   options::groupby() + options::output(), 0, 1);
    QString error;
    QVERIFY(p.parse({QStringLiteral("--by"), QStringLiteral("a, b"), QStringLiteral("--agg"),
                     QStringLiteral("count,mean:x")},
                    &error));
    CliSettings s;
    QVERIFY(readSettings(p, &s, &error));
    QVERIFY(readAnalysisOptions(p, QStringLiteral("groupby"), &s, &error));
    QCOMPARE(s.analysis.groupBy, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(s.analysis.aggregates,
             (QStringList{QStringLiteral("count"), QStringLiteral("mean:x")}));

    // Row writers of filter/convert follow how the input was read.
    OptionParser conv(QStringLiteral("convert"), QStringLiteral("convert"),
                      options::input() + options::output(), 0, 1);
    QVERIFY(conv.parse({QStringLiteral("--all-strings"), QStringLiteral("--no-header"),
                        QStringLiteral("--out"), QStringLiteral("o.json")},
                       &error));
    CliSettings c;
    QVERIFY(readSettings(conv, &c, &error));
    QVERIFY(readAnalysisOptions(conv, QStringLiteral("convert"), &c, &error));
    QVERIFY(c.analysis.allStrings);
    QVERIFY(c.analysis.headerless);
    QCOMPARE(c.analysis.outputPath, QStringLiteral("o.json"));

    OptionParser syn(QStringLiteral("synthetic"), QStringLiteral("synthetic"),
                     options::synthetic() + options::output(), 0, 0);
    QVERIFY(syn.parse({QStringLiteral("--tasks"), QStringLiteral("12"),
                       QStringLiteral("--duration"), QStringLiteral("lognormal"),
                       QStringLiteral("--fail-rate"), QStringLiteral("0.25"),
                       QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--sleep")},
                      &error));
    CliSettings t;
    QVERIFY2(readAnalysisOptions(syn, QStringLiteral("synthetic"), &t, &error), qPrintable(error));
    QCOMPARE(t.analysis.synthetic.tasks, 12);
    QCOMPARE(t.analysis.synthetic.duration, QStringLiteral("lognormal"));
    QCOMPARE(t.analysis.synthetic.failRate, 0.25);
    QCOMPARE(t.analysis.synthetic.seed, 7u);
    QVERIFY(!t.analysis.synthetic.cpuBound);
    QVERIFY(syn.parse({QStringLiteral("--duration"), QStringLiteral("gaussian")}, &error));
    QVERIFY(!readAnalysisOptions(syn, QStringLiteral("synthetic"), &t, &error));
    QVERIFY(error.startsWith(QStringLiteral("--duration must be one of constant|uniform|")));
}

namespace {
SweepCell cell(const SweepSetting &setting, std::vector<double> walls, std::int64_t rows,
               std::int64_t bytes) {
    SweepCell c;
    c.setting = setting;
    c.wallMs = std::move(walls);
    c.rows = rows;
    c.bytes = bytes;
    return c;
}
} // namespace

void TestCliUnits::sweepStatistics() {
    QCOMPARE(SweepResult::median({3, 1, 2}), 2.0);
    QCOMPARE(SweepResult::median({4, 1, 2, 3}), 2.5);
    SweepResult t;
    t.cells.append(cell({100, false, 1, SchedulePolicy::Fifo}, {100, 120, 110}, 1000, 2'000'000));
    t.cells.append(cell({100, false, 2, SchedulePolicy::Fifo}, {60, 50, 55}, 1000, 2'000'000));
    t.cells.append(cell({100, false, 4, SchedulePolicy::Fifo}, {40, 40}, 1000, 2'000'000));
    t.cells.append(cell({100, false, 1, SchedulePolicy::Longest}, {200}, 1000, 2'000'000));
    t.cells.append(cell({100, false, 4, SchedulePolicy::Longest}, {25}, 1000, 2'000'000));
    t.compute();
    const auto &rows = t.cells;
    QCOMPARE(rows[0].medianMs, 110.0);
    QCOMPARE(rows[0].minMs, 100.0);
    QCOMPARE(rows[0].maxMs, 120.0);
    QCOMPARE(rows[0].rowsPerSec, 1000 / 0.110);
    QCOMPARE(rows[1].speedup, 2.0);
    QCOMPARE(rows[1].efficiency, 1.0);
    QCOMPARE(rows[2].speedup, 2.75);
    QCOMPARE(rows[2].efficiency, 0.6875);
    QCOMPARE(rows[4].speedup, 8.0); // against the longest-policy 1-worker run, not fifo's
    QCOMPARE(t.best(), &rows[4]);
    sf::test::CsvRows csv;
    QVERIFY(sf::test::parseCsvText(sweepCsv(t), &csv));
    QCOMPARE(csv.size(), 6);
    QCOMPARE(csv[3], (QList<QByteArray>{"100", "4", "fifo", "2", "40.000", "40.000", "40.000",
                                        "25000.0", "50.000", "2.750", "0.688", "1"}));
}

void TestCliUnits::sweepWithoutOneWorker() {
    SweepResult t;
    t.cells.append(cell({0, false, 2, SchedulePolicy::Fifo}, {100}, 10, 0));
    t.cells.append(cell({0, false, 8, SchedulePolicy::Fifo}, {40}, 10, 0));
    t.compute();
    QCOMPARE(t.cells[1].baselineWorkers, 2);
    QCOMPARE(t.cells[1].speedup, 2.5);
    QCOMPARE(t.cells[1].efficiency, 0.625);
    QVERIFY(sweepCsv(t).split('\n').at(1).startsWith(",2,fifo")); // no chunk column value
    // The verdict names the baseline: 2.5× over 2 workers is 63% of the ideal 4×.
    const QString text = Recommendation::from(t).text();
    QVERIFY2(text.startsWith(QStringLiteral("Best: workers=8 policy=fifo, median 40.0 ms; speedup "
                                            "2.50× over 2 worker(s), 63% of the ideal 4×\n")),
             qPrintable(text));
}

void TestCliUnits::progressText() {
    RunSummary s;
    s.progress = 0.4567;
    s.tasksDone = 12;
    s.tasksTotal = 40;
    s.rowsPerSec = 1'250'000;
    s.bytesPerSec = 45'300'000;
    s.etaMs = 3200;
    s.tasksFailed = 1;
    s.retries = 2;
    QCOMPARE(ProgressLine::format(s),
             QStringLiteral(" 45.7% | 12/40 tasks | 1.25 M rows/s | 45.3 MB/s | ETA 3.2 s | "
                            "1 failed (2 retries)"));
    s.etaMs = -1;
    s.retries = 0;
    QVERIFY(ProgressLine::format(s).contains(QStringLiteral("ETA ?")));
    QCOMPARE(ProgressLine::formatDuration(850), QStringLiteral("850 ms"));
    QCOMPARE(ProgressLine::formatDuration(245000), QStringLiteral("4 min 05 s"));
    QCOMPARE(ProgressLine::formatRate(950), QStringLiteral("950"));
    QCOMPARE(ProgressLine::formatRate(12345), QStringLiteral("12.3 k"));
}

QTEST_GUILESS_MAIN(TestCliUnits)
#include "tst_cli_units.moc"
