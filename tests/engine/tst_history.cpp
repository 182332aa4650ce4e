// Run history: schema, save/list/load/remove/prune round trips, reopening, recovery from a
// deleted or corrupt file without losing the run being saved, one connection per thread, the
// dataset fingerprint, and the comparison of two stored runs.
#include "core/hash.h"
#include "history/replaysnapshot.h"
#include "history/runcomparison.h"
#include "history/runhistory.h"
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>

using namespace sf;

namespace {

TaskRecord task(std::int64_t attempt, int lane, double startMs, double durationMs,
                TaskState state = TaskState::Done)
{
    TaskRecord t;
    t.attemptId = attempt;
    t.taskId = attempt;
    t.chunk = attempt;
    t.worker = lane;
    t.queuedNs = 0;
    t.startedNs = std::int64_t(startMs * 1e6);
    t.finishedNs = std::int64_t((startMs + durationMs) * 1e6);
    t.rowsDone = 100;
    t.bytesDone = 1000 + attempt;
    t.state = state;
    return t;
}

// A run of `n` tasks of `ms` each, as saved by the CLI.
StoredRun sampleRun(const QString &analysis, int n, double ms, double wallMs)
{
    StoredRun r;
    r.params.origin = QStringLiteral("cli");
    r.params.analysis = analysis;
    r.params.jobName = analysis + QStringLiteral(" weather.csv");
    r.params.datasetPath = QStringLiteral("/data/weather.csv");
    r.params.fingerprint.size = 12345;
    r.params.fingerprint.mtimeMs = 1700000000123;
    r.params.fingerprint.headHash = 0xfedcba9876543210ULL;
    r.params.partition.unit = PartitionSpec::Unit::Bytes;
    r.params.partition.size = 4096;
    r.params.partition.strategy = PartitionSpec::Strategy::Guided;
    r.params.workers = 3;
    r.params.policy = SchedulePolicy::Longest;
    r.params.priority = 2;
    r.params.memoryBudget = 1 << 20;
    r.totals.status = QStringLiteral("done");
    r.totals.wallMs = wallMs;
    r.totals.tasks = n;
    r.totals.failed = 0;
    r.totals.retries = 1;
    r.totals.rows = 100 * n;
    r.totals.bytes = 5000;
    for (int i = 0; i < n; ++i)
        r.tasks.push_back(task(i, i % 3, i * ms / 3, ms));
    return r;
}

int countRows(const QString &path, const QString &table)
{
    int n = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next())
                n = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return n;
}

} // namespace

class TestHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsVersionedSchema();
    void saveLoadRoundTrip();
    void survivesReopen();
    void listRemovePrune();
    void deletedFileIsRecreated();
    void corruptFileMovedAsideRunKept();
    void foreignDatabaseMovedAside();
    void newerSchemaLeftAlone();
    void connectionsPerThread();
    void fingerprintOfFile();
    void compareTwoRuns();
    void compareLogBins();
    void replayRebuildsTheSummary();
};

void TestHistory::createsVersionedSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/dir/history.sqlite"));
    {
        RunHistory h;
        QString error;
        QVERIFY2(h.open(path, &error), qPrintable(error));
        QVERIFY(h.takeNotice().isEmpty());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v"));
    QCOMPARE(countRows(path, QStringLiteral("runs")), 0);
}

