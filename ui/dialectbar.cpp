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
    m_sqliteTable = new QLineEdit;
    m_sqliteTable->setObjectName(QStringLiteral("sqliteTable"));
    m_sqliteTable->setPlaceholderText(tr("table"));
    m_sqliteQuery = new QLineEdit;
    m_sqliteQuery->setObjectName(QStringLiteral("sqliteQuery"));
    m_sqliteQuery->setPlaceholderText(tr("or SELECT …"));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &DialectBar::edited);
    for (QComboBox *combo : {m_format, m_quote, m_header})
        connect(combo, &QComboBox::activated, this, &DialectBar::userEdit);
    connect(m_format, &QComboBox::currentIndexChanged, this, &DialectBar::updateSqliteVisibility);
    connect(m_allStrings, &QCheckBox::toggled, this, &DialectBar::userEdit);
    connect(m_delimiter, &QComboBox::currentTextChanged, this, [this] {
        if (!m_setting) m_debounce->start();
    });
    for (QLineEdit *edit : {m_nulls, m_sqliteTable, m_sqliteQuery})
        connect(edit, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    const auto add = [row](const QString &label, QWidget *w, int stretch = 0) {
        row->addWidget(new QLabel(label));
        row->addWidget(w, stretch);
    };
    add(tr("Format"), m_format);
    add(tr("Delimiter"), m_delimiter);
    add(tr("Quote"), m_quote);
    add(tr("Header"), m_header);
    add(tr("Nulls"), m_nulls, 1);
    row->addWidget(m_allStrings);
    m_sqliteBox = new QWidget;
    auto *sqliteRow = new QHBoxLayout(m_sqliteBox);
    sqliteRow->setContentsMargins(0, 0, 0, 0);
    sqliteRow->addWidget(new QLabel(tr("SQLite")));
    sqliteRow->addWidget(m_sqliteTable);
    sqliteRow->addWidget(m_sqliteQuery, 2);
    row->addWidget(m_sqliteBox, 2);
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
    options.sqliteTable = m_sqliteTable->text().trimmed();
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
    m_sqliteTable->setText(options.sqliteTable);
    m_sqliteQuery->setText(options.sqliteQuery);
    m_debounce->stop();
    m_setting = false;
}

void DialectBar::setDetectedSqlite(bool sqlite)
{
    m_detectedSqlite = sqlite;
    updateSqliteVisibility();
}

void DialectBar::userEdit()
{
    if (m_setting) return;
    m_debounce->stop();
    Q_EMIT edited();
}

void DialectBar::updateSqliteVisibility()
{
    m_sqliteBox->setVisible(m_detectedSqlite ||
                            m_format->currentData().toInt() == int(SourceFormat::Sqlite));
}

} // namespace sf::ui
