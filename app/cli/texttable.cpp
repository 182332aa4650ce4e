#include "texttable.h"
#include <algorithm>

namespace sf::cli {

namespace {

bool numeric(const QString &cell) {
    QString t = cell;
    t.remove(QLatin1Char('%')).remove(QChar(0x00d7));
    bool ok = false;
    t.trimmed().toDouble(&ok);
    return ok;
}

QString formatLine(const QStringList &cells, const QList<qsizetype> &widths, bool header) {
    QStringList parts;
    for (qsizetype i = 0; i < widths.size(); ++i) {
        const QString cell = cells.value(i);
        if (!header && numeric(cell))
            parts.append(cell.rightJustified(widths[i]));
        else if (i + 1 == widths.size())
            parts.append(cell);
        else
            parts.append(cell.leftJustified(widths[i]));
    }
    QString line = parts.join(QStringLiteral("  "));
    while (line.endsWith(QLatin1Char(' ')))
        line.chop(1);
    line.append(QLatin1Char('\n'));
    return line;
}

} // namespace

QString TextTable::toString() const {
    QList<qsizetype> widths;
    for (const QString &h : m_header)
        widths.append(h.size());
    for (const QStringList &row : m_rows)
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    QString text = formatLine(m_header, widths, true);
    qsizetype total = 2 * (widths.size() - 1);
    for (qsizetype w : widths)
        total += w;
    text.append(QString(total, QLatin1Char('-')));
    text.append(QLatin1Char('\n'));
    for (const QStringList &row : m_rows)
        text.append(formatLine(row, widths, false));
    return text;
}

} // namespace sf::cli
