#pragma once
// Sniffs a CSV dialect (delimiter, header, BOM, line endings) from the first ~64 KiB of a file,
// refuses what is not delimited UTF-8 text (binary, UTF-16, empty), and reads the header row.
// Every explicit choice in SourceOptions wins over what is sniffed.
#include "data/sourceoptions.h"
#include <QString>
#include <QStringList>
#include <cstdint>
#include <string_view>

namespace sf::csv {

struct Dialect {
    char delimiter = ',';
    char quote = '"';
    bool header = true;
    bool bom = false;
    QString lineEnding = QStringLiteral("LF"); // "LF", "CRLF", "CR", "mixed"
    int fieldCount = 0;                         // fields every record must have
    QStringList columnNames;                    // unique, non-empty
    std::int64_t dataBegin = 0;                 // first byte after BOM and header
    std::int64_t dataLine = 1;                  // physical line at dataBegin
};

constexpr std::size_t kSniffBytes = 64 * 1024;

// `tsv`: the file is known to be tab-separated (format or .tsv name) unless a delimiter is
// given. On failure returns false with `error` holding the reason (without the file name).
bool sniffDialect(std::string_view data, const SourceOptions &options, bool tsv, Dialect *out,
                  QString *error);

// Makes header names unique and non-empty: "" -> "col_3", a second "a" -> "a_2".
QStringList uniqueColumnNames(const QStringList &names);

} // namespace sf::csv
