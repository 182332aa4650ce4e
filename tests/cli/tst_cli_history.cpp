// superflow-cli and the run history: every run saved (unless --no-history) to
// $SUPERFLOW_HISTORY, kept across restarts, a corrupt or unwritable file reported without
// failing the run, and `history list|show|compare|remove` as text and JSON.
#include "clirunner.h"
#include "history/runhistory.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sf;

namespace {

QString fixture(const char *name) {
    return QStringLiteral(SF_TEST_DATA_DIR "/cli/") + QLatin1String(name);
}

QProcessEnvironment withHistory(const QString &path) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SUPERFLOW_HISTORY"), path);
    return env;
}

QJsonObject json(const QByteArray &bytes) {
    return QJsonDocument::fromJson(bytes).object();
}

TaskRecord done(std::int64_t id, int lane, double ms) {
    TaskRecord t;
    t.attemptId = id;
    t.taskId = id;
    t.worker = lane;
    t.state = TaskState::Done;
    t.startedNs = 1'000'000;
    t.finishedNs = t.startedNs + std::int64_t(ms * 1e6);
    return t;
}

// Two runs with known durations: run A 1..8 ms in 80 ms, run B 3..10 ms (each +2) in 40 ms.
void storeKnownRuns(const QString &path) {
    RunHistory h;
    QString error;
    QVERIFY(h.open(path, &error));
    for (int k = 0; k < 2; ++k) {
        StoredRun r;
        r.params.origin = QStringLiteral("cli");
        r.params.analysis = QStringLiteral("synthetic");
        r.params.jobName = QStringLiteral("synthetic");
        r.params.workers = k == 0 ? 1 : 2;
        r.totals.status = QStringLiteral("done");
        r.totals.wallMs = k == 0 ? 80 : 40;
        r.totals.tasks = 8;
        for (int i = 1; i <= 8; ++i)
            r.tasks.push_back(done(i, i % r.params.workers, i + 2 * k));
        QVERIFY(h.saveRun(&r, &error));
    }
}

} // namespace

class TestCliHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsAreSavedAndSurviveRestart();
    void noHistoryFlag();
    void corruptFileReportedAndRecreated();
    void unwritableHistoryIsOnlyAWarning();
    void compareKnownRuns();
    void removeAndErrors();
};

