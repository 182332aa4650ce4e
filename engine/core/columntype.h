#pragma once
// The value types a column can hold after inference; shared by schema, readers and analyses.
#include <QString>
#include <cstdint>

namespace sf {

enum class ColumnType : std::uint8_t {
    Int64,    // decimal integer fitting in 64 bits
    Double,   // finite or inf/nan decimal number
    Bool,     // true/false (case-insensitive)
    DateTime, // ISO-8601 date or date-time
    String,   // anything else
};

QString columnTypeName(ColumnType t); // "int64", "double", "bool", "datetime", "string"
bool columnTypeFromName(const QString &name, ColumnType *out);

} // namespace sf
