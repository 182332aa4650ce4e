// Large-buffer memory (core/prefault.h) and the pool that reuses it (data/bufferpool.h): huge-
// page blocks are aligned to 2 MiB, hold what was asked for, are writable end to end and come
// back from the pool instead of being mapped again; containers' LargeAllocator maps from 4 MiB.
#include "core/prefault.h"
#include "core/sanitizer.h"
#include "data/bufferpool.h"
#include <QtTest>
#include <cstdint>
#include <cstring>
#include <vector>

using namespace sf;

class TestPages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void largeBlocksAreWholeAlignedHugePages()
    {
        if (kAddressSanitizer) QSKIP("under AddressSanitizer every block comes from operator new");
        constexpr std::size_t kHuge = std::size_t(2) << 20;
        for (std::size_t asked : {std::size_t(1) << 20, kHuge, kHuge + 1, std::size_t(3300000)}) {
            PageBuffer b(asked);
            QVERIFY(b.data());
            QCOMPARE(std::uintptr_t(b.data()) % kHuge, std::uintptr_t(0));
            QCOMPARE(b.capacity() % kHuge, std::size_t(0));
            QVERIFY(b.capacity() >= asked);
            QVERIFY(b.capacity() < asked + kHuge);
            std::memset(b.data(), 0x5a, b.capacity()); // every byte writable
            QCOMPARE(b.data()[b.capacity() - 1], char(0x5a));
        }
    }
    void smallBlocksAreExactHeapBlocks()
    {
        for (std::size_t asked : {std::size_t(0), std::size_t(1), std::size_t(64 + 1000), std::size_t(1 << 19)}) {
            PageBuffer b(asked);
            QVERIFY(b.data());
            QCOMPARE(b.capacity(), std::max<std::size_t>(asked, 1));
            std::memset(b.data(), 1, b.capacity());
        }
    }
    void movesHandOverOwnership()
    {
        PageBuffer a(std::size_t(3) << 20);
        char *const p = a.data();
        PageBuffer b(std::move(a));
        QCOMPARE(b.data(), p);
        QVERIFY(!a.data());
        QCOMPARE(a.capacity(), std::size_t(0));
        PageBuffer c(100);
        c = std::move(b); // frees c's old block
        QCOMPARE(c.data(), p);
        QVERIFY(!b.data());
    }
    void largeAllocatorMapsFromFourMiB()
    {
        // Blocks under 4 MiB come from operator new; from 4 MiB on, whole aligned huge pages.
        constexpr std::size_t kHuge = std::size_t(2) << 20;
        for (std::size_t asked : {std::size_t(0), std::size_t(100), (std::size_t(4) << 20) - 1,
                                  std::size_t(4) << 20, (std::size_t(4) << 20) + 1,
                                  std::size_t(9000000)}) {
            void *p = allocateLarge(asked);
            QVERIFY(p);
            std::memset(p, 0x5a, asked); // the bytes asked for are writable
            const bool mapped = !kAddressSanitizer && asked >= (std::size_t(4) << 20);
            if (mapped) QCOMPARE(std::uintptr_t(p) % kHuge, std::uintptr_t(0));
            releaseLarge(p, asked);
        }
        // A vector grown past the threshold by push_back keeps every element through each move
        // to a larger block (and frees the old ones with the sizes it allocated).
        std::vector<std::uint64_t, LargeAllocator<std::uint64_t>> v;
        for (std::uint64_t i = 0; i < 3'000'000; ++i)
            v.push_back(i * 2654435761u);
        QVERIFY(v.capacity() * sizeof(std::uint64_t) >= (std::size_t(16) << 20));
        for (std::uint64_t i = 0; i < 3'000'000; i += 997)
            QCOMPARE(v[i], i * 2654435761u);
        v.clear();
        v.shrink_to_fit();
        QCOMPARE(v.capacity(), std::size_t(0));
    }
    void poolHandsBackTheSameMemory()
    {
        if (kAddressSanitizer) QSKIP("the pool keeps nothing under AddressSanitizer");
        BufferPool pool;
        char *first = nullptr;
        {
            BufferPool::Lease lease = pool.take(3300000);
            first = lease.data();
            std::memset(first, 7, 3300000);
        }
        BufferPool::Lease again = pool.take(3200000); // smaller: the same buffer fits
        QCOMPARE(again.data(), first);
        BufferPool::Lease second = pool.take(3200000); // the first is lent out: a new one
        QVERIFY(second.data() != first);
    }
};

QTEST_GUILESS_MAIN(TestPages)
#include "tst_pages.moc"
