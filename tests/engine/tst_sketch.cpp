// Sketches: distinct count (exact set, then HyperLogLog), DDSketch quantiles and histogram,
// top values; their stated bounds and their independence from chunking and merge order.
#include "core/bytekeytable.h"
#include "analysis/sketchdistinct.h"
#include "analysis/sketchquantile.h"
#include "analysis/sketchtopvalues.h"
#include "core/hash.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>

using namespace sf;

namespace {

// pandas Series.quantile(q) with the default 'linear' interpolation.
double exactQuantile(const std::vector<double> &sorted, double q)
{
    const double h = double(sorted.size() - 1) * q;
    const auto lo = std::size_t(std::floor(h));
    const double frac = h - double(lo);
    if (frac == 0.0) return sorted[lo];
    return sorted[lo] + (sorted[lo + 1] - sorted[lo]) * frac;
}

// The bound the sketch promises: each order statistic used within alpha relative.
double quantileBound(const std::vector<double> &sorted, double q)
{
    const double h = double(sorted.size() - 1) * q;
    const auto lo = std::size_t(std::floor(h));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return QuantileSketch::kAlpha * std::max(std::fabs(sorted[lo]), std::fabs(sorted[hi])) *
           1.000001;
}

const double kQuantiles[] = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

} // namespace

class TestSketch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hashIsFixed();
    void distinctExactUpToLimit();
    void distinctHyperLogLogWithinBound_data();
    void distinctHyperLogLogWithinBound();
    void distinctIndependentOfSplit();
    void quantilesWithinAlpha_data();
    void quantilesWithinAlpha();
    void quantilesIndependentOfSplit();
    void quantileEdgeCases();
    void histogramCounts();
    void topValuesOrderAndCap();
    void topValuesCapAdmitsByValue();
    void topValuesEmptyDefaultView();
    void byteKeyTableComparesEveryByte();
    void byteKeyTableClearForgetsKeys();
    void histogramWiderThanDoubleRange();
    void histogramOfOneHugeValue();
    void quantileBlocksEqualValueByValue();
};

void TestSketch::hashIsFixed()
{
    // Seedless: these values are part of the format (sketch results depend on them).
    QCOMPARE(hashBytes("abc"), hashBytes(std::string_view("xabc").substr(1)));
    QVERIFY(hashBytes("abc") != hashBytes("abd"));
    QVERIFY(hashBytes("") != hashBytes(std::string_view("\0", 1)));
    QCOMPARE(hashDouble(0.0), hashDouble(-0.0));
    QCOMPARE(hashDouble(std::nan("1")), hashDouble(-std::nan("2")));
    QVERIFY(hashDouble(1.0) != hashDouble(2.0));
    // Every length path (0..3, 4..16, 17..48, > 48) separates strings differing in one byte.
    std::string s(200, 'a');
    for (std::size_t len = 1; len < s.size(); ++len) {
        std::string t = s.substr(0, len);
        const std::uint64_t h = hashBytes(t);
        for (std::size_t i = 0; i < len; i += 7) {
            t[i] = 'b';
            QVERIFY(hashBytes(t) != h);
            t[i] = 'a';
        }
    }
}

void TestSketch::distinctExactUpToLimit()
{
    DistinctSketch d;
    for (int rep = 0; rep < 3; ++rep)
        for (std::uint64_t i = 0; i < DistinctSketch::kExactLimit; ++i) d.add(hashU64(i));
    QVERIFY(d.isExact());
    QCOMPARE(d.count(), std::int64_t(DistinctSketch::kExactLimit));
    d.add(hashU64(DistinctSketch::kExactLimit));
    QVERIFY(!d.isExact());
    QVERIFY(std::abs(d.count() - 2049) <= 10);
    DistinctSketch zero;
    zero.add(0);
    zero.add(0);
    QCOMPARE(zero.count(), std::int64_t(1));
}

