// ExactSum / ExactMoments: Python math.fsum's results, exact variance where naive formulas
// fail, and bit-identical results under any grouping/order of add() and merge().
#include "core/exactsum.h"
#include "core/windowsum.h"

#include <QTest>
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <random>

using sf::ExactMoments;
using sf::ExactSum;
using sf::WindowSum;

namespace {

double fsum(const std::vector<double> &values)
{
    ExactSum s;
    for (double v : values)
        s.add(v);
    return s.value();
}

// The same deterministic sequence the expected values were computed from with Python
// (math.fsum, statistics.variance/mean on the identical doubles).
std::vector<double> lcgSequence(int n)
{
    std::vector<double> out;
    for (long long k = 0; k < n; ++k) {
        const long long m = (k * 2654435761LL) % 1000003 - 500000;
        const int e = int((k * 7919) % 41) - 20;
        out.push_back(std::ldexp(double(m), e));
    }
    return out;
}

std::vector<double> nearBillion()
{
    std::vector<double> out;
    for (long long k = 0; k < 10000; ++k)
        out.push_back(1e9 + double((k * 48271) % 1000) / 1000.0);
    return out;
}

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

double ulpDistance(double a, double b)
{
    return std::fabs(a - b) / (std::nextafter(std::fabs(a), INFINITY) - std::fabs(a));
}

// Accumulates `values` shuffled, cut into random groups, merged in a random order.
ExactMoments randomlyGrouped(std::vector<double> values, std::mt19937_64 &rng)
{
    std::shuffle(values.begin(), values.end(), rng);
    std::vector<ExactMoments> groups;
    std::size_t i = 0;
    while (i < values.size()) {
        const std::size_t len = std::uniform_int_distribution<std::size_t>(0, 700)(rng);
        ExactMoments g;
        for (std::size_t j = 0; j < len && i < values.size(); ++j)
            g.add(values[i++]);
        groups.push_back(g);
    }
    while (groups.size() > 1) {
        const std::size_t a = std::uniform_int_distribution<std::size_t>(0, groups.size() - 1)(rng);
        std::size_t b = std::uniform_int_distribution<std::size_t>(0, groups.size() - 2)(rng);
        if (b >= a) ++b;
        groups[a].merge(groups[b]);
        groups.erase(groups.begin() + std::ptrdiff_t(b));
    }
    return groups.empty() ? ExactMoments() : groups.front();
}

// An independent reference: Shewchuk's partials (growPartials) rounded as math.fsum's tail.
double shewchukSum(const std::vector<double> &values)
{
    std::vector<double> p;
    for (double v : values)
        sf::growPartials(p, v);
    std::size_t n = p.size();
    if (n == 0) return 0.0;
    double hi = p[--n];
    double lo = 0.0;
    while (n > 0) {
        const double x = hi;
        const double y = p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
        const double y = lo * 2.0;
        const double x = hi + y;
        if (y == x - hi) hi = x;
    }
    return hi;
}

} // namespace

class TestExactSum : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pythonFsumValues_data();
    void pythonFsumValues();
    void nonFinite();
    void overflowHandledExactly();
    void varianceNearBillion();
    void varianceOfShiftedIntegersIsCorrectlyRounded();
    void pythonStatisticsValues();
    void identicalUnderAnyGrouping();
    void emptyAndSmallCounts();
    void integersMatchDoublePath();
    void matchesShewchukOverTheWholeRange();
    void squareErrorEqualsFma();
    void sumOfSquaresIsExact();
    void windowSumMatchesExactSum();
    void windowSumEdges();
};