void TestHistory::saveLoadRoundTrip()
{
    QTemporaryDir dir;
    RunHistory h;
    QString error;
    QVERIFY(h.open(dir.filePath(QStringLiteral("h.sqlite")), &error));
    StoredRun run = sampleRun(QStringLiteral("profile"), 7, 4.0, 12.5);
    run.tasks[2].state = TaskState::Failed;
    run.tasks[2].error = QStringLiteral("weather.csv:14: bad number 'x'");
    run.tasks[2].attempt = 2;
    run.tasks[3].straggler = true;
    run.startedAt = QDateTime(QDate(2026, 12, 2), QTime(7, 1, 2, 345), Qt::UTC);
    QVERIFY2(h.saveRun(&run, &error), qPrintable(error));
    QCOMPARE(run.id, std::int64_t(1));

    const std::optional<StoredRun> back = h.load(run.id, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->startedAt, run.startedAt);
    const RunParams &p = back->params;
    QCOMPARE(p.origin, QStringLiteral("cli"));
    QCOMPARE(p.analysis, QStringLiteral("profile"));
    QCOMPARE(p.jobName, QStringLiteral("profile weather.csv"));
    QCOMPARE(p.datasetPath, QStringLiteral("/data/weather.csv"));
    QCOMPARE(p.fingerprint, run.params.fingerprint);
    QCOMPARE(p.partition.unit, PartitionSpec::Unit::Bytes);
    QCOMPARE(p.partition.size, std::int64_t(4096));
    QCOMPARE(p.partition.strategy, PartitionSpec::Strategy::Guided);
    QCOMPARE(p.workers, 3);
    QCOMPARE(p.policy, SchedulePolicy::Longest);
    QCOMPARE(p.priority, 2);
    QCOMPARE(p.memoryBudget, std::int64_t(1 << 20));
    QCOMPARE(back->totals.status, QStringLiteral("done"));
    QCOMPARE(back->totals.wallMs, 12.5);
    QCOMPARE(back->totals.tasks, std::int64_t(7));
    QCOMPARE(back->totals.retries, std::int64_t(1));
    QCOMPARE(back->totals.rows, std::int64_t(700));
    QCOMPARE(back->totals.bytes, std::int64_t(5000));
    QCOMPARE(back->tasks.size(), std::size_t(7));
    for (std::size_t i = 0; i < 7; ++i) {
        const TaskRecord &a = run.tasks[i], &b = back->tasks[i];
        QCOMPARE(b.attemptId, a.attemptId);
        QCOMPARE(b.worker, a.worker);
        QCOMPARE(b.startedNs, a.startedNs);
        QCOMPARE(b.finishedNs, a.finishedNs);
        QCOMPARE(b.bytesDone, a.bytesDone);
        QCOMPARE(b.state, a.state);
        QCOMPARE(b.attempt, a.attempt);
        QCOMPARE(b.straggler, a.straggler);
        QCOMPARE(b.error, a.error);
    }
    QVERIFY(!h.load(99, &error));
    QCOMPARE(error, QStringLiteral("no run 99 in the history"));
}

void TestHistory::survivesReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    QString error;
    {
        RunHistory h;
        QVERIFY(h.open(path, &error));
        StoredRun a = sampleRun(QStringLiteral("profile"), 3, 2.0, 10);
        StoredRun b = sampleRun(QStringLiteral("synthetic"), 5, 1.0, 20);
        QVERIFY(h.saveRun(&a, &error) && h.saveRun(&b, &error));
    }
    RunHistory again;
    QVERIFY(again.open(path, &error));
    const QList<StoredRun> runs = again.list(&error);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0].id, std::int64_t(2)); // newest first
    QCOMPARE(runs[0].params.analysis, QStringLiteral("synthetic"));
    QCOMPARE(runs[1].params.analysis, QStringLiteral("profile"));
    QVERIFY(runs[0].tasks.empty()); // list() leaves tasks out
    QCOMPARE(again.load(2, &error)->tasks.size(), std::size_t(5));
}

void TestHistory::listRemovePrune()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    RunHistory h;
    QString error;
    QVERIFY(h.open(path, &error));
    for (int i = 0; i < 6; ++i) {
        StoredRun r = sampleRun(QStringLiteral("profile"), 2, 1.0, 10 + i);
        QVERIFY(h.saveRun(&r, &error));
    }
    QVERIFY(h.remove(3, &error));
    QVERIFY(!h.remove(3, &error));
    QCOMPARE(error, QStringLiteral("no run 3 in the history"));
    QCOMPARE(countRows(path, QStringLiteral("tasks")), 10);
    int removed = -1;
    QVERIFY(h.prune(3, &error, &removed));
    QCOMPARE(removed, 2); // runs 1 and 2 go; 4, 5, 6 stay
    QList<std::int64_t> ids;
    for (const StoredRun &r : h.list(&error))
        ids.append(r.id);
    QCOMPARE(ids, (QList<std::int64_t>{6, 5, 4}));
    QCOMPARE(countRows(path, QStringLiteral("tasks")), 6);
    QVERIFY(h.prune(3, &error, &removed));
    QCOMPARE(removed, 0);
}

void TestHistory::deletedFileIsRecreated()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    RunHistory h;
    QString error;
    QVERIFY(h.open(path, &error));
    StoredRun first = sampleRun(QStringLiteral("profile"), 2, 1.0, 10);
    QVERIFY(h.saveRun(&first, &error));
    QVERIFY(QFile::remove(path));
    StoredRun second = sampleRun(QStringLiteral("groupby"), 4, 1.0, 10);
    QVERIFY2(h.saveRun(&second, &error), qPrintable(error));
    QCOMPARE(h.takeNotice(), path + QStringLiteral(" was deleted; created a new run history"));
    QVERIFY(QFile::exists(path));
    QCOMPARE(countRows(path, QStringLiteral("runs")), 1);
    QCOMPARE(h.list(&error).value(0).params.analysis, QStringLiteral("groupby"));
}

void TestHistory::corruptFileMovedAsideRunKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is not a database\n").repeated(200));
    }
    RunHistory h;
    QString error;
    QVERIFY2(h.open(path, &error), qPrintable(error));
    const QString notice = h.takeNotice();
    QVERIFY2(notice.startsWith(path +
                               QStringLiteral(" was not a usable run history (file is not "
                                              "a database); moved it to ") +
                               path + QStringLiteral(".corrupt-")),
             qPrintable(notice));
    const QStringList aside =
        QDir(dir.path()).entryList({QStringLiteral("h.sqlite.corrupt-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY(
        notice.endsWith(dir.filePath(aside.first()) + QStringLiteral(" and started a new one")));
    QFile moved(dir.filePath(aside.first()));
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QVERIFY(moved.readAll().startsWith("this is not a database"));
    StoredRun run = sampleRun(QStringLiteral("profile"), 3, 1.0, 10);
    QVERIFY(h.saveRun(&run, &error));
    QCOMPARE(countRows(path, QStringLiteral("runs")), 1);

    // Damaged while open: the save notices, moves the file aside and keeps the run.
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write(QByteArray(4096, 'x'));
    }
    StoredRun kept = sampleRun(QStringLiteral("wordcount"), 2, 1.0, 10);
    QVERIFY2(h.saveRun(&kept, &error), qPrintable(error));
    QVERIFY(h.takeNotice().contains(QStringLiteral("was not a usable run history")));
    QCOMPARE(h.list(&error).value(0).params.analysis, QStringLiteral("wordcount"));
    QCOMPARE(h.list(&error).size(), 1);
}

void TestHistory::foreignDatabaseMovedAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("f"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE photos (id INTEGER)")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("f"));
    RunHistory h;
    QString error;
    QVERIFY(h.open(path, &error));
    QVERIFY(
        h.takeNotice().contains(QStringLiteral("(it is an SQLite database of another program)")));
    QCOMPARE(countRows(path, QStringLiteral("runs")), 0);
}

void TestHistory::newerSchemaLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("n"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 7")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("n"));
    RunHistory h;
    QString error;
    QVERIFY(!h.open(path, &error));
    QCOMPARE(error, path + QStringLiteral(": schema version 7 is newer than this program's 1"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("h.sqlite")});
}

void TestHistory::connectionsPerThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    QString error;
    RunHistory main;
    QVERIFY(main.open(path, &error));
    std::atomic<int> saved{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
        threads.emplace_back([&] {
            RunHistory h;
            QString e;
            if (!h.open(path, &e)) return;
            for (int i = 0; i < 4; ++i) {
                StoredRun r = sampleRun(QStringLiteral("synthetic"), 10, 1.0, 5);
                if (h.saveRun(&r, &e)) ++saved;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(saved.load(), 12);
    QCOMPARE(main.list(&error).size(), 12);
    QCOMPARE(countRows(path, QStringLiteral("tasks")), 120);
}

void TestHistory::fingerprintOfFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("d.csv"));
    QByteArray bytes = QByteArray("a,b\n") + QByteArray("1,2\n").repeated(30000); // > 64 KiB
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    const DatasetFingerprint f = DatasetFingerprint::of(path);
    QCOMPARE(f.size, std::int64_t(bytes.size()));
    QCOMPARE(f.headHash, hashBytes(std::string_view(bytes.constData(), 64 * 1024)));
    QCOMPARE(f.hashHex().size(), 16);
    QCOMPARE(f.mtimeMs, QFileInfo(path).lastModified().toMSecsSinceEpoch());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.write("z"); // same size, different head
    }
    QVERIFY(DatasetFingerprint::of(path).headHash != f.headHash);
    QVERIFY(!DatasetFingerprint::of(dir.filePath(QStringLiteral("missing.csv"))).isValid());
    QVERIFY(!DatasetFingerprint::of(QString()).isValid());
}

void TestHistory::compareTwoRuns()
{
    // A: durations 1..10 ms; B: 2..20 ms (every task twice as long), half the wall time.
    StoredRun a, b;
    a.id = 1;
    b.id = 2;
    a.totals.wallMs = 100;
    b.totals.wallMs = 50;
    for (int i = 1; i <= 10; ++i) {
        a.tasks.push_back(task(i, 0, 0, i));
        b.tasks.push_back(task(i, 0, 0, 2 * i));
    }
    b.tasks.push_back(task(11, 0, 0, 500, TaskState::Failed)); // not a finished duration
    const RunComparison c = RunComparison::compare(a, b, 19);
    QCOMPARE(c.wallRatio, 0.5);
    QCOMPARE(c.tasksA, std::int64_t(10));
    QCOMPARE(c.tasksB, std::int64_t(10));
    QCOMPARE(c.a.minMs, 1.0);
    QCOMPARE(c.a.medianMs, 5.0);
    QCOMPARE(c.a.p95Ms, 10.0);
    QCOMPARE(c.b.minMs, 2.0);
    QCOMPARE(c.b.medianMs, 10.0);
    QCOMPARE(c.b.maxMs, 20.0);
    QCOMPARE(c.diff.minMs, 1.0);
    QCOMPARE(c.diff.p25Ms, 3.0);
    QCOMPARE(c.diff.medianMs, 5.0);
    QCOMPARE(c.diff.p75Ms, 8.0);
    QCOMPARE(c.diff.maxMs, 10.0);
    QVERIFY(!c.logBins); // 1..20 ms spans exactly 20×: linear
    QCOMPARE(c.binEdgesMs.size(), std::size_t(20));
    QCOMPARE(c.binEdgesMs.front(), 1.0);
    QCOMPARE(c.binEdgesMs.back(), 20.0);
    QCOMPARE(c.histA.size(), std::size_t(19));
    QCOMPARE(c.histB.size(), std::size_t(19));
    // 1 ms-wide bins [1,2), [2,3), ...: A fills bins 0..9 once, B every other bin from 1.
    for (int i = 0; i < 19; ++i) {
        QCOMPARE(c.histA[std::size_t(i)], std::int64_t(i < 10 ? 1 : 0));
        const bool hit = i % 2 == 1 || i == 18; // 20 ms, the top edge, falls in the last bin
        QCOMPARE(c.histB[std::size_t(i)], std::int64_t(hit ? 1 : 0));
    }
}

