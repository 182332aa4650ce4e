// ChunkedVector: indexing across block boundaries, growth that keeps references valid,
// shrinking that resets what it drops.
#include "core/chunkedvector.h"
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
};

QTEST_GUILESS_MAIN(TestChunkedVector)
#include "tst_chunkedvector.moc"