void TestExactSum::pythonFsumValues_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<double>("expected");
    // From CPython's test_math.testFsum.
    QTest::newRow("empty") << std::vector<double>{} << 0.0;
    QTest::newRow("cancel") << std::vector<double>{1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50}
                            << 1e-100;
    QTest::newRow("half-even down") << std::vector<double>{0x1p53, -0.5, -0x1p-54} << 0x1p53 - 1.0;
    QTest::newRow("half-even up") << std::vector<double>{0x1p53, 1.0, 0x1p-100} << 0x1p53 + 2.0;
    QTest::newRow("half-even up 2")
        << std::vector<double>{0x1p53 + 10.0, 1.0, 0x1p-100} << 0x1p53 + 12.0;
    QTest::newRow("half-even 3") << std::vector<double>{0x1p53 - 4.0, 0.5, 0x1p-54} << 0x1p53 - 3.0;
    QTest::newRow("1e16") << std::vector<double>{1e16, 1., 1e-16} << 10000000000000002.0;
    QTest::newRow("zero") << std::vector<double>{1e16 - 2., 1. - 0x1p-53, -(1e16 - 2.),
                                                 -(1. - 0x1p-53)}
                          << 0.0;
    std::vector<double> harmonic, alternating, resize;
    for (int n = 1; n <= 1000; ++n) {
        harmonic.push_back(1. / n);
        alternating.push_back((n % 2 ? -1. : 1.) / n);
    }
    for (int n = -1074; n < 972; n += 2)
        resize.push_back(std::ldexp(1., n) - std::ldexp(1., n + 50) + std::ldexp(1., n + 52));
    resize.push_back(-0x1p1022);
    QTest::newRow("harmonic") << harmonic << 0x1.df11f45f4e61ap+2;
    QTest::newRow("alternating") << alternating << -0x1.62a2af1bd3624p-1;
    QTest::newRow("resize, huge values") << resize << 0x1.5555555555555p+970;
    QTest::newRow("lcg") << lcgSequence(5000) << 0x1.403bc1921d1f4p+38;
    QTest::newRow("near 1e9") << nearBillion() << 0x1.2309ce5670600p+43;
}

void TestExactSum::pythonFsumValues()
{
    QFETCH(std::vector<double>, values);
    QFETCH(double, expected);
    QVERIFY2(sameBits(fsum(values), expected),
             qPrintable(QString::number(fsum(values), 'g', 17) + QStringLiteral(" != ") +
                        QString::number(expected, 'g', 17)));
    std::vector<double> reversed(values.rbegin(), values.rend());
    QVERIFY(sameBits(fsum(reversed), expected));
}

void TestExactSum::nonFinite()
{
    const double inf = std::numeric_limits<double>::infinity();
    QCOMPARE(fsum({1.0, inf, 2.0}), inf);
    QCOMPARE(fsum({1.0, -inf}), -inf);
    QVERIFY(std::isnan(fsum({inf, -inf})));
    QVERIFY(std::isnan(fsum({1.0, std::nan(""), 3.0})));
    ExactSum a, b;
    a.add(inf);
    b.add(-inf);
    a.merge(b);
    QVERIFY(a.hasNonFinite());
    QVERIFY(std::isnan(a.value()));
    ExactMoments m;
    m.add(1.0);
    m.add(inf);
    QCOMPARE(m.sum(), inf);
    QVERIFY(std::isnan(m.variance(1))); // as pandas: std of a column holding inf is NaN
}

void TestExactSum::overflowHandledExactly()
{
    // math.fsum raises on the intermediate overflow; we keep the sum exact instead.
    QCOMPARE(fsum({1e308, 1e308, -1e308}), 1e308);
    QCOMPARE(fsum({1e308, 1e308}), std::numeric_limits<double>::infinity());
    QCOMPARE(fsum({1.7e308, 1.0, -1.7e308, 1e-300}), 1.0);
    QCOMPARE(fsum({-1.7e308, -1.7e308, 1.7e308, 0.5}), -1.7e308);
}

void TestExactSum::varianceNearBillion()
{
    // Python: statistics.variance / stdev / mean of the same doubles.
    ExactMoments m;
    for (double v : nearBillion())
        m.add(v);
    QVERIFY(ulpDistance(m.variance(1), 0x1.555dfc25d8c89p-4) <= 1.0);
    QVERIFY(ulpDistance(m.stddev(1), 0x1.279e335de558ep-2) <= 1.0);
    QVERIFY(ulpDistance(m.mean(), 0x1.dcd65003fef9ep+29) <= 1.0);
    // The textbook one-pass formula loses every digit here; ours must not.
    double s = 0, s2 = 0;
    for (double v : nearBillion()) {
        s += v;
        s2 += v * v;
    }
    const double naive = (s2 - s * s / 10000.0) / 9999.0;
    QVERIFY(std::fabs(naive - m.variance(1)) > 1e-3);
}

