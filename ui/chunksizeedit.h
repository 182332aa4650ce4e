#pragma once
// The chunk size field of the Run setup page and the preferences: a size with its unit (rows
// or bytes, "4MiB"), one parser and one way of writing sizes. Switching the unit offers the
// built-in default of the new unit, since a row count is no sensible byte size and back.
#include "partition/partitionspec.h"
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace sf::ui {

class ChunkSizeEdit : public QWidget {
    Q_OBJECT
public:
    explicit ChunkSizeEdit(QWidget *parent = nullptr);

    PartitionSpec::Unit unit() const;
    QString text() const;     // as typed, trimmed
    QString unitText() const; // "rows" / "bytes", translated
    void setChunk(PartitionSpec::Unit unit, std::int64_t size);
    // The size in the current unit; false (and a message naming the text) when it is not a
    // positive row count or byte size.
    bool size(std::int64_t *size, QString *error = nullptr) const;

    // "4MiB" for whole mebibytes, "512KiB" for whole kibibytes, else the number.
    static QString sizeText(PartitionSpec::Unit unit, std::int64_t size);
    static bool parse(PartitionSpec::Unit unit, const QString &text, std::int64_t *size);

    QLineEdit *sizeField() const { return m_size; } // objectName "chunkSize"
    QComboBox *unitField() const { return m_unit; } // objectName "chunkUnit"

Q_SIGNALS:
    void changed(); // text edited or unit chosen

private:
    QLineEdit *m_size = nullptr;
    QComboBox *m_unit = nullptr;
};

} // namespace sf::ui
