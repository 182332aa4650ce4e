#include "analysis/sketchdistinct.h"

#include <bit>
#include <cmath>

namespace sf {

namespace {

constexpr int kQ = DistinctSketch::kRankBits;

// Ertl (2017), "New cardinality estimation algorithms for HyperLogLog sketches": the
// corrections for registers at 0 (sigma) and at the cap (tau) that make the estimator nearly
// unbiased over the whole range without empirical bias tables.
double sigma(double x)
{
    if (x == 1.0) return INFINITY;
    double y = 1.0;
    double z = x;
    for (;;) {
        x *= x;
        const double prev = z;
        z += x * y;
        y += y;
        if (z == prev) return z;
    }
}

double tau(double x)
{
    if (x == 0.0 || x == 1.0) return 0.0;
    double y = 1.0;
    double z = 1.0 - x;
    for (;;) {
        x = std::sqrt(x);
        const double prev = z;
        y *= 0.5;
        z -= (1.0 - x) * (1.0 - x) * y;
        if (z == prev) return z / 3.0;
    }
}

} // namespace

void DistinctSketch::addExact(std::uint64_t hash)
{
    // add() found the hash new. One past kExactLimit the set becomes registers at once, rather
    // than after growing the table for that one value (the same registers either way).
    if (m_size == kExactLimit) {
        toRegisters();
        addToRegisters(hash);
        return;
    }
    insertExact(hash == 0 ? 1 : hash);
}

void DistinctSketch::insertExact(std::uint64_t key)
{
    if (m_table.empty() || (m_size + 1) * 2 > m_table.size()) growTable();
    const std::size_t mask = m_table.size() - 1;
    std::size_t i = std::size_t(key) & mask;
    while (m_table[i] != 0) {
        if (m_table[i] == key) return;
        i = (i + 1) & mask;
    }
    m_table[i] = key;
    ++m_size;
}

void DistinctSketch::growTable()
{
    std::vector<std::uint64_t> old;
    old.swap(m_table);
    // Four times larger each time: 16, 64, 256, 1024, 4096 slots (kExactLimit values at most
    // half fill the last), half the rehashing of doubling on a column of distinct values.
    m_table.assign(old.empty() ? 16 : old.size() * 4, 0);
    m_size = 0;
    for (std::uint64_t k : old)
        if (k != 0) insertExact(k);
}

void DistinctSketch::toRegisters()
{
    m_registers.assign(kRegisters, 0);
    for (std::uint64_t k : m_table)
        if (k != 0) addToRegisters(k);
    m_table = {};
    m_size = 0;
}

void DistinctSketch::merge(const DistinctSketch &other)
{
    if (other.m_registers.empty()) {
        for (std::uint64_t k : other.m_table)
            if (k != 0) add(k);
        return;
    }
    if (m_registers.empty()) toRegisters();
    // Unconditional max: a loop the compiler vectorises (one per chunk and column).
    std::uint8_t *mine = m_registers.data();
    const std::uint8_t *theirs = other.m_registers.data();
    for (std::size_t i = 0; i < kRegisters; ++i)
        mine[i] = std::max(mine[i], theirs[i]);
}

std::int64_t DistinctSketch::count() const
{
    if (m_registers.empty()) return std::int64_t(m_size);
    int histogram[kQ + 2] = {};
    for (std::uint8_t r : m_registers)
        ++histogram[r];
    const double m = double(kRegisters);
    double z = m * tau(1.0 - histogram[kQ + 1] / m);
    for (int k = kQ; k >= 1; --k)
        z = 0.5 * (z + histogram[k]);
    z += m * sigma(histogram[0] / m);
    const double alphaInf = 0.5 / std::log(2.0);
    return std::llround(alphaInf * m * m / z);
}

} // namespace sf