void TestSketch::distinctHyperLogLogWithinBound_data()
{
    QTest::addColumn<int>("n");
    for (int n : {2100, 5000, 20000, 50000, 100000, 1000000})
        QTest::newRow(qPrintable(QString::number(n))) << n;
}

void TestSketch::distinctHyperLogLogWithinBound()
{
    QFETCH(int, n);
    // ~0.8% standard error; 3% is about four standard errors, and the hash is fixed, so the
    // result is the same on every run.
    for (std::uint64_t base : {0ULL, 1ULL << 40}) {
        DistinctSketch d;
        for (int i = 0; i < n; ++i) d.add(hashU64(base + std::uint64_t(i)));
        const double rel = std::fabs(double(d.count()) - n) / n;
        QVERIFY2(rel < 0.03, qPrintable(QString::number(d.count())));
    }
}

void TestSketch::distinctIndependentOfSplit()
{
    std::mt19937_64 rng(7);
    for (int n : {1500, 3000, 60000}) {
        std::vector<std::uint64_t> hashes;
        for (int i = 0; i < n; ++i) hashes.push_back(hashU64(rng() % std::uint64_t(n)));
        DistinctSketch whole;
        for (auto h : hashes) whole.add(h);
        for (std::size_t parts : {2, 7, 50}) {
            std::vector<DistinctSketch> pieces(parts);
            for (std::size_t i = 0; i < hashes.size(); ++i)
                pieces[i * parts / hashes.size()].add(hashes[i]);
            DistinctSketch forward, backward;
            for (const auto &p : pieces) forward.merge(p);
            for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) backward.merge(*it);
            QCOMPARE(forward.count(), whole.count());
            QCOMPARE(backward.count(), whole.count());
            QCOMPARE(forward.isExact(), whole.isExact());
        }
    }
}

void TestSketch::quantilesWithinAlpha_data()
{
    QTest::addColumn<QString>("dist");
    QTest::newRow("lognormal") << QStringLiteral("lognormal");
    QTest::newRow("normal") << QStringLiteral("normal");
    QTest::newRow("ints with zeros") << QStringLiteral("ints");
    QTest::newRow("uniform wide") << QStringLiteral("wide");
}

void TestSketch::quantilesWithinAlpha()
{
    QFETCH(QString, dist);
    std::mt19937_64 rng(12345);
    std::vector<double> values;
    for (int i = 0; i < 100000; ++i) {
        if (dist == QLatin1String("lognormal"))
            values.push_back(std::lognormal_distribution<double>(3.0, 1.5)(rng));
        else if (dist == QLatin1String("normal"))
            values.push_back(std::normal_distribution<double>(10.0, 40.0)(rng));
        else if (dist == QLatin1String("ints"))
            values.push_back(double(std::uniform_int_distribution<int>(-20, 300)(rng)));
        else
            values.push_back(std::ldexp(1.0, std::uniform_int_distribution<int>(-300, 300)(rng)));
    }
    QuantileSketch s;
    for (double v : values) s.add(v);
    std::sort(values.begin(), values.end());
    QCOMPARE(s.count(), std::int64_t(values.size()));
    QCOMPARE(s.min(), values.front());
    QCOMPARE(s.max(), values.back());
    for (double q : kQuantiles) {
        const double exact = exactQuantile(values, q);
        const double est = s.quantile(q);
        QVERIFY2(std::fabs(est - exact) <= quantileBound(values, q),
                 qPrintable(QStringLiteral("q=%1 est=%2 exact=%3")
                                .arg(q)
                                .arg(est, 0, 'g', 17)
                                .arg(exact, 0, 'g', 17)));
    }
    QCOMPARE(s.quantile(0.0), values.front());
    QCOMPARE(s.quantile(1.0), values.back());
}