void TestExactSum::varianceOfShiftedIntegersIsCorrectlyRounded()
{
    // 1e15 + k, k = 0..n-1: variance (ddof 1) is exactly n(n+1)/12, whatever the shift.
    for (int n : {2, 3, 1000, 4097}) {
        ExactMoments m;
        for (int k = 0; k < n; ++k)
            m.add(1e15 + k);
        QCOMPARE(m.count(), std::int64_t(n));
        QVERIFY(sameBits(m.variance(1), double(n) * double(n + 1) / 12.0));
        QVERIFY(sameBits(m.variance(0), (double(n) * n - 1.0) / 12.0));
        QCOMPARE(m.sum(), 1e15 * n + double(n) * (n - 1) / 2);
    }
    ExactMoments same;
    for (int k = 0; k < 100; ++k)
        same.add(0.1);
    QCOMPARE(same.variance(1), 0.0); // not a tiny positive or negative rounding residue
}

void TestExactSum::pythonStatisticsValues()
{
    ExactMoments m;
    for (double v : lcgSequence(5000))
        m.add(v);
    QVERIFY(ulpDistance(m.variance(1), 0x1.3fe780269ae63p+71) <= 1.0);
    QVERIFY(ulpDistance(m.mean(), 0x1.0655d0f436fc9p+26) <= 1.0);
}

void TestExactSum::identicalUnderAnyGrouping()
{
    std::mt19937_64 rng(20261124);
    std::vector<double> values;
    std::uniform_real_distribution<double> mant(-1.0, 1.0);
    std::uniform_int_distribution<int> expo(-80, 80);
    for (int i = 0; i < 20000; ++i)
        values.push_back(std::ldexp(mant(rng), expo(rng)));
    for (int i = 0; i < 2000; ++i)
        values.push_back(1e9 + mant(rng)); // large offset

    ExactMoments inOrder;
    for (double v : values)
        inOrder.add(v);
    for (int trial = 0; trial < 20; ++trial) {
        const ExactMoments g = randomlyGrouped(values, rng);
        QCOMPARE(g.count(), inOrder.count());
        QVERIFY(sameBits(g.sum(), inOrder.sum()));
        QVERIFY(sameBits(g.mean(), inOrder.mean()));
        QVERIFY(sameBits(g.variance(1), inOrder.variance(1)));
        QVERIFY(sameBits(g.stddev(0), inOrder.stddev(0)));
    }
    // Sums that take the scaled path for huge values are order-independent too.
    values.push_back(0x1p1000);
    values.push_back(-0x1p990);
    values.push_back(0x1.8p980);
    const double expected = fsum(values);
    for (int trial = 0; trial < 5; ++trial) {
        std::shuffle(values.begin(), values.end(), rng);
        ExactSum a, b;
        for (std::size_t i = 0; i < values.size(); ++i)
            (i % 3 ? a : b).add(values[i]);
        b.merge(a);
        QVERIFY(sameBits(b.value(), expected));
    }
}

void TestExactSum::emptyAndSmallCounts()
{
    ExactMoments m;
    QVERIFY(std::isnan(m.mean()));
    QVERIFY(std::isnan(m.variance(0)));
    QCOMPARE(m.sum(), 0.0);
    m.add(3.5);
    QCOMPARE(m.mean(), 3.5);
    QCOMPARE(m.variance(0), 0.0);
    QVERIFY(std::isnan(m.variance(1)));
    ExactMoments empty;
    m.merge(empty);
    QCOMPARE(m.count(), std::int64_t(1));
    QCOMPARE(m.sum(), 3.5);
}

