#include "export/csvwriter.h"
#include "export/atomicwrite.h"
#include <QDateTime>
#include <QLocale>
#include <charconv>
#include <cmath>
#include <utility>

namespace sf {

void CsvWriter::separator() {
    if (m_rowStarted) m_data.append(',');
    m_rowStarted = true;
}

CsvWriter &CsvWriter::field(const QByteArray &bytes, bool forceQuote) {
    separator();
    const bool quote = forceQuote || bytes.contains(',') || bytes.contains('"') ||
                       bytes.contains('\n') || bytes.contains('\r');
    if (!quote) {
        m_data.append(bytes);
        return *this;
    }
    m_data.append('"');
    for (char c : bytes) {
        if (c == '"') m_data.append('"');
        m_data.append(c);
    }
    m_data.append('"');
    return *this;
}

CsvWriter &CsvWriter::field(const QString &text, bool forceQuote) {
    return field(text.toUtf8(), forceQuote);
}

CsvWriter &CsvWriter::field(std::int64_t value) {
    separator();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    m_data.append(buf, qsizetype(r.ptr - buf));
    return *this;
}

QString CsvWriter::formatDouble(double value) {
    if (std::isnan(value)) return QString();
    if (std::isinf(value)) return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

CsvWriter &CsvWriter::field(double value) {
    return field(formatDouble(value));
}

CsvWriter &CsvWriter::fixed(double value, int decimals) {
    if (!std::isfinite(value)) return field(value);
    // Correctly rounded, an exact tie to even as printf's %.*f does (QString::number rounds it
    // away from zero), without a QString per value.
    if (decimals < 0 || decimals > 17) return field(QString::number(value, 'f', decimals));
    char buf[352]; // the longest finite double in fixed notation, with up to 17 decimals
    const auto r =
        std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    separator();
    m_data.append(buf, qsizetype(r.ptr - buf));
    return *this;
}

CsvWriter &CsvWriter::variant(const QVariant &value) {
    if (!value.isValid() || value.isNull()) return field(QByteArray());
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
        return field(value.toDouble());
    case QMetaType::Bool:
        return field(value.toBool());
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return field(value.toString());
    case QMetaType::QDateTime:
        return field(value.toDateTime().toString(Qt::ISODateWithMs));
    case QMetaType::QByteArray:
        return field(value.toByteArray());
    default:
        return field(value.toString());
    }
}

CsvWriter &CsvWriter::row(const QStringList &fields) {
    for (const QString &f : fields)
        field(f);
    endRow();
    return *this;
}

void CsvWriter::endRow() {
    // A row of one empty field would be a blank line, which readers skip: quote it.
    if (m_rowStarted && m_data.size() == m_rowBegin) m_data.append("\"\"");
    m_data.append('\n');
    m_rowBegin = m_data.size();
    m_rowStarted = false;
}

bool CsvWriter::flushTo(QIODevice &device, bool force) {
    const bool ok = writeSlice(device, m_data, force);
    if (m_data.isEmpty()) m_rowBegin = 0;
    return ok;
}

QByteArray CsvWriter::take() {
    m_rowStarted = false;
    m_rowBegin = 0;
    return std::exchange(m_data, {});
}

} // namespace sf