void TestSketch::quantilesIndependentOfSplit()
{
    std::mt19937_64 rng(99);
    std::vector<double> values;
    for (int i = 0; i < 30000; ++i) values.push_back(std::normal_distribution<double>(0, 1e3)(rng));
    QuantileSketch whole;
    for (double v : values) whole.add(v);
    for (std::size_t parts : {3, 17}) {
        std::vector<QuantileSketch> pieces(parts);
        for (std::size_t i = 0; i < values.size(); ++i) pieces[(i * 31) % parts].add(values[i]);
        QuantileSketch merged;
        for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) merged.merge(*it);
        for (double q : kQuantiles) QCOMPARE(merged.quantile(q), whole.quantile(q));
        const Histogram a = merged.histogram(20), b = whole.histogram(20);
        QCOMPARE(a.counts, b.counts);
        QCOMPARE(a.edges, b.edges);
    }
}

void TestSketch::quantileEdgeCases()
{
    QuantileSketch empty;
    QVERIFY(std::isnan(empty.quantile(0.5)));
    QVERIFY(empty.histogram(20).counts.empty());

    QuantileSketch one;
    one.add(42.0);
    one.add(std::nan(""));
    QCOMPARE(one.count(), std::int64_t(1));
    for (double q : kQuantiles) QCOMPARE(one.quantile(q), 42.0);
    const Histogram h = one.histogram(20);
    QCOMPARE(h.edges.front(), 41.5); // numpy: [x - 0.5, x + 0.5] for a single value
    QCOMPARE(h.edges.back(), 42.5);
    QCOMPARE(h.counts[10], std::int64_t(1));

    QuantileSketch infs;
    for (double v : {-double(INFINITY), 1.0, 2.0, 3.0, double(INFINITY)}) infs.add(v);
    QCOMPARE(infs.quantile(0.0), -INFINITY);
    QCOMPARE(infs.quantile(1.0), INFINITY);
    QVERIFY(std::fabs(infs.quantile(0.5) - 2.0) <= 2.0 * QuantileSketch::kAlpha);
    QVERIFY(infs.histogram(20).counts.empty());
}

void TestSketch::histogramCounts()
{
    // Values 0..999 each once: every bin of width 49.95 holds ~50 values; the bucket
    // representatives may move a value across an edge by at most alpha relative.
    QuantileSketch s;
    for (int i = 0; i < 1000; ++i) s.add(double(i));
    const Histogram h = s.histogram(20);
    QCOMPARE(h.edges.size(), std::size_t(21));
    QCOMPARE(h.counts.size(), std::size_t(20));
    QCOMPARE(h.edges.front(), 0.0);
    QCOMPARE(h.edges.back(), 999.0);
    std::int64_t total = 0;
    for (std::size_t b = 0; b < 20; ++b) {
        total += h.counts[b];
        const double lo = h.edges[b], hi = h.edges[b + 1];
        std::int64_t exact = 0;
        for (int i = 0; i < 1000; ++i)
            if (i >= lo && (i < hi || (b == 19 && i <= hi))) ++exact;
        // Values within alpha of an edge may land on the other side of it.
        const double slack = 2 * QuantileSketch::kAlpha * hi + 2;
        QVERIFY2(std::fabs(double(h.counts[b] - exact)) <= slack,
                 qPrintable(QStringLiteral("bin %1: %2 vs %3").arg(b).arg(h.counts[b]).arg(exact)));
    }
    QCOMPARE(total, std::int64_t(1000));
}