void TestExactSum::integersMatchDoublePath()
{
    // addInteger()/addIntegers() must give bit-identical results to add(double): values at the
    // 2^31 edge of the integer accumulators and beyond it, one by one and in blocks, mixed
    // with doubles, merged in any grouping.
    std::mt19937_64 rng(31);
    std::vector<std::int64_t> ints;
    for (int i = 0; i < 20000; ++i) {
        switch (i % 4) {
        case 0: ints.push_back(std::int64_t(rng() % 2000) - 1000); break;
        case 1: ints.push_back((std::int64_t(1) << 31) - 1 - std::int64_t(rng() % 3)); break;
        case 2: ints.push_back(-(std::int64_t(1) << 31) + 1 + std::int64_t(rng() % 3)); break;
        default: ints.push_back(std::int64_t(rng() % (std::uint64_t(1) << 40))); break; // > 2^31
        }
    }
    ExactMoments viaDouble;
    for (auto v : ints)
        viaDouble.add(double(v));
    for (int trial = 0; trial < 5; ++trial) {
        std::shuffle(ints.begin(), ints.end(), rng);
        ExactMoments a, b, c;
        for (std::size_t i = 0; i < ints.size() / 2; ++i) {
            if (i % 5 == 0)
                b.add(double(ints[i]));
            else
                (i % 3 ? a : b).addInteger(ints[i]);
        }
        for (std::size_t i = ints.size() / 2; i < ints.size();) {
            const std::size_t n = std::min<std::size_t>(rng() % 300, ints.size() - i);
            c.addIntegers(ints.data() + i, int(n));
            i += n;
        }
        a.merge(b);
        a.merge(c);
        QCOMPARE(a.count(), viaDouble.count());
        QVERIFY(sameBits(a.sum(), viaDouble.sum()));
        QVERIFY(sameBits(a.mean(), viaDouble.mean()));
        QVERIFY(sameBits(a.variance(1), viaDouble.variance(1)));
    }
    ExactMoments small;
    for (int v : {3, -7, 12, 5})
        small.addInteger(v);
    QCOMPARE(small.sum(), 13.0);
    QCOMPARE(small.variance(1), 739.0 / 12.0); // (4·227 − 13²) / (4·3)
}

void TestExactSum::matchesShewchukOverTheWholeRange()
{
    // Subnormals, huge values below overflow, mixed signs, exact ties and heavy cancellation:
    // the superaccumulator and Shewchuk's partials must round to the same double every time.
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> mant(-1.0, 1.0);
    for (int trial = 0; trial < 300; ++trial) {
        const int lo = std::uniform_int_distribution<int>(-1100, 900)(rng);
        const int hi = std::min(990, lo + std::uniform_int_distribution<int>(0, 300)(rng));
        std::uniform_int_distribution<int> expo(lo, hi);
        std::vector<double> values;
        const int n = std::uniform_int_distribution<int>(1, 3000)(rng); // past buffer folds
        for (int i = 0; i < n; ++i) {
            const double v = std::ldexp(mant(rng), expo(rng));
            values.push_back(v);
            if (i % 7 == 0) values.push_back(-v); // cancellation
        }
        if (trial % 5 == 0) { // a tie: 1 + 2^-53 rounds to even unless something tips it
            values.push_back(1.0);
            values.push_back(0x1p-53);
        }
        const double expected = shewchukSum(values);
        QVERIFY2(sameBits(fsum(values), expected), qPrintable(QStringLiteral("trial %1: %2 vs %3")
                                                                  .arg(trial)
                                                                  .arg(fsum(values), 0, 'g', 17)
                                                                  .arg(expected, 0, 'g', 17)));
        ExactSum a, b;
        for (std::size_t i = 0; i < values.size(); ++i)
            (i % 2 ? a : b).add(values[i]);
        a.merge(b);
        QVERIFY(sameBits(a.value(), expected));
    }
    QVERIFY(sameBits(fsum({1.0, 0x1p-53}), 1.0));                      // tie to even: down
    QVERIFY(sameBits(fsum({1.0, 0x1p-53, 0x1p-1074}), 1.0 + 0x1p-52)); // sticky tips it up
    QVERIFY(sameBits(fsum({0x1p-1074, 0x1p-1074}), 0x1p-1073));        // subnormals stay exact
    QVERIFY(sameBits(fsum({-0x1p-1074}), -0x1p-1074));
}