void TestCliHistory::runsAreSavedAndSurviveRestart() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const QProcessEnvironment env = withHistory(path);
    CliResult r = runCli({QStringLiteral("profile"), QStringLiteral("--quiet"),
                          QStringLiteral("--chunk-rows"), QStringLiteral("4"),
                          QStringLiteral("--workers"), QStringLiteral("2"), fixture("weather.csv")},
                         60000, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.err.isEmpty());
    r = runCli({QStringLiteral("synthetic"), QStringLiteral("--quiet"), QStringLiteral("--tasks"),
                QStringLiteral("7"), QStringLiteral("--mean-ms"), QStringLiteral("1")},
               60000, env);
    QCOMPARE(r.exitCode, 0);

    // Every CLI call is a fresh process: the file was closed and is read again.
    r = runCli({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")}, 60000,
               env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray runs = json(r.out).value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 2);
    const QJsonObject synthetic = runs[0].toObject(), profile = runs[1].toObject();
    QCOMPARE(synthetic.value(QStringLiteral("id")).toInt(), 2);
    QCOMPARE(synthetic.value(QStringLiteral("analysis")).toString(), QStringLiteral("synthetic"));
    QCOMPARE(synthetic.value(QStringLiteral("tasks")).toInt(), 7);
    QCOMPARE(profile.value(QStringLiteral("analysis")).toString(), QStringLiteral("profile"));
    QCOMPARE(profile.value(QStringLiteral("dataset")).toString(),
             QFileInfo(fixture("weather.csv")).absoluteFilePath());
    QCOMPARE(profile.value(QStringLiteral("dataset_size")).toInteger(),
             QFileInfo(fixture("weather.csv")).size());
    QCOMPARE(profile.value(QStringLiteral("chunk_size")).toInt(), 4);
    QCOMPARE(profile.value(QStringLiteral("workers")).toInt(), 2);
    QCOMPARE(profile.value(QStringLiteral("tasks")).toInt(), 3); // 12 rows in chunks of 4
    QCOMPARE(profile.value(QStringLiteral("rows")).toInt(), 12);
    QCOMPARE(profile.value(QStringLiteral("status")).toString(), QStringLiteral("done"));

    r = runCli({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("1"),
                QStringLiteral("--json")},
               60000, env);
    const QJsonObject shown = json(r.out);
    QCOMPARE(shown.value(QStringLiteral("task_attempts")).toArray().size(), 3);
    QCOMPARE(shown.value(QStringLiteral("task_attempts"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("state")),
             QStringLiteral("done"));

    r = runCli({QStringLiteral("history"), QStringLiteral("list")}, 60000, env);
    const QList<QByteArray> lines = r.out.split('\n');
    QVERIFY2(lines[0].startsWith("id  started"), r.out.constData());
    QVERIFY(lines[2].startsWith(" 2  ") && lines[2].contains("synthetic"));
    QVERIFY(lines[3].startsWith(" 1  ") && lines[3].contains("weather.csv") &&
            lines[3].contains("4 rows"));
    r = runCli({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("1")}, 60000,
               env);
    QVERIFY2(r.out.startsWith("Run 1 (cli, "), r.out.constData());
    QVERIFY(r.out.contains("  tasks:          3 (0 failed, 0 retries)\n"));
}

void TestCliHistory::noHistoryFlag() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const CliResult r =
        runCli({QStringLiteral("synthetic"), QStringLiteral("--quiet"), QStringLiteral("--tasks"),
                QStringLiteral("3"), QStringLiteral("--no-history")},
               60000, withHistory(path));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!QFile::exists(path));
    const CliResult list =
        runCli({QStringLiteral("history"), QStringLiteral("list")}, 60000, withHistory(path));
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out, QByteArray("The history holds no runs yet.\n"));
    QVERIFY(!QFile::exists(path)); // looking does not create it
}