void TestSketch::topValuesOrderAndCap()
{
    TopValues a, b;
    for (int i = 0; i < 5; ++i) a.add("rain");
    for (int i = 0; i < 3; ++i) b.add("sun");
    for (int i = 0; i < 2; ++i) b.add("rain");
    b.add("fog");
    b.add("cloud");
    a.add("\xc3\xa9t\xc3\xa9"); // bytewise order puts UTF-8 after ASCII
    a.merge(b);
    const auto top = a.top(10);
    QCOMPARE(top.size(), std::size_t(5));
    QCOMPARE(top[0].first, std::string("rain"));
    QCOMPARE(top[0].second, std::int64_t(7));
    QCOMPARE(top[1].first, std::string("sun"));
    QCOMPARE(top[2].first, std::string("cloud")); // ties: value ascending
    QCOMPARE(top[3].first, std::string("fog"));
    QCOMPARE(top[4].first, std::string("\xc3\xa9t\xc3\xa9"));
    QCOMPARE(a.top(2).size(), std::size_t(2));
    QVERIFY(!a.isApproximate());

    // The cap (1,000,000 in production; tst_profile crosses that one) with a small value here.
    TopValues big(1000);
    char buf[16];
    for (std::size_t i = 0; i < 1000; ++i) {
        const int len = std::snprintf(buf, sizeof buf, "%zu", i);
        big.add(std::string_view(buf, std::size_t(len)));
    }
    QVERIFY(!big.isApproximate());
    big.add("1000");
    QVERIFY(big.isApproximate());
    QCOMPARE(big.distinct(), std::size_t(1000));
    big.add("0");
    QCOMPARE(big.top(1).front().second, std::int64_t(2));
    QCOMPARE(big.top(1).front().first, std::string("0"));
}

// A chunk's table may start at any size (the profile sizes it from the chunks before it, which
// depends on timing), and its slot order with it. A merge that crosses the cap must still admit
// the same values: the same top values and the same values kept out, whatever the sizes.
void TestSketch::topValuesCapAdmitsByValue()
{
    const auto name = [](const char *prefix, int i) { return prefix + std::to_string(i); };
    using Kept = std::vector<std::pair<std::string, std::int64_t>>;
    const auto mergeInto = [&](std::size_t reserve) {
        TopValues acc(100);
        for (int i = 0; i < 60; ++i)
            acc.add(name("a", i), i + 1);
        TopValues chunk;
        chunk.reserve(reserve);
        for (int i = 0; i < 80; ++i) {
            chunk.add(name("b", i), 1 + i % 7);
            if (i % 4 == 0) chunk.add(name("a", i)); // known to acc: always counted
        }
        Kept out;
        acc.merge(chunk, [&out](std::string_view value, std::uint64_t, std::int64_t count) {
            out.emplace_back(std::string(value), count);
        });
        std::sort(out.begin(), out.end());
        return std::pair{acc.top(1000), out};
    };
    const auto [top, out] = mergeInto(0);
    QCOMPARE(top.size(), std::size_t(100));
    // 85 values new to acc (b0..b79, a60..a76 by 4) for 40 places left.
    QCOMPARE(out.size(), std::size_t(45));
    std::int64_t known = 0;
    for (const auto &[value, count] : top)
        if (value == "a0") known = count;
    QCOMPARE(known, std::int64_t(2)); // 1 before the merge, 1 from the chunk
    for (std::size_t reserve : {std::size_t(100), std::size_t(5000), std::size_t(100000)}) {
        const auto [otherTop, otherOut] = mergeInto(reserve);
        QCOMPARE(otherTop, top);
        QCOMPARE(otherOut, out);
    }
}

// fuzz_sqlite: profiling a SQLite column with empty TEXT values handed ByteKeyTable an empty
// std::string_view with null data, and insert()/find() passed that null to memcpy/memcmp (UB,
// reported by UBSan). An empty default view must count like any empty text.
void TestSketch::topValuesEmptyDefaultView()
{
    TopValues t;
    t.add(std::string_view());
    t.add(std::string_view(""));
    t.add(std::string_view());
    t.add("x");
    QCOMPARE(t.distinct(), std::size_t(2));
    const auto top = t.top(2);
    QCOMPARE(top[0].first, std::string());
    QCOMPARE(top[0].second, std::int64_t(3));
    QCOMPARE(top[1].first, std::string("x"));
}