void TestExactSum::squareErrorEqualsFma()
{
    // The inline split must give fma's exact error of x*x bit for bit, at every magnitude:
    // inside its range (Dekker) and at and beyond the bounds where it hands over to std::fma.
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> mant(-2.0, 2.0);
    std::uniform_int_distribution<int> expo(-540, 510);
    int checked = 0;
    auto check = [&checked](double x) {
        const double sq = x * x;
        if (!std::isfinite(sq)) return;
        const double expected = std::fma(x, x, -sq);
        QVERIFY2(sameBits(sf::squareError(x, sq), expected),
                 qPrintable(QStringLiteral("x = %1").arg(x, 0, 'g', 17)));
        ++checked;
    };
    for (int i = 0; i < 200000; ++i)
        check(std::ldexp(mant(rng), expo(rng)));
    for (double x : {0x1p-400, -0x1p-400, 0x1p400, 0x1.fffffffffffffp399, 0x1.0000000000001p-400,
                     1.0 + 0x1p-52, 3.0, 0.1, 2192.82, 0x1.fffffffffffffp-1, 134217729.0})
        check(x);
    QVERIFY(checked > 190000);
}

void TestExactSum::sumOfSquaresIsExact()
{
    // Σx² from the per-exponent mantissa squares must equal, bit for bit, the sum of every x*x
    // and its exact error (fma) added one by one: values inside and outside [2^-400, 2^400),
    // subnormals, zeros, enough of them to flush the cells many times, in any grouping.
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> mant(-2.0, 2.0);
    std::uniform_int_distribution<int> expo(-40, 40);
    std::vector<double> moderate;
    for (int i = 0; i < 30000; ++i)
        moderate.push_back(std::ldexp(mant(rng), expo(rng)));
    std::vector<double> wide = moderate;
    std::uniform_int_distribution<int> wideExpo(-1000, 500);
    for (int i = 0; i < 3000; ++i)
        wide.push_back(std::ldexp(mant(rng), wideExpo(rng)));
    for (double x : {0.0, -0.0, 0x1p-1074, -0x1p-1060, 0x1p-400, 0x1p400, -0x1.fffffffffffffp399,
                     1e-130, 1e130})
        wide.push_back(x);
    for (const std::vector<double> *values : {&moderate, &wide}) {
        ExactSum expected;
        for (double x : *values) {
            const double sq = x * x;
            expected.add(sq);
            expected.add(std::fma(x, x, -sq));
        }
        ExactMoments all;
        for (double x : *values)
            all.add(x);
        QVERIFY(sameBits(all.sumOfSquares(), expected.value()));
        for (int trial = 0; trial < 5; ++trial) {
            const ExactMoments g = randomlyGrouped(*values, rng);
            QVERIFY(sameBits(g.sumOfSquares(), expected.value()));
            QVERIFY(sameBits(g.variance(1), all.variance(1)));
        }
    }
    // A handful of values (squares added directly, no cells) and a square that overflows.
    ExactMoments few;
    few.add(3.0);
    few.add(0.1);
    ExactSum nine;
    for (double t : {9.0, 0.1 * 0.1, std::fma(0.1, 0.1, -0.1 * 0.1)})
        nine.add(t);
    QVERIFY(sameBits(few.sumOfSquares(), nine.value()));
    few.add(1e300);
    QVERIFY(std::isinf(few.sumOfSquares()));
}

QTEST_GUILESS_MAIN(TestExactSum)
#include "tst_exactsum.moc"

