// The tasks table: batched inserts and change ranges, typed sorting, state filtering, scale.
#include "taskfilterproxy.h"
#include "tasktablemodel.h"
#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace sf;
using namespace sf::ui;

namespace {

TaskRecord record(std::int64_t id, TaskState state, int worker = 0, std::int64_t startMs = 0,
                  std::int64_t durationMs = 0)
{
    TaskRecord r;
    r.attemptId = id;
    r.taskId = id;
    r.chunk = id;
    r.firstRow = id * 100;
    r.rowCount = 100;
    r.state = state;
    r.worker = state == TaskState::Queued ? -1 : worker;
    r.queuedNs = id * 1000;
    r.startedNs = startMs * 1'000'000;
    if (state != TaskState::Queued && state != TaskState::Running)
        r.finishedNs = (startMs + durationMs) * 1'000'000;
    r.priority = static_cast<int>(id % 3);
    return r;
}

} // namespace

class TestTaskTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void batchesInsertOnceAndSignalChangedRange();
    void duplicateInOneBatchKeepsLast();
    void displayAndDescribe();
    void proxyFiltersByState();
    void proxySortsByEveryColumn();
    void floodIsInsertedInSlices();
    void millionRowsStayFast();
};

void TestTaskTableModel::batchesInsertOnceAndSignalChangedRange()
{
    TaskTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset({QStringLiteral("sales.csv")});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    std::vector<TaskRecord> first;
    for (int i = 0; i < 5; ++i)
        first.push_back(record(i, TaskState::Queued));
    model.applyRecords(first);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 4);
    QCOMPARE(changed.count(), 0);

    model.applyRecords({record(3, TaskState::Running, 1, 5), record(1, TaskState::Done, 0, 1, 3),
                        record(5, TaskState::Queued)});
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 5);
    QCOMPARE(inserted.at(1).at(2).toInt(), 5);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(TaskTableModel::WorkerColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3);
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), int(TaskTableModel::NUM_COLUMNS) - 1);
    QCOMPARE(model.recordForAttempt(3)->state, TaskState::Running);
    QCOMPARE(model.rowForAttempt(5), 5);
    QCOMPARE(model.rowForAttempt(6), -1);
    QVERIFY(!model.recordForAttempt(42));

    model.reset({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowForAttempt(3), -1);
}

