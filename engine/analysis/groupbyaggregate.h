#pragma once
// The state of one aggregate of one group in one group-by partial. A group-by over many keys
// sees a value or two of each group per chunk, and merges each chunk's groups into a table of
// all of them: sums and means add into a WindowSum (exact, inline: no allocation or pointer to
// chase per group); std keeps a group's first two values inline and allocates its ExactMoments
// on the third. All are exact, so the result is the same whichever way the values were split
// between chunks.
#include "core/exactsum.h"
#include "core/windowsum.h"
#include <QVariant>
#include <cstdint>
#include <memory>

namespace sf {

class GroupAggregate {
public:
    enum class Fn : std::uint8_t {
        Count,
        CountColumn,
        Sum,
        Mean,
        Min,
        Max,
        Std
    };

    explicit GroupAggregate(Fn fn);
    GroupAggregate(GroupAggregate &&other) noexcept;
    GroupAggregate &operator=(GroupAggregate &&other) noexcept;
    GroupAggregate(const GroupAggregate &) = delete;
    GroupAggregate &operator=(const GroupAggregate &) = delete;
    ~GroupAggregate();

    // A non-null field of the aggregate's column (count:COL).
    void addPresent() { ++m_n; }
    // A non-null, non-NaN number of the aggregate's column; `isInt` when the field was an
    // integer (its value is then exactly x).
    void addNumber(double x, bool isInt, std::int64_t i);
    // Folds a later chunk's state of the same group and aggregate into this one.
    void merge(GroupAggregate &later);
    // The result: qlonglong, double, or an invalid variant for "no value". `groupRows` is the
    // group's row count (count); `intColumn` when the column is int64.
    QVariant value(std::int64_t groupRows, bool intColumn) const;

private:
    static constexpr int kInline = 2;
    void addSquared(double x); // std
    void spill();              // std: moves the inline values into a new ExactMoments
    void destroy();

    // Only what the function needs (a group-by over many keys keeps millions of these).
    struct Extreme { // min or max, once m_n > 0: of the ints (when all were) and of all values
        std::int64_t i;
        double d;
    };
    struct Spread { // std: the first values inline, then exact moments
        double first[kInline];
        ExactMoments *moments; // owned
    };

    Fn m_fn;
    bool m_allInt = true;      // sum, min, max: every value was an integer
    std::uint8_t m_inline = 0; // std: values in first[]
    std::int64_t m_n = 0;      // non-null values seen
    union {
        WindowSum m_sum; // sum, mean
        Extreme m_extreme;
        Spread m_spread;
    };
};

} // namespace sf
