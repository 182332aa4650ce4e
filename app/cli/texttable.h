#pragma once
// A plain-text table for the terminal: a header row, a rule, and columns padded to their
// widest cell; numbers (cells that parse as one) align right, text aligns left.
#include <QList>
#include <QString>
#include <QStringList>

namespace sf::cli {

class TextTable {
public:
    explicit TextTable(QStringList header)
        : m_header(std::move(header)) {}
    void addRow(QStringList cells) { m_rows.append(std::move(cells)); }
    QString toString() const; // ends in '\n'

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace sf::cli