// find() compares keys only when hashes match; with one hash for every key, each byte of a key
// of every length must still tell it apart (the short-key compare loads overlapping words).
void TestSketch::byteKeyTableComparesEveryByte()
{
    constexpr std::uint64_t kHash = 42;
    for (std::size_t n = 0; n <= 40; ++n) {
        ByteKeyTable<int> table;
        std::string key(n, 'a');
        for (std::size_t i = 0; i < n; ++i)
            key[i] = char('a' + i % 26);
        table.insert(key, kHash, int(n));
        const std::string copy = key; // other bytes, same text
        QVERIFY(table.find(copy, kHash) != nullptr);
        QCOMPARE(*table.find(copy, kHash), int(n));
        for (std::size_t i = 0; i < n; ++i) {
            std::string other = key;
            other[i] = char(other[i] ^ 0x20);
            QVERIFY2(table.find(other, kHash) == nullptr,
                     qPrintable(QStringLiteral("length %1, byte %2").arg(n).arg(i)));
        }
        QVERIFY(table.find(key + 'x', kHash) == nullptr);
        if (n > 0) QVERIFY(table.find(std::string_view(key).substr(1), kHash) == nullptr);
    }
}

// A cleared table (a spare for the next chunk) keeps its slots but none of its keys, short
// (inline) or long (in the arena), and takes new ones as a new table would.
void TestSketch::byteKeyTableClearForgetsKeys()
{
    auto key = [](int i, bool longKey) {
        return (longKey ? std::string("a key longer than sixteen bytes ") : std::string("k")) +
               std::to_string(i);
    };
    ByteKeyTable<int> table;
    for (int i = 0; i < 1000; ++i)
        table.insert(key(i, i % 2 == 1), hashBytes(key(i, i % 2 == 1)), i);
    QCOMPARE(table.size(), std::size_t(1000));
    table.clear();
    QCOMPARE(table.size(), std::size_t(0));
    QVERIFY(table.empty());
    int seen = 0;
    table.forEach([&](std::string_view, std::uint64_t, int) { ++seen; });
    QCOMPARE(seen, 0);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(table.find(key(i, i % 2 == 1), hashBytes(key(i, i % 2 == 1))) == nullptr);
    for (int i = 500; i < 700; ++i)
        table.insert(key(i, i % 2 == 0), hashBytes(key(i, i % 2 == 0)), -i);
    QCOMPARE(table.size(), std::size_t(200));
    for (int i = 500; i < 700; ++i) {
        const int *v = table.find(key(i, i % 2 == 0), hashBytes(key(i, i % 2 == 0)));
        QVERIFY(v != nullptr);
        QCOMPARE(*v, -i);
        QVERIFY(table.find(key(i, i % 2 == 1), hashBytes(key(i, i % 2 == 1))) == nullptr);
    }
}

// fuzz_sqlite (crash-eb959f09: a REAL column holding values near +-1.8e308, profiled): the
// bucket representative 2*lo*hi/(lo+hi) overflowed to inf/inf = NaN for the largest buckets,
// and hi - lo of the histogram range overflowed too, so bin positions were NaN cast to an
// integer (UB; UBSan: "-nan is outside the range of representable values of type 'long'"),
// values landed in bin 0 and quantiles were NaN.
void TestSketch::histogramWiderThanDoubleRange()
{
    QuantileSketch s;
    s.add(-1.7e308);
    s.add(-1e300);
    s.add(0.0);
    s.add(1e300);
    s.add(1.7e308);
    const Histogram h = s.histogram(4);
    QCOMPARE(h.edges.size(), std::size_t(5));
    QCOMPARE(h.edges.front(), -1.7e308);
    QCOMPARE(h.edges.back(), 1.7e308);
    for (std::size_t i = 0; i < h.edges.size(); ++i) {
        QVERIFY(std::isfinite(h.edges[i]));
        if (i > 0) QVERIFY(h.edges[i] > h.edges[i - 1]);
    }
    QCOMPARE(h.edges[2], 0.0);
    QCOMPARE(h.counts, (std::vector<std::int64_t>{1, 1, 2, 1})); // 0 and 1e300 in bin 2
    for (double q : {0.01, 0.25, 0.5, 0.75, 0.99}) {
        const double v = s.quantile(q);
        QVERIFY2(std::isfinite(v) && v >= -1.7e308 && v <= 1.7e308, qPrintable(QString::number(v)));
    }
    QVERIFY(s.quantile(0.99) > 1e300); // within alpha of the largest values, not clamped away
}