// WindowSum must give ExactSum's bits for any values and any grouping: values inside its
// window (lowest bit >= 2^-100, below 2^60), outside it on both sides, subnormals, zeros of
// both signs, infinities and NaN, with cancellation that flips the window's sign.
void TestExactSum::windowSumMatchesExactSum()
{
    std::mt19937_64 rng(20261207);
    std::uniform_real_distribution<double> mant(-1.0, 1.0);
    std::uniform_int_distribution<int> inside(-40, 59);
    std::uniform_int_distribution<int> anywhere(-1074, 1023);
    std::uniform_int_distribution<int> pick(0, 99);
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<double> values;
        const int n = 1 + int(rng() % 400);
        for (int i = 0; i < n; ++i) {
            // Every fourth trial only near the window's unit, where a unit's error shows.
            const int kind = trial % 4 == 1 ? 77 : pick(rng);
            if (kind < 70)
                values.push_back(std::ldexp(mant(rng), inside(rng)));
            else if (kind < 75)
                values.push_back(std::round(std::ldexp(mant(rng), 40)) * 0.01); // like amounts
            else if (kind < 80) // lowest bits at the window's unit: an error of one unit shows
                values.push_back(std::ldexp(mant(rng), -46 - int(rng() % 3)));
            else if (kind < 90)
                values.push_back(std::ldexp(mant(rng), anywhere(rng) / 2)); // often outside
            else if (kind < 93)
                values.push_back(values.empty() ? 1.0 : -values.back()); // cancels
            else if (kind < 95)
                values.push_back(kind == 93 ? 0.0 : -0.0);
            else if (kind < 97)
                values.push_back(std::ldexp(mant(rng), -1060)); // subnormal
            else if (trial % 10 == 0)
                values.push_back(kind == 97 ? INFINITY : (kind == 98 ? -INFINITY : NAN));
            else
                values.push_back(0x1p59 * (kind % 2 ? 1 : -1)); // the window's top
        }
        ExactSum reference;
        for (double v : values)
            reference.add(v);
        // Random groups, merged in random order (a group-by's chunks).
        std::shuffle(values.begin(), values.end(), rng);
        std::vector<WindowSum> groups(1 + rng() % 5);
        for (double v : values)
            groups[rng() % groups.size()].add(v);
        std::shuffle(groups.begin(), groups.end(), rng);
        WindowSum total;
        for (const WindowSum &g : groups)
            total.merge(g);
        const double want = reference.value();
        const double got = total.value();
        QVERIFY2(sameBits(got, want) || (std::isnan(got) && std::isnan(want)),
                 qPrintable(QStringLiteral("trial %1: %2 vs %3")
                                .arg(trial)
                                .arg(got, 0, 'g', 17)
                                .arg(want, 0, 'g', 17)));
        const WindowSum copy = total; // copies keep the values outside the window
        QVERIFY(sameBits(copy.value(), got) || std::isnan(got));
    }
}

void TestExactSum::windowSumEdges()
{
    auto sumOf = [](std::initializer_list<double> values) {
        WindowSum w;
        for (double v : values)
            w.add(v);
        return w.value();
    };
    auto exactOf = [](std::initializer_list<double> values) {
        ExactSum e;
        for (double v : values)
            e.add(v);
        return e.value();
    };
    // Summed left to right in doubles this is 0.
    QCOMPARE(sumOf({1e16, 1.0, -1e16}), 1.0);
    // Lowest bit exactly at the window's unit, and one below it (outside).
    const double unitEdge = 0x1p-48;    // mantissa bits down to 2^-100
    const double belowEdge = 0x1.8p-49; // lowest bit 2^-101
    QVERIFY(sameBits(sumOf({unitEdge, belowEdge, -unitEdge}), belowEdge));
    QVERIFY(sameBits(sumOf({unitEdge, 1.0, belowEdge}), exactOf({unitEdge, 1.0, belowEdge})));
    // The largest values inside (below 2^60) and the first outside, with cancellation.
    const double top = std::nextafter(0x1p60, 0.0);
    QVERIFY(sameBits(sumOf({top, top, -top, 0x1p60, -0x1p60, 0.5}), top + 0.5));
    QVERIFY(sameBits(sumOf({-top, -top, 1.0}), exactOf({-top, -top, 1.0})));
    // Negative totals, zeros, and an empty sum.
    QCOMPARE(sumOf({-2.5, 0.25, -0.0}), -2.25);
    QVERIFY(sameBits(sumOf({}), exactOf({})));
    QVERIFY(sameBits(sumOf({-0.0}), exactOf({-0.0})));
    QVERIFY(sameBits(sumOf({1.5, -1.5}), exactOf({1.5, -1.5})));
    QVERIFY(std::isnan(sumOf({INFINITY, 1.0, -INFINITY})));
    QCOMPARE(sumOf({INFINITY, 1.0}), INFINITY);
}
