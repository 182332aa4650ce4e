// Partition stage: names and byte sizes, and the Partitioner's chunks for every strategy.
#include "fakesource.h"
#include "partition/partitioner.h"
#include <QtTest>

using namespace sf;
using namespace sf::test;

namespace {
std::vector<ChunkRange> allChunks(Partitioner &p, double nsPerRow = 0)
{
    std::vector<ChunkRange> out;
    ChunkRange c;
    while (out.size() < 1000000 && p.next(&c, nsPerRow)) out.push_back(c);
    return out;
}

void checkTiling(const std::vector<ChunkRange> &chunks, std::int64_t rows)
{
    std::int64_t next = 0;
    for (const auto &c : chunks) {
        QCOMPARE(c.firstRow, next);
        QVERIFY(c.rowCount >= 1);
        next += c.rowCount;
    }
    QCOMPARE(next, rows);
}
} // namespace

class TestPartition : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void strategyNames();
    void parseByteSizes_data();
    void parseByteSizes();
    void formatByteSizes();
    void fixedRows();
    void fixedBytesEndAtCheckpoints();
    void guidedShrinks();
    void autoCalibratesThenTargetsDuration();
    void emptyIndex();
};

void TestPartition::strategyNames()
{
    for (auto s : {PartitionSpec::Strategy::Fixed, PartitionSpec::Strategy::Guided, PartitionSpec::Strategy::Auto}) {
        PartitionSpec::Strategy back{};
        QVERIFY(partitionStrategyFromName(partitionStrategyName(s), &back));
        QCOMPARE(back, s);
    }
    QCOMPARE(partitionStrategyName(PartitionSpec::Strategy::Guided), QStringLiteral("guided"));
    PartitionSpec::Strategy s{};
    QVERIFY(partitionStrategyFromName(QStringLiteral(" AUTO "), &s));
    QCOMPARE(s, PartitionSpec::Strategy::Auto);
    QVERIFY(!partitionStrategyFromName(QStringLiteral("dynamic"), &s));
}

void TestPartition::parseByteSizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("MiB") << QStringLiteral("4MiB") << true << qint64(4194304);
    QTest::newRow("k") << QStringLiteral("512k") << true << qint64(524288);
    QTest::newRow("GB") << QStringLiteral("1GB") << true << qint64(1000000000);
    QTest::newRow("plain") << QStringLiteral("1000") << true << qint64(1000);
    QTest::newRow("space+frac") << QStringLiteral(" 1.5 MiB ") << true << qint64(1572864);
    QTest::newRow("kB") << QStringLiteral("64kB") << true << qint64(64000);
    QTest::newRow("B") << QStringLiteral("12B") << true << qint64(12);
    QTest::newRow("junk") << QStringLiteral("abc") << false << qint64(0);
    QTest::newRow("empty") << QString() << false << qint64(0);
    QTest::newRow("bad unit") << QStringLiteral("12XB") << false << qint64(0);
    QTest::newRow("negative") << QStringLiteral("-5") << false << qint64(0);
    QTest::newRow("two dots") << QStringLiteral("1.2.3k") << false << qint64(0);
}

void TestPartition::parseByteSizes()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, bytes);
    std::int64_t out = -1;
    QCOMPARE(parseByteSize(text, &out), ok);
    if (ok) QCOMPARE(out, bytes);
}

void TestPartition::formatByteSizes()
{
    QCOMPARE(formatByteSize(999), QStringLiteral("999 B"));
    QCOMPARE(formatByteSize(2400000), QStringLiteral("2.4 MB"));
    QCOMPARE(formatByteSize(1000), QStringLiteral("1.0 kB"));
    QCOMPARE(formatByteSize(123456789012), QStringLiteral("123 GB"));
    std::int64_t back = 0;
    QVERIFY(parseByteSize(formatByteSize(2400000), &back));
    QCOMPARE(back, 2400000);
}

