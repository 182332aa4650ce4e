#pragma once
// Test helper: a strict RFC 4180 reader for CSV files the project writes, so tests check that
// what was written parses back field for field (raw bytes, no type guessing).
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

namespace sf::test {

using CsvRows = QList<QList<QByteArray>>;

// False on a malformed file (stray quote, unterminated quoted field).
inline bool parseCsvText(const QByteArray &text, CsvRows *rows) {
    rows->clear();
    QList<QByteArray> row;
    QByteArray fieldText;
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool rowOpen = false;
    while (i < n) {
        rowOpen = true;
        if (text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= n) return false;
                if (text[i] == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        fieldText.append('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                fieldText.append(text[i++]);
            }
            if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') return false;
        } else {
            while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                if (text[i] == '"') return false;
                fieldText.append(text[i++]);
            }
        }
        row.append(fieldText);
        fieldText.clear();
        if (i < n && text[i] == ',') {
            ++i;
            if (i == n) row.append(QByteArray());
            continue;
        }
        if (i < n && text[i] == '\r') ++i;
        if (i < n && text[i] == '\n') ++i;
        rows->append(row);
        row.clear();
        rowOpen = false;
    }
    if (rowOpen) rows->append(row);
    return true;
}

inline bool readCsvFile(const QString &path, CsvRows *rows) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return false;
    return parseCsvText(file.readAll(), rows);
}

} // namespace sf::test
