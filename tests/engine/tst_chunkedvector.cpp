// ChunkedVector: indexing across block boundaries, growth that keeps references valid,
// shrinking that resets what it drops, large (prefaulted) blocks that start value-initialised.
#include "core/chunkedvector.h"
#include "monitor/taskrecord.h"
#include <QString>
#include <QtTest>

using namespace sf;

class TestChunkedVector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void growsAcrossBlocksWithoutMoving()
    {
        ChunkedVector<QString, 2> v; // blocks of 4
        QVERIFY(v.empty());
        for (int i = 0; i < 10; ++i)
            v.push_back(QString::number(i));
        QCOMPARE(v.size(), std::size_t(10));
        const QString *third = &v[2];
        v.resize(1000);
        QCOMPARE(&v[2], third); // growing never relocates
        QCOMPARE(v[9], QStringLiteral("9"));
        QVERIFY(v[999].isNull());
        v[999] = QStringLiteral("last");
        QCOMPARE(v.toVector().back(), QStringLiteral("last"));
    }
    void shrinkResetsDroppedElements()
    {
        ChunkedVector<int, 2> v;
        v.resize(7);
        for (std::size_t i = 0; i < 7; ++i)
            v[i] = int(i) + 1;
        v.resize(3);
        QCOMPARE(v.toVector(), (std::vector<int>{1, 2, 3}));
        v.resize(7);
        QCOMPARE(v[5], 0);
        int sum = 0;
        v.forEach([&](int &x) { sum += x; });
        QCOMPARE(sum, 6);
        v.clear();
        QCOMPARE(v.size(), std::size_t(0));
    }
    void largeBlocksStartValueInitialised()
    {
        // 4,096 task records (over 600 KB) and 65,536 ints per block: both take the prefault
        // path; every element must still be what T{} is, including member initialisers.
        ChunkedVector<TaskRecord> records;
        records.resize(5000);
        for (std::size_t i : {std::size_t(0), std::size_t(4095), std::size_t(4096), std::size_t(4999)}) {
            QCOMPARE(records[i].worker, -1);
            QCOMPARE(records[i].attempt, 1);
            QCOMPARE(records[i].state, TaskState::Queued);
            QCOMPARE(records[i].finishedNs, 0);
            QVERIFY(records[i].error.isNull());
        }
        records[4999].error = QStringLiteral("kept");
        records.resize(9000);
        QCOMPARE(records[4999].error, QStringLiteral("kept"));
        ChunkedVector<std::int64_t, 16> ints;
        ints.resize(70000);
        std::int64_t sum = 0;
        ints.forEach([&](std::int64_t &x) { sum += x; x = 7; });
        QCOMPARE(sum, 0);
        QCOMPARE(ints[69999], 7);
    }
};

QTEST_GUILESS_MAIN(TestChunkedVector)
#include "tst_chunkedvector.moc"