void TestHistory::compareLogBins()
{
    StoredRun a, b;
    a.totals.wallMs = 0;
    for (double ms : {0.1, 0.2, 2.0})
        a.tasks.push_back(task(0, 0, 0, ms));
    for (double ms : {20.0, 100.0})
        b.tasks.push_back(task(0, 0, 0, ms));
    const RunComparison c = RunComparison::compare(a, b, 3);
    QCOMPARE(c.wallRatio, 0.0);
    QVERIFY(c.logBins);
    QCOMPARE(c.binEdgesMs.size(), std::size_t(4));
    QVERIFY(qAbs(c.binEdgesMs[1] - 1.0) < 1e-9); // 0.1, 1, 10, 100
    QVERIFY(qAbs(c.binEdgesMs[2] - 10.0) < 1e-9);
    QCOMPARE(c.histA, (std::vector<std::int64_t>{2, 1, 0}));
    QCOMPARE(c.histB, (std::vector<std::int64_t>{0, 0, 2}));
}

void TestHistory::replayRebuildsTheSummary()
{
    // Two lanes over 10 ms: lane 0 runs 0–4 and 4–8 ms, lane 1 runs 0–5 ms; 100 rows each.
    StoredRun r;
    r.params.workers = 2;
    r.totals.wallMs = 10;
    r.totals.rows = 300;
    r.totals.tasks = 3;
    r.tasks = {task(0, 0, 0, 4), task(1, 0, 4, 4), task(2, 1, 0, 5)};
    r.tasks[1].queuedNs = 0;
    r.tasks[2].straggler = true;
    const RunSnapshot s = replaySnapshot(r, 10);
    QCOMPARE(s.changed.size(), std::size_t(3));
    QVERIFY(s.summary.finished);
    QCOMPARE(s.summary.tasksDone, std::int64_t(3));
    QCOMPARE(s.summary.durations.minMs, 4.0);
    QCOMPARE(s.summary.durations.maxMs, 5.0);
    QCOMPARE(s.summary.workerUtilisation, (std::vector<double>{0.8, 0.5}));
    QCOMPARE(s.summary.stragglers, (std::vector<std::int64_t>{2}));
    QCOMPARE(s.summary.rowsPerSecOverall, 300 / 0.010);
    QCOMPARE(s.summary.throughput.size(), std::size_t(10));
    // Rates over the trailing 1 ms (a tenth of the 10 ms run): task 0 finished at 4 ms.
    QCOMPARE(s.summary.throughput[4].tMs, 5.0);
    QCOMPARE(s.summary.throughput[4].value, 100 / 0.001);
    QCOMPARE(s.summary.throughput[3].value, 0.0);
    // With 5 points of 2 ms the window is one step: [4, 6) ms holds tasks 0 and 2.
    const RunSnapshot coarse = replaySnapshot(r, 5);
    QCOMPARE(coarse.summary.throughput[2].tMs, 6.0);
    QCOMPARE(coarse.summary.throughput[2].value, 200 / 0.002);
    // With 20 points of 0.5 ms the window is two steps: at 5 ms, [4, 5) ms holds task 0.
    const RunSnapshot fine = replaySnapshot(r, 20);
    QCOMPARE(fine.summary.throughput[9].tMs, 5.0);
    QCOMPARE(fine.summary.throughput[9].value, 100 / 0.001);
    QCOMPARE(fine.summary.throughput[0].value, 0.0);
    QCOMPARE(s.summary.queueLength[0].value, 1.0); // task 1 waits until 4 ms
    QCOMPARE(s.summary.queueLength[4].value, 0.0);
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
