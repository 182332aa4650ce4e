#include "dialectbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

namespace sf::ui {

DialectBar::DialectBar(QWidget *parent)
    : QWidget(parent)
    , m_debounce(new QTimer(this))
{
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("format"));
    for (SourceFormat f : {SourceFormat::Auto, SourceFormat::Csv, SourceFormat::Tsv,
                           SourceFormat::JsonLines, SourceFormat::JsonArray, SourceFormat::Sqlite})
        m_format->addItem(sourceFormatName(f), int(f));
    m_delimiter = new QComboBox;
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    m_delimiter->setEditable(true);
    m_delimiter->addItems({delimiterText(0), QStringLiteral(","), QStringLiteral(";"),
                           delimiterText('\t'), QStringLiteral("|")});
    m_delimiter->setToolTip(tr("Field delimiter; type any single character"));
    m_quote = new QComboBox;
    m_quote->setObjectName(QStringLiteral("quote"));
    m_quote->addItem(QStringLiteral("\""), int('"'));
    m_quote->addItem(QStringLiteral("'"), int('\''));
    m_header = new QComboBox;
    m_header->setObjectName(QStringLiteral("header"));
    m_header->addItem(tr("auto"), int(SourceOptions::Header::Auto));
    m_header->addItem(tr("yes"), int(SourceOptions::Header::Yes));
    m_header->addItem(tr("no"), int(SourceOptions::Header::No));
    m_nulls = new QLineEdit;
    m_nulls->setObjectName(QStringLiteral("nullTokens"));
    m_nulls->setPlaceholderText(tr("pandas defaults"));
    m_nulls->setToolTip(tr("Comma-separated texts read as null"));
    m_allStrings = new QCheckBox(tr("All strings"));
    m_allStrings->setObjectName(QStringLiteral("allStrings"));
    m_sqliteTable = new QComboBox;
    m_sqliteTable->setObjectName(QStringLiteral("sqliteTable"));
    m_sqliteTable->setToolTip(tr("Table to read"));
    m_sqliteTable->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sqliteTable->setMinimumContentsLength(12);
    setSqliteTables({});
    m_sqliteQuery = new QLineEdit;
    m_sqliteQuery->setObjectName(QStringLiteral("sqliteQuery"));
    m_sqliteQuery->setPlaceholderText(tr("or a query: SELECT … (Enter to run)"));
    m_sqliteQuery->setClearButtonEnabled(true);
    m_sqliteQuery->setToolTip(tr("A query to read instead of a table; runs when you press Enter"));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &DialectBar::edited);
    for (QComboBox *combo : {m_format, m_quote, m_header})
        connect(combo, &QComboBox::activated, this, &DialectBar::userEdit);
    connect(m_sqliteTable, &QComboBox::activated, this, [this] {
        // A picked table replaces the query: the two are alternatives.
        if (!m_sqliteTable->currentData().toString().isEmpty()) m_sqliteQuery->clear();
        userEdit();
    });
    connect(m_sqliteQuery, &QLineEdit::returnPressed, this, [this] {
        if (!m_sqliteQuery->text().trimmed().isEmpty()) selectSqliteTable(QString());
        userEdit();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &DialectBar::updateSqliteVisibility);
    connect(m_allStrings, &QCheckBox::toggled, this, &DialectBar::userEdit);
    connect(m_delimiter, &QComboBox::currentTextChanged, this, [this] {
        if (!m_setting) m_debounce->start();
    });
    connect(m_nulls, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Format")));
    row->addWidget(m_format);
    // Text-file options and the SQLite picker take turns: neither means anything to the other.
    m_textBox = new QWidget;
    auto *textRow = new QHBoxLayout(m_textBox);
    textRow->setContentsMargins(0, 0, 0, 0);
    const auto add = [textRow](const QString &label, QWidget *w, int stretch = 0) {
        textRow->addWidget(new QLabel(label));
        textRow->addWidget(w, stretch);
    };
    add(tr("Delimiter"), m_delimiter);
    add(tr("Quote"), m_quote);
    add(tr("Header"), m_header);
    add(tr("Nulls"), m_nulls, 1);
    row->addWidget(m_textBox, 1);
    m_sqliteBox = new QWidget;
    auto *sqliteRow = new QHBoxLayout(m_sqliteBox);
    sqliteRow->setContentsMargins(0, 0, 0, 0);
    sqliteRow->addWidget(new QLabel(tr("Table")));
    sqliteRow->addWidget(m_sqliteTable);
    sqliteRow->addWidget(m_sqliteQuery, 1);
    row->addWidget(m_sqliteBox, 1);
    row->addWidget(m_allStrings);
    updateSqliteVisibility();
}

QString DialectBar::delimiterText(char c)
{
    switch (c) {
    case 0: return tr("auto");
    case '\t': return tr("Tab");
    default: return QString(QLatin1Char(c));
    }
}

char DialectBar::delimiterFromText(const QString &text)
{
    const QString t = text.trimmed();
    // The English words work in every language, so typed habits survive a language switch.
    if (t.isEmpty() || t == QLatin1String("auto") || t == delimiterText(0)) return 0;
    if (t.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0 || t == QLatin1String("\\t") ||
        t == delimiterText('\t'))
        return '\t';
    const QChar c = t.at(0);
    return c.unicode() < 128 ? char(c.unicode()) : 0;
}

SourceOptions DialectBar::options() const
{
    SourceOptions options;
    options.format = SourceFormat(m_format->currentData().toInt());
    options.delimiter = delimiterFromText(m_delimiter->currentText());
    options.quote = char(m_quote->currentData().toInt());
    options.header = SourceOptions::Header(m_header->currentData().toInt());
    for (const QString &token : m_nulls->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.nullValues << token.trimmed();
    options.allStrings = m_allStrings->isChecked();
    options.sqliteTable = m_sqliteTable->currentData().toString();
    options.sqliteQuery = m_sqliteQuery->text().trimmed();
    return options;
}

void DialectBar::setOptions(const SourceOptions &options)
{
    m_setting = true;
    m_format->setCurrentIndex(qMax(0, m_format->findData(int(options.format))));
    m_delimiter->setCurrentText(delimiterText(options.delimiter));
    m_quote->setCurrentIndex(qMax(0, m_quote->findData(int(options.quote))));
    m_header->setCurrentIndex(qMax(0, m_header->findData(int(options.header))));
    m_nulls->setText(options.nullValues.join(QStringLiteral(", ")));
    m_allStrings->setChecked(options.allStrings);
    selectSqliteTable(options.sqliteTable);
    m_sqliteQuery->setText(options.sqliteQuery);
    m_debounce->stop();
    m_setting = false;
}

void DialectBar::setDetectedSqlite(bool sqlite)
{
    m_detectedSqlite = sqlite;
    updateSqliteVisibility();
}

void DialectBar::setSqliteTables(const QStringList &tables)
{
    const QString chosen = m_sqliteTable->currentData().toString();
    const QSignalBlocker block(m_sqliteTable);
    m_sqliteTable->clear();
    m_sqliteTable->addItem(tables.size() == 1 ? tr("(the only table)") : tr("(choose a table)"),
                           QString());
    for (const QString &table : tables)
        m_sqliteTable->addItem(table, table);
    selectSqliteTable(chosen);
}

void DialectBar::selectSqliteTable(const QString &table)
{
    int index = m_sqliteTable->findData(table);
    if (index < 0 && !table.isEmpty()) {
        // Chosen before the list arrived (command line, a re-open): keep it selectable.
        m_sqliteTable->addItem(table, table);
        index = m_sqliteTable->count() - 1;
    }
    const QSignalBlocker block(m_sqliteTable);
    m_sqliteTable->setCurrentIndex(qMax(0, index));
}

void DialectBar::userEdit()
{
    if (m_setting) return;
    m_debounce->stop();
    Q_EMIT edited();
}

void DialectBar::updateSqliteVisibility()
{
    const int format = m_format->currentData().toInt();
    const bool sqlite = format == int(SourceFormat::Sqlite) ||
                        (format == int(SourceFormat::Auto) && m_detectedSqlite);
    m_sqliteBox->setVisible(sqlite);
    m_textBox->setVisible(!sqlite);
}

bool DialectBar::showsSqlite() const
{
    return !m_sqliteBox->isHidden();
}

} // namespace sf::ui
