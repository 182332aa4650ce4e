#pragma once
// Builds RFC 4180 CSV text (comma separated, quotes doubled, rows ending in "\n") for every CSV
// the project writes: results, timings, rejects and the CLI's sweep table.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <cstdint>

class QIODevice;

namespace sf {

class CsvWriter {
public:
    // Appends one field; quotes it when it holds a comma, quote, CR or LF (or `forceQuote`).
    CsvWriter &field(const QByteArray &bytes, bool forceQuote = false);
    CsvWriter &field(const QString &text, bool forceQuote = false);
    CsvWriter &field(std::int64_t value);
    CsvWriter &field(int value) { return field(std::int64_t(value)); }
    // Shortest text that reads back to the same double; "" for NaN (a missing value).
    CsvWriter &field(double value);
    // Fixed decimals, for milliseconds and rates where a reader wants aligned columns; correctly
    // rounded, an exact tie to even (as printf's %.*f).
    CsvWriter &fixed(double value, int decimals);
    CsvWriter &field(bool value)
    {
        static const QByteArray yes("true"), no("false");
        return field(value ? yes : no);
    }
    CsvWriter &variant(const QVariant &value);
    CsvWriter &row(const QStringList &fields);
    void endRow();

    const QByteArray &data() const { return m_data; }
    QByteArray take();
    // Between rows: writeSlice() of the rows so far (export/atomicwrite.h).
    bool flushTo(QIODevice &device, bool force = false);

    static QString formatDouble(double value);

private:
    void separator();
    QByteArray m_data;
    qsizetype m_rowBegin = 0;
    bool m_rowStarted = false;
};

} // namespace sf
