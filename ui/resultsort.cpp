#include "resultsort.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace sf::ui {

namespace {

// A cell as the comparison needs it: its kind and value read once.
struct Key {
    enum class Kind : std::uint8_t { Empty, Integer, Real, Text } kind = Kind::Empty;
    std::int64_t i = 0;
    double d = 0;
    QString s;
};

Key keyOf(const QVariant &v)
{
    Key k;
    switch (v.typeId()) {
    case QMetaType::UnknownType: return k;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
        k.kind = Key::Kind::Integer;
        k.i = v.toLongLong();
        return k;
    case QMetaType::Double:
    case QMetaType::Float:
        k.kind = Key::Kind::Real;
        k.d = v.toDouble();
        return k;
    default:
        k.kind = Key::Kind::Text;
        k.s = v.toString();
        return k;
    }
}

bool less(const Key &a, const Key &b)
{
    // Empty cells last; numbers (integers and reals together) before texts.
    const auto rank = [](Key::Kind k) {
        return k == Key::Kind::Empty ? 2 : k == Key::Kind::Text ? 1 : 0;
    };
    if (rank(a.kind) != rank(b.kind)) return rank(a.kind) < rank(b.kind);
    switch (a.kind) {
    case Key::Kind::Integer:
        if (b.kind == Key::Kind::Integer) return a.i < b.i;
        return static_cast<long double>(a.i) < static_cast<long double>(b.d);
    case Key::Kind::Real:
        if (b.kind == Key::Kind::Integer)
            return static_cast<long double>(a.d) < static_cast<long double>(b.i);
        return a.d < b.d;
    case Key::Kind::Text: return a.s.compare(b.s, Qt::CaseSensitive) < 0;
    case Key::Kind::Empty: break;
    }
    return false;
}

} // namespace

std::vector<int> sortedRows(const ResultTable &table, int column, Qt::SortOrder order,
                            std::vector<int> shown)
{
    std::vector<int> out = std::move(shown);
    const std::size_t rows = std::size_t(table.rowCount());
    if (column < 0 || out.size() != rows) {
        out.resize(rows);
        std::iota(out.begin(), out.end(), 0);
    }
    if (column < 0) return out;
    std::vector<Key> keys;
    keys.reserve(out.size());
    for (std::size_t r = 0; r < rows; ++r)
        keys.push_back(keyOf(table.cell(qsizetype(r), column)));
    if (order == Qt::AscendingOrder)
        std::stable_sort(out.begin(), out.end(),
                         [&](int x, int y) { return less(keys[std::size_t(x)], keys[std::size_t(y)]); });
    else
        std::stable_sort(out.begin(), out.end(),
                         [&](int x, int y) { return less(keys[std::size_t(y)], keys[std::size_t(x)]); });
    return out;
}

} // namespace sf::ui
