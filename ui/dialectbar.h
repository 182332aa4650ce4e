#pragma once
// The dialect controls of the Dataset page (format, delimiter, quote, header, null tokens,
// all-strings, SQLite table picker or query). Emits `edited` once per user change — text fields
// after a short pause, the SQL query on Enter — so the page re-opens at once without re-opening
// on every key (or running half-typed SQL).
#include "data/sourceoptions.h"
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTimer;

namespace sf::ui {

class DialectBar : public QWidget {
    Q_OBJECT
public:
    explicit DialectBar(QWidget *parent = nullptr);

    SourceOptions options() const;
    void setOptions(const SourceOptions &options); // no `edited`
    // Shows the SQLite fields when the file was detected as SQLite (or chosen as such).
    void setDetectedSqlite(bool sqlite);
    // The tables the picker offers (the database's own, listed off the GUI thread).
    void setSqliteTables(const QStringList &tables);
    bool showsSqlite() const; // the picker is shown (not the text-file options)

    static QString delimiterText(char c); // "auto", "Tab", ","
    static char delimiterFromText(const QString &text);

Q_SIGNALS:
    void edited();

private:
    void userEdit();
    void updateSqliteVisibility();
    void selectSqliteTable(const QString &table);

    QComboBox *m_format = nullptr;
    QComboBox *m_delimiter = nullptr;
    QComboBox *m_quote = nullptr;
    QComboBox *m_header = nullptr;
    QLineEdit *m_nulls = nullptr;
    QCheckBox *m_allStrings = nullptr;
    QComboBox *m_sqliteTable = nullptr;
    QLineEdit *m_sqliteQuery = nullptr;
    QWidget *m_sqliteBox = nullptr;
    QWidget *m_textBox = nullptr;
    QTimer *m_debounce = nullptr;
    bool m_detectedSqlite = false;
    bool m_setting = false; // filling from options: not a user edit
};

} // namespace sf::ui
