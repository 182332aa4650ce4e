#pragma once
// Turns one JSON record (an object) into field texts for a fixed column list, with simdjson's
// On-Demand API: strings unescaped, numbers as their raw text, true/false, null as a null flag,
// nested objects flattened to dotted names (or kept as JSON text), arrays kept as JSON text.
// Every value is validated, not skipped. One parser per reader thread: it owns the padded copy
// of the current record, and the field views stay valid until the next parse().
#include "data/rejects.h"
#include <simdjson.h>
#include <QStringList>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sf {

class NullTokens;

class JsonRecordParser {
public:
    enum class Failure { None, Syntax, Utf8, NotObject };

    // `nullTokens` (may be null): string values read as null; kept by pointer.
    JsonRecordParser(bool flatten, const NullTokens *nullTokens);

    // Fixes the columns; keys not among them are ignored.
    void setColumns(const QStringList &names);
    // Inference mode: keys not yet known become new columns, in first-seen order.
    void setGrowColumns(bool grow) { m_grow = grow; }
    const std::vector<std::string> &columnNames() const { return m_names; }

    // False when the record is rejected; failure(), errorOffset() and errorDetail() say why.
    bool parse(std::string_view text);
    std::span<const std::string_view> fields() const { return m_fields; }
    std::span<const std::uint8_t> nulls() const { return m_nulls; }

    Failure failure() const { return m_failure; }
    std::int64_t errorOffset() const { return m_errorOffset; } // within the record text
    const char *errorDetail() const { return m_errorDetail; }
    // The reject message for the last failure, given where the error is in the file.
    QString errorMessage(std::int64_t line, std::int64_t column) const;

private:
    using Hash = std::hash<std::string_view>;
    struct TransparentHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return Hash{}(s); }
    };

    bool fail(Failure f, std::int64_t offset, const char *detail);
    bool failIterate(simdjson::error_code e);
    simdjson::error_code walkObject(simdjson::ondemand::object object, int depth);
    simdjson::error_code walkValue(simdjson::ondemand::value value, int depth);
    simdjson::error_code validate(simdjson::ondemand::value value, int depth);
    simdjson::error_code validateAt(simdjson::ondemand::value value, int depth,
                                    std::string_view token, simdjson::ondemand::json_type type);
    void setField(std::string_view text, bool isNull);
    int columnFor(std::string_view path);
    void markPosition(const char *p) { m_position = p - m_buffer.data(); }

    bool m_flatten;
    const NullTokens *m_nullTokens;
    bool m_grow = false;
    simdjson::ondemand::parser m_parser;
    std::vector<char> m_buffer; // the record plus SIMDJSON_PADDING; grows, never shrinks
    std::string_view m_text;
    std::string m_path; // dotted key path of the value being read; reused
    std::vector<std::string> m_names;
    std::unordered_map<std::string, int, TransparentHash, std::equal_to<>> m_columnOf;
    std::size_t m_namesAtStart = 0;
    std::size_t m_guess = 0; // records usually repeat the key order: try the next column first
    std::vector<std::string_view> m_fields;
    std::vector<std::uint8_t> m_nulls;
    std::int64_t m_position = 0; // offset of the last token looked at, for error columns
    Failure m_failure = Failure::None;
    std::int64_t m_errorOffset = 0;
    const char *m_errorDetail = "";
};

} // namespace sf
