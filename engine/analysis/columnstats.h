#pragma once
// Everything the profile keeps about one column of one chunk: counts, exact moments, min/max,
// sketches, top values. add*() is the hot path (no allocation per value); merge() folds the
// next chunk's stats in; the result depends only on the values, not on how they were split.
#include "analysis/sketchdistinct.h"
#include "analysis/sketchquantile.h"
#include "analysis/sketchtopvalues.h"
#include "core/columntype.h"
#include "core/exactsum.h"
#include "data/recordblock.h"
#include <QJsonObject>
#include <QVariantList>
#include <cstdint>
#include <string>
#include <string_view>

namespace sf {

class ColumnStats {
public:
    static constexpr int kHistogramBins = 20;
    static constexpr std::size_t kTopCount = 10;

    explicit ColumnStats(ColumnType type)
        : m_type(type)
    {}

    void addNull() { ++m_nulls; }
    // A non-null field: parsed as the column type; counted as invalid when it does not parse.
    void addText(std::string_view text);
    // Column `column` of every record of `block` (the profile's hot path).
    void addBlock(const RecordBlock &block, int column);
    void merge(const ColumnStats &other);
    // What finished chunks tell the next chunk's stats about the column, so it starts at the
    // size it will need: the values a string column's table held, and whether a distinct
    // sketch went past its exact set (then so does the column's merged result, and a chunk that
    // starts with registers reaches the same state). Sizes and paths only, never results.
    struct Hint {
        std::size_t tableValues = 0;
        bool distinctPastExact = false;
    };
    void applyHint(const Hint &hint); // before the first add
    Hint hint() const;

    ColumnType type() const { return m_type; }
    std::int64_t count() const { return m_count; }
    std::int64_t nulls() const { return m_nulls; }
    std::int64_t invalid() const { return m_invalid; }
    std::int64_t distinct() const;

    // The column's entry of the profile JSON (keys that do not apply are omitted).
    QJsonObject toJson(const QString &name) const;
    // name, type, count, nulls, distinct, min, max, mean, std, p50 (null where n/a).
    QVariantList tableRow(const QString &name) const;

private:
    // Min, max and lengths (code points, as pandas' str.len()) of texts added with their
    // occurrences; the fields past `count` are valid when it is > 0.
    struct TextSummary {
        std::int64_t count = 0;
        std::string min, max;
        std::int64_t lenMin = 0, lenMax = 0, lenSum = 0;
        void add(std::string_view text, std::int64_t occurrences);
        void merge(const TextSummary &other);
    };
    void addString(std::string_view text, std::uint64_t hash); // hash = hashBytes(text)
    // A value m_top's cap kept out, `count` times: into m_keptOut and m_distinct.
    void addKeptOut(std::string_view text, std::uint64_t hash, std::int64_t count);
    // A string column's summary: m_keptOut joined with every value the table keeps.
    TextSummary stringSummary() const;
    // Parses the non-null fields of `column` into `values`, counting nulls and invalid texts.
    template <class T, class Parse>
    int parseColumn(const RecordBlock &block, int column, T *values, Parse parse);
    void widenRange(const std::int64_t *values, int n); // m_intMin/m_intMax; before m_count grows
    void addIntBlock(const RecordBlock &block, int column);
    void addDoubleBlock(const RecordBlock &block, int column);
    void addDateTimeBlock(const RecordBlock &block, int column);
    void addStringBlock(const RecordBlock &block, int column);
    void addBoolBlock(const RecordBlock &block, int column);

    QJsonValue minJson(const TextSummary &strings) const;
    QJsonValue maxJson(const TextSummary &strings) const;
    QString dateTimeText(std::int64_t ms) const;

    ColumnType m_type;
    std::int64_t m_count = 0; // valid non-null values
    std::int64_t m_nulls = 0;
    std::int64_t m_invalid = 0;
    DistinctSketch m_distinct;

    // Int64 and Double
    ExactMoments m_moments;
    QuantileSketch m_quantiles;
    std::int64_t m_intMin = 0; // Int64 and DateTime (ms since epoch); valid when m_count > 0
    std::int64_t m_intMax = 0;
    bool m_allMidnight = true; // DateTime: every value is a whole day, so print dates only

    // Bool
    std::int64_t m_true = 0;
    std::int64_t m_false = 0;

    // String: every value the table admits is counted there and nowhere else; of the values
    // its cap keeps out (approximate results only), m_keptOut and their hashes in m_distinct.
    TopValues m_top;
    TextSummary m_keptOut;
};

} // namespace sf