void TestCliHistory::corruptFileReportedAndRecreated() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("garbage, not SQLite\n").repeated(100));
    }
    const CliResult r = runCli({QStringLiteral("synthetic"), QStringLiteral("--quiet"),
                                QStringLiteral("--tasks"), QStringLiteral("4")},
                               60000, withHistory(path));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(json(r.out).value(QStringLiteral("tasks")).toInt(), 4);
    const QByteArray expected = "superflow-cli: warning: " + path.toUtf8() +
                                " was not a usable run history (file is not a database); moved "
                                "it to " +
                                path.toUtf8() + ".corrupt-";
    QVERIFY2(r.err.startsWith(expected), r.err.constData());
    QVERIFY(r.err.endsWith(" and started a new one\n"));
    const QStringList aside =
        QDir(dir.path()).entryList({QStringLiteral("h.sqlite.corrupt-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QFile moved(dir.filePath(aside.first()));
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QVERIFY(moved.readAll().startsWith("garbage, not SQLite"));
    // The run that found the damage is in the new file.
    const CliResult list =
        runCli({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")}, 60000,
               withHistory(path));
    QCOMPARE(json(list.out).value(QStringLiteral("runs")).toArray().size(), 1);
    QVERIFY(list.err.isEmpty());
}

void TestCliHistory::unwritableHistoryIsOnlyAWarning() {
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("file"));
    {
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QString path = blocker + QStringLiteral("/h.sqlite"); // a folder that is a file
    const CliResult r = runCli({QStringLiteral("synthetic"), QStringLiteral("--quiet"),
                                QStringLiteral("--tasks"), QStringLiteral("2")},
                               60000, withHistory(path));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r.out).value(QStringLiteral("tasks")).toInt(), 2);
    QCOMPARE(r.err, "superflow-cli: warning: the run was not saved to the history: " +
                        path.toUtf8() + ": cannot create the folder " + blocker.toUtf8() + "\n");
}

void TestCliHistory::compareKnownRuns() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    storeKnownRuns(path);
    CliResult r = runCli({QStringLiteral("history"), QStringLiteral("compare"), QStringLiteral("1"),
                          QStringLiteral("2"), QStringLiteral("--json")},
                         60000, withHistory(path));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject c = json(r.out);
    QCOMPARE(c.value(QStringLiteral("wall_ratio")).toDouble(), 0.5);
    QCOMPARE(c.value(QStringLiteral("wall_diff_ms")).toDouble(), -40.0);
    const QJsonObject diff = c.value(QStringLiteral("duration_diff")).toObject();
    for (const char *q : {"min_ms", "p25_ms", "p50_ms", "p75_ms", "p95_ms", "max_ms"})
        QCOMPARE(diff.value(QLatin1String(q)).toDouble(), 2.0);
    const QJsonObject a = c.value(QStringLiteral("a")).toObject();
    QCOMPARE(a.value(QStringLiteral("durations")).toObject().value(QStringLiteral("p50_ms")), 4.0);
    QCOMPARE(a.value(QStringLiteral("finished_tasks")).toInt(), 8);
    const QJsonObject b = c.value(QStringLiteral("b")).toObject();
    QCOMPARE(b.value(QStringLiteral("durations")).toObject().value(QStringLiteral("max_ms")), 10.0);
    const QJsonObject h = c.value(QStringLiteral("histogram")).toObject();
    const QJsonArray edges = h.value(QStringLiteral("edges_ms")).toArray();
    QCOMPARE(edges.size(), 21);
    QCOMPARE(edges.first().toDouble(), 1.0);
    QCOMPARE(edges.last().toDouble(), 10.0);
    int sumA = 0, sumB = 0;
    for (const QJsonValue &v : h.value(QStringLiteral("a")).toArray())
        sumA += v.toInt();
    for (const QJsonValue &v : h.value(QStringLiteral("b")).toArray())
        sumB += v.toInt();
    QCOMPARE(sumA, 8);
    QCOMPARE(sumB, 8);
    QCOMPARE(h.value(QStringLiteral("a")).toArray().first().toInt(), 1); // 1 ms only in A
    QCOMPARE(h.value(QStringLiteral("b")).toArray().first().toInt(), 0);
    QCOMPARE(h.value(QStringLiteral("b")).toArray().last().toInt(), 1); // 10 ms only in B

    r = runCli({QStringLiteral("history"), QStringLiteral("compare"), QStringLiteral("1"),
                QStringLiteral("2")},
               60000, withHistory(path));
    QVERIFY2(r.out.contains("\nwall ms      80.000  40.000     -40.000  0.500×\n"),
             r.out.constData());
    QVERIFY(r.out.contains("\ntask p50 ms   4.000   6.000       2.000  1.500×\n"));
    QVERIFY2(r.out.startsWith("Run 1: synthetic "), r.out.constData());
    QVERIFY(r.out.contains(" 1 worker(s), fifo\n"));
    QVERIFY(!r.out.contains("-, 1 worker(s)")); // no chunk for runs without a dataset
    QVERIFY(r.out.contains(", 1 worker(s), fifo\nRun 2: synthetic "));
}

void TestCliHistory::removeAndErrors() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    storeKnownRuns(path);
    const QProcessEnvironment env = withHistory(path);
    CliResult r = runCli({QStringLiteral("history"), QStringLiteral("remove"), QStringLiteral("1")},
                         60000, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("removed run 1\n"));
    r = runCli({QStringLiteral("history"), QStringLiteral("remove"), QStringLiteral("1")}, 60000,
               env);
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.err, QByteArray("superflow-cli: no run 1 in the history\n"));
    r = runCli({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("one")}, 60000,
               env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(
        r.err.startsWith("superflow-cli history: run ID must be a positive integer, got 'one'\n"));
    r = runCli({QStringLiteral("history"), QStringLiteral("compare"), QStringLiteral("2")}, 60000,
               env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("superflow-cli history: history compare takes 2 run ID(s)\n"),
             r.err.constData());
    r = runCli({QStringLiteral("history"), QStringLiteral("frob")}, 60000, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.startsWith("superflow-cli history: unknown history action 'frob'\n"));
}

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_cli_history.moc"