void TestTaskTableModel::duplicateInOneBatchKeepsLast()
{
    TaskTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Attempts may arrive out of id order; a batch may carry an attempt twice.
    model.applyRecords({record(7, TaskState::Queued), record(2, TaskState::Queued),
                        record(7, TaskState::Running, 3, 10)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowForAttempt(7), 0);
    QCOMPARE(model.rowForAttempt(2), 1);
    QCOMPARE(model.recordAt(0).state, TaskState::Running);
    QCOMPARE(model.recordAt(0).worker, 3);
}

void TestTaskTableModel::displayAndDescribe()
{
    TaskTableModel model;
    model.reset({QStringLiteral("sales.csv")});
    TaskRecord r = record(4, TaskState::Failed, 2, 1500, 12);
    r.attempt = 2;
    r.error = QStringLiteral("line 812: expected 5 fields, found 7");
    r.byteBegin = 1000;
    r.byteEnd = 3000;
    model.applyRecords({r});
    const auto cell = [&](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(cell(TaskTableModel::IdColumn), QStringLiteral("4"));
    QCOMPARE(cell(TaskTableModel::JobColumn), QStringLiteral("sales.csv"));
    QCOMPARE(cell(TaskTableModel::ChunkColumn), QStringLiteral("#4: 400–499"));
    QCOMPARE(cell(TaskTableModel::WorkerColumn), QStringLiteral("W2"));
    QCOMPARE(cell(TaskTableModel::StateColumn), QStringLiteral("failed"));
    QCOMPARE(cell(TaskTableModel::AttemptColumn), QStringLiteral("2"));
    QCOMPARE(cell(TaskTableModel::StartColumn), QStringLiteral("1.500 s"));
    QCOMPARE(cell(TaskTableModel::DurationColumn), QStringLiteral("12.0 ms"));
    QCOMPARE(cell(TaskTableModel::ErrorColumn), r.error);
    QCOMPARE(
        model.index(0, TaskTableModel::DurationColumn).data(TaskTableModel::SortRole).toLongLong(),
        12'000'000LL);
    const QString text = model.describe(4);
    QVERIFY2(text.contains(QStringLiteral("Task 4, attempt 2")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Chunk 4: 100 rows from row 400")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("duration 12.0 ms")), qPrintable(text));
    // Queued at 4 µs, started at 1.5 s: the wait in the queue is part of the durations shown.
    QVERIFY2(text.contains(QStringLiteral("started 1.500 s (waited 1.50 s)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Bytes: ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Error: line 812")), qPrintable(text));
    QCOMPARE(TaskTableModel::formatDuration(850'000), QStringLiteral("850 µs"));
    QCOMPARE(TaskTableModel::formatDuration(4'210'000'000LL), QStringLiteral("4.21 s"));
}

void TestTaskTableModel::proxyFiltersByState()
{
    TaskTableModel model;
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<TaskRecord> batch;
    for (int i = 0; i < 30; ++i) {
        const TaskState s = i % 3 == 0   ? TaskState::Done
                            : i % 3 == 1 ? TaskState::Running
                                         : TaskState::Queued;
        batch.push_back(record(i, s, i % 4, i, 2));
    }
    batch[3].straggler = true; // done
    batch[4].straggler = true; // running
    model.applyRecords(batch);
    QCOMPARE(proxy.rowCount(), 30);

    proxy.setStateFilter({TaskState::Done});
    QCOMPARE(proxy.rowCount(), 10);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.index(row, 0).data(TaskTableModel::StateRole).toInt(), int(TaskState::Done));

    proxy.setStateFilter({TaskState::Done, TaskState::Running});
    QCOMPARE(proxy.rowCount(), 20);
    proxy.setStragglersOnly(true);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setStragglersOnly(false);

    // A live change moves rows in and out of the filter.
    proxy.setStateFilter({TaskState::Failed});
    QCOMPARE(proxy.rowCount(), 0);
    model.applyRecords(
        {record(1, TaskState::Failed, 0, 1, 5), record(2, TaskState::Failed, 0, 2, 5)});
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setStateFilter({});
    QCOMPARE(proxy.rowCount(), 30);
}

void TestTaskTableModel::proxySortsByEveryColumn()
{
    TaskTableModel model;
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<TaskRecord> batch;
    for (int i = 0; i < 200; ++i) {
        TaskRecord r = record(i, i % 7 == 0 ? TaskState::Failed : TaskState::Done, (i * 7) % 5,
                              (i * 37) % 101, (i * 13) % 17 + 1);
        r.error = i % 7 == 0 ? QStringLiteral("error %1").arg((i * 3) % 11) : QString();
        batch.push_back(r);
    }
    model.applyRecords(batch);
    for (int column = 0; column < TaskTableModel::NUM_COLUMNS; ++column) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            for (int row = 1; row < proxy.rowCount(); ++row) {
                const int a = proxy.mapToSource(proxy.index(row - 1, 0)).row();
                const int b = proxy.mapToSource(proxy.index(row, 0)).row();
                const bool wrong = order == Qt::AscendingOrder ? model.lessThan(b, a, column)
                                                               : model.lessThan(a, b, column);
                QVERIFY2(!wrong,
                         qPrintable(QStringLiteral("column %1 row %2").arg(column).arg(row)));
            }
        }
    }
    proxy.sort(TaskTableModel::DurationColumn, Qt::DescendingOrder);
    const TaskRecord &longest = model.recordAt(proxy.mapToSource(proxy.index(0, 0)).row());
    QCOMPARE(longest.durationNs(), 17'000'000LL);
}

void TestTaskTableModel::floodIsInsertedInSlices()
{
    TaskTableModel model;
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TaskTableModel::IdColumn, Qt::AscendingOrder);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // Small enough for the model tester, which walks the whole model after every insert.
    model.setSliceRows(1024);
    constexpr int kRows = 5000;
    std::vector<TaskRecord> flood;
    flood.reserve(kRows);
    for (int i = 0; i < kRows; ++i)
        flood.push_back(record(i, TaskState::Queued));
    model.applyRecords(flood);
    // The first slice is in at once; the rest waits for the event loop.
    QCOMPARE(model.rowCount(), 1024);
    QCOMPARE(model.rowCount() + model.rowsPending(), kRows);
    // A pending attempt is still known, and a change to it is kept for its insertion.
    const int last = kRows - 1;
    QCOMPARE(model.rowForAttempt(last), -1);
    QVERIFY(model.recordForAttempt(last));
    model.applyRecords(
        {record(last, TaskState::Done, 3, 1, 2), record(0, TaskState::Running, 1, 1)});
    QCOMPARE(model.recordForAttempt(last)->state, TaskState::Done);
    QCOMPARE(model.recordAt(0).state, TaskState::Running);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowsPending(), 0, 30000);
    QCOMPARE(model.rowCount(), kRows);
    QCOMPARE(proxy.rowCount(), kRows);
    QVERIFY(inserted.count() > 1);
    int expectedFirst = 0;
    for (const QList<QVariant> &args : inserted) { // contiguous, in order
        QCOMPARE(args.at(1).toInt(), expectedFirst);
        expectedFirst = args.at(2).toInt() + 1;
    }
    QCOMPARE(expectedFirst, kRows);
    QCOMPARE(model.rowForAttempt(last), last);
    QCOMPARE(model.recordAt(last).state, TaskState::Done);
    QCOMPARE(model.recordAt(last).worker, 3);
    QCOMPARE(proxy.index(last, TaskTableModel::IdColumn).data().toLongLong(), qint64(last));
}

void TestTaskTableModel::millionRowsStayFast()
{
    TaskTableModel model;
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TaskTableModel::IdColumn, Qt::AscendingOrder);
    constexpr int kRows = 1'000'000;
    constexpr int kBatch = 100'000;
    QElapsedTimer timer;
    timer.start();
    for (int begin = 0; begin < kRows; begin += kBatch) {
        std::vector<TaskRecord> batch;
        batch.reserve(kBatch);
        for (int i = begin; i < begin + kBatch; ++i)
            batch.push_back(
                record(i, i % 10 == 0 ? TaskState::Running : TaskState::Done, i % 8, i, 1));
        model.applyRecords(batch);
    }
    QVERIFY(model.rowsPending() > 0); // a flood is inserted in slices, not at once
    model.insertPendingRows();
    QCOMPARE(model.rowsPending(), 0);
    const qint64 insertMs = timer.restart();
    QCOMPARE(model.rowCount(), kRows);
    QCOMPARE(proxy.rowCount(), kRows);
    // One snapshot's worth of changes across the table: one dataChanged range.
    std::vector<TaskRecord> changes;
    for (int i = 0; i < kRows; i += kRows / 1000)
        changes.push_back(record(i, TaskState::Done, i % 8, i, 2));
    model.applyRecords(changes);
    const qint64 updateMs = timer.restart();
    proxy.setStateFilter({TaskState::Running});
    QCOMPARE(proxy.rowCount(), kRows / 10 - 1000);
    const qint64 filterMs = timer.elapsed();
    qInfo("1M rows: insert %lld ms, update %lld ms, filter %lld ms", insertMs, updateMs, filterMs);
    // Generous bounds (debug build, shared CI core): a per-row map or QVariant sort would blow
    // them.
    QVERIFY2(insertMs < 60'000, qPrintable(QString::number(insertMs)));
    QVERIFY2(filterMs < 10'000, qPrintable(QString::number(filterMs)));
}

QTEST_MAIN(TestTaskTableModel)
#include "tst_tasktablemodel.moc"