// fuzz_sqlite (crash-eb959f09: an INTEGER column whose only value is 9223372036854775807,
// read as the double 9.2e18, profiled): a one-value range is widened by 0.5 each way, which
// does not change 9.2e18, so the range stayed zero-wide and positions were 0/0 = NaN, cast to
// an integer (UB; UBSan).
void TestSketch::histogramOfOneHugeValue()
{
    for (double x : {9223372036854775807.0, -1e300, std::numeric_limits<double>::max(),
                     -std::numeric_limits<double>::max()}) {
        QuantileSketch s;
        s.add(x);
        s.add(x);
        const Histogram h = s.histogram(20);
        QCOMPARE(h.edges.size(), std::size_t(21));
        QVERIFY(h.edges.front() <= x && x <= h.edges.back() && h.edges.front() < h.edges.back());
        for (double e : h.edges)
            QVERIFY(std::isfinite(e));
        std::int64_t total = 0;
        for (std::int64_t c : h.counts)
            total += c;
        QCOMPARE(total, std::int64_t(2));
    }
}

void TestSketch::quantileBlocksEqualValueByValue()
{
    // addBlock (SSE2 bucket indexes, two at a time) must leave exactly the state add() does:
    // every sign and magnitude, bucket edges (powers of two), zeros, subnormals, infinities,
    // NaN, odd block lengths, blocks longer than its batch.
    std::mt19937_64 rng(77);
    std::uniform_real_distribution<double> mant(-2.0, 2.0);
    std::uniform_int_distribution<int> expo(-1080, 1023);
    std::vector<double> values;
    for (int i = 0; i < 50000; ++i)
        values.push_back(std::ldexp(mant(rng), i % 4 ? expo(rng) % 30 : expo(rng)));
    for (int e = -1074; e <= 1023; ++e) {
        values.push_back(std::ldexp(1.0, e));
        values.push_back(-std::nextafter(std::ldexp(1.0, e), 0.0));
    }
    const double inf = std::numeric_limits<double>::infinity();
    for (double x : {0.0, -0.0, inf, -inf, std::nan(""), 0x1p-1074, -0x1p-1074,
                     std::numeric_limits<double>::max(), 1.0, 3.0})
        values.push_back(x);
    std::shuffle(values.begin(), values.end(), rng);
    std::uniform_int_distribution<int> length(0, 700);
    auto byBlocks = [&](const std::vector<double> &v) {
        QuantileSketch blocks;
        for (std::size_t i = 0; i < v.size();) {
            const int n = int(std::min<std::size_t>(std::size_t(length(rng)), v.size() - i));
            blocks.addBlock(v.data() + i, n);
            i += std::size_t(n);
        }
        return blocks;
    };
    auto byValues = [](const std::vector<double> &v) {
        QuantileSketch one;
        for (double x : v)
            one.add(x);
        return one;
    };
    // Mostly positive normal values: most blocks take the path that counts a block at once.
    std::vector<double> positive;
    for (int i = 0; i < 50000; ++i)
        positive.push_back(std::ldexp(std::fabs(mant(rng)) + 0x1p-60, i % 100 ? expo(rng) % 30 : expo(rng) % 1000));
    positive[777] = 0.0;
    QVERIFY(byBlocks(positive) == byValues(positive));
    const QuantileSketch one = byValues(values);
    const QuantileSketch blocks = byBlocks(values);
    QVERIFY(blocks == one);
    QCOMPARE(blocks.count(), std::int64_t(values.size() - 1)); // all but the NaN
    QCOMPARE(blocks.min(), -inf);
    QCOMPARE(blocks.max(), inf);
    // The equality itself sees a bucket moved by one.
    QuantileSketch moved = one;
    moved.add(1.0);
    QVERIFY(!(moved == one));
}

QTEST_GUILESS_MAIN(TestSketch)
#include "tst_sketch.moc"