void TestPartition::fixedRows()
{
    FakeSource src(1000, 16);
    PartitionSpec spec;
    spec.size = 96; // a multiple of the stride: every boundary is a checkpoint
    Partitioner p(src.index(), spec, 4);
    QCOMPARE(p.estimatedRemainingChunks(), 11);
    const auto chunks = allChunks(p);
    QCOMPARE(int(chunks.size()), 11);
    checkTiling(chunks, 1000);
    for (std::size_t i = 0; i + 1 < chunks.size(); ++i) QCOMPARE(chunks[i].rowCount, 96);
    QCOMPARE(chunks.back().rowCount, 1000 - 960);
    for (const auto &c : chunks) {
        QCOMPARE(c.byteBegin, FakeSource::offsetOf(c.firstRow));
        QCOMPARE(c.byteEnd, FakeSource::offsetOf(c.firstRow + c.rowCount));
    }
    QVERIFY(p.atEnd());
    QCOMPARE(p.chunksMade(), 11);
    // Off-checkpoint boundaries are estimates between the neighbouring checkpoints.
    PartitionSpec odd;
    odd.size = 10;
    Partitioner q(src.index(), odd, 1);
    const auto c2 = allChunks(q);
    QCOMPARE(int(c2.size()), 100);
    checkTiling(c2, 1000);
    for (std::size_t i = 0; i < c2.size(); ++i) {
        const auto &c = c2[i];
        const std::int64_t k = c.firstRow / 16;
        QVERIFY(c.byteBegin >= FakeSource::offsetOf(k * 16));
        QVERIFY(c.byteBegin <= FakeSource::offsetOf(std::min<std::int64_t>(1000, k * 16 + 16)));
        if (i + 1 < c2.size()) QCOMPARE(c.byteEnd, c2[i + 1].byteBegin);
    }
    QCOMPARE(c2.back().byteEnd, FakeSource::offsetOf(1000));
}

void TestPartition::fixedBytesEndAtCheckpoints()
{
    FakeSource src(1000, 16);
    PartitionSpec spec;
    spec.unit = PartitionSpec::Unit::Bytes;
    spec.size = 500;
    Partitioner p(src.index(), spec, 2);
    const auto chunks = allChunks(p);
    checkTiling(chunks, 1000);
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        const auto &c = chunks[i];
        if (i + 1 == chunks.size()) break;
        const std::int64_t end = c.firstRow + c.rowCount;
        QCOMPARE(end % 16, 0);
        // Ends at the first checkpoint whose offset ≥ begin + size.
        QVERIFY(FakeSource::offsetOf(end) >= c.byteBegin + 500);
        QVERIFY(FakeSource::offsetOf(end - 16) < c.byteBegin + 500);
        QCOMPARE(c.bytes(), FakeSource::offsetOf(end) - FakeSource::offsetOf(c.firstRow));
    }
}

void TestPartition::guidedShrinks()
{
    FakeSource src(10000, 16);
    PartitionSpec spec;
    spec.strategy = PartitionSpec::Strategy::Guided;
    spec.size = 50;
    const int workers = 4;
    Partitioner p(src.index(), spec, workers);
    const std::int64_t estimate = p.estimatedRemainingChunks();
    const auto chunks = allChunks(p);
    checkTiling(chunks, 10000);
    std::int64_t remaining = 10000;
    for (const auto &c : chunks) {
        const std::int64_t want = std::max<std::int64_t>(50, remaining / (2 * workers));
        QCOMPARE(c.rowCount, std::min(want, remaining));
        remaining -= c.rowCount;
    }
    QCOMPARE(chunks.front().rowCount, 1250);
    QCOMPARE(chunks.back().rowCount <= 50, true);
    QCOMPARE(estimate, std::int64_t(chunks.size()));
}

void TestPartition::autoCalibratesThenTargetsDuration()
{
    FakeSource src(100000, 16);
    PartitionSpec spec;
    spec.strategy = PartitionSpec::Strategy::Auto;
    spec.size = 100;
    spec.targetTaskMs = 1.0;
    Partitioner p(src.index(), spec, 2);
    ChunkRange c;
    for (int i = 0; i < 4; ++i) {
        QVERIFY(p.next(&c, 500.0));
        QCOMPARE(c.rowCount, 100); // calibration: 2 × workers chunks of `size`
    }
    QVERIFY(p.next(&c, 500.0)); // 1 ms / 500 ns per row = 2000 rows
    QCOMPARE(c.rowCount, 2000);
    QVERIFY(p.next(&c, 0.001)); // absurdly cheap rows: capped at an even share of the rest
    QCOMPARE(c.rowCount, (100000 - 400 - 2000 + 1) / 2);
    QVERIFY(p.next(&c, 1e9)); // absurdly expensive rows: at least a quarter of `size`
    QCOMPARE(c.rowCount, 25);
    const auto rest = allChunks(p, 500.0);
    std::int64_t total = 400 + 2000 + (100000 - 400 - 2000 + 1) / 2 + 25;
    for (const auto &r : rest) total += r.rowCount;
    QCOMPARE(total, 100000);
}

void TestPartition::emptyIndex()
{
    FakeSource src(0);
    Partitioner p(src.index(), PartitionSpec{}, 2);
    ChunkRange c;
    QVERIFY(p.atEnd());
    QVERIFY(!p.next(&c));
    QCOMPARE(p.estimatedRemainingChunks(), 0);
}

QTEST_GUILESS_MAIN(TestPartition)
#include "tst_partition.moc"
