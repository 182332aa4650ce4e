#include "settingsdialog.h"
#include "chunksizeedit.h"

#include "theme.h"
#include "translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace sf::ui {

namespace {

constexpr int kMaxHistoryRuns = 1000000;

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_theme(new QComboBox)
    , m_language(new QComboBox)
    , m_languageNote(new QLabel)
    , m_workers(new QSpinBox)
    , m_chunk(new ChunkSizeEdit)
    , m_historyPath(new QLineEdit)
    , m_historyMaxRuns(new QSpinBox)
    , m_error(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                     QDialogButtonBox::RestoreDefaults))
    , m_themeOnOpen(Settings::theme())
    , m_languageOnOpen(Settings::language())
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("System"), int(Settings::Theme::System));
    m_theme->addItem(tr("Light"), int(Settings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Settings::Theme::Dark));
    m_language->setObjectName(QStringLiteral("language"));
    // Language names are written in their own language, so anyone can find theirs.
    m_language->addItem(
        tr("System (%1)").arg(i18n::Translations::nativeName(i18n::Translations::resolve({}))),
        QString());
    m_language->addItem(i18n::Translations::nativeName(QStringLiteral("en")), QStringLiteral("en"));
    for (const QString &code : i18n::Translations::available())
        m_language->addItem(i18n::Translations::nativeName(code), code);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);

    auto *appearance = new QGroupBox(tr("Appearance"));
    auto *appearanceForm = new QFormLayout(appearance);
    appearanceForm->addRow(tr("&Theme:"), m_theme);
    appearanceForm->addRow(tr("&Language:"), m_language);
    appearanceForm->addRow(QString(), m_languageNote);

    const int cores = qMax(1, QThread::idealThreadCount());
    m_workers->setObjectName(QStringLiteral("workers"));
    m_workers->setRange(0, 4 * cores);
    m_workers->setSpecialValueText(tr("One per core (%1)").arg(cores));
    m_workers->setToolTip(tr("Worker threads a new run starts with"));
    auto *runs = new QGroupBox(tr("Run defaults"));
    auto *runForm = new QFormLayout(runs);
    runForm->addRow(tr("&Workers:"), m_workers);
    runForm->addRow(tr("&Chunk size:"), m_chunk);

    m_historyPath->setObjectName(QStringLiteral("historyPath"));
    m_historyPath->setPlaceholderText(Settings::defaultHistoryPath());
    m_historyPath->setToolTip(tr("Run history database; empty for the default"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("browseHistory"));
    auto *historyRow = new QHBoxLayout;
    historyRow->addWidget(m_historyPath, 1);
    historyRow->addWidget(browse);
    m_historyMaxRuns->setObjectName(QStringLiteral("historyMaxRuns"));
    m_historyMaxRuns->setRange(1, kMaxHistoryRuns);
    m_historyMaxRuns->setSuffix(tr(" runs"));
    m_historyMaxRuns->setToolTip(tr("The oldest runs are dropped beyond this many"));
    auto *history = new QGroupBox(tr("Run history"));
    auto *historyForm = new QFormLayout(history);
    auto *historyLabel = new QLabel(tr("&Location:"));
    historyLabel->setBuddy(m_historyPath);
    historyForm->addRow(historyLabel, historyRow);
    historyForm->addRow(tr("&Keep at most:"), m_historyMaxRuns);

    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(appearance);
    layout->addWidget(runs);
    layout->addWidget(history);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    // Wide enough for the default history path in the placeholder.
    setMinimumWidth(
        qMax(560, fontMetrics().horizontalAdvance(Settings::defaultHistoryPath()) + 200));

    load();

    connect(m_theme, &QComboBox::currentIndexChanged, this,
            [this] { applyTheme(selectedTheme()); });
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLanguageNote);
    connect(m_chunk, &ChunkSizeEdit::changed, this, &SettingsDialog::validate);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseHistory);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);
}

void SettingsDialog::load()
{
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(int(Settings::theme()))));
    m_language->setCurrentIndex(qMax(0, m_language->findData(Settings::language())));
    m_workers->setValue(Settings::defaultWorkers());
    const PartitionSpec::Unit unit = Settings::defaultChunkUnit();
    m_chunk->setChunk(unit, Settings::defaultChunkSize());
    const QString history = Settings::historyPath();
    m_historyPath->setText(history == Settings::defaultHistoryPath() ? QString() : history);
    m_historyMaxRuns->setValue(Settings::historyMaxRuns());
    updateLanguageNote();
    validate();
}

void SettingsDialog::restoreDefaults()
{
    m_theme->setCurrentIndex(m_theme->findData(int(Settings::Theme::System)));
    m_language->setCurrentIndex(0);
    m_workers->setValue(0);
    m_chunk->setChunk(PartitionSpec::Unit::Rows,
                      Settings::builtinChunkSize(PartitionSpec::Unit::Rows));
    m_historyPath->clear();
    m_historyMaxRuns->setValue(Settings::kDefaultHistoryMaxRuns);
}

Settings::Theme SettingsDialog::selectedTheme() const
{
    return Settings::Theme(m_theme->currentData().toInt());
}

QString SettingsDialog::validationError() const
{
    std::int64_t size = 0;
    const auto unit = m_chunk->unit();
    if (!ChunkSizeEdit::parse(unit, m_chunk->text(), &size))
        return unit == PartitionSpec::Unit::Rows
                   ? tr("The chunk size must be a positive number of rows.")
                   : tr("The chunk size must be a size such as 4MiB, 512k or 100000.");
    const QString history = m_historyPath->text().trimmed();
    if (!history.isEmpty() && QFileInfo(history).isDir())
        return tr("The history location must be a file, not a folder.");
    return QString();
}

void SettingsDialog::validate()
{
    const QString error = validationError();
    m_error->setText(error);
    m_error->setStyleSheet(errorTextStyle());
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

void SettingsDialog::updateLanguageNote()
{
    const bool changed = m_language->currentData().toString() != m_languageOnOpen;
    m_languageNote->setText(changed ? tr("The new language takes effect when Superflow is "
                                         "restarted.")
                                    : tr("Takes effect when Superflow is restarted."));
    QFont font = m_languageNote->font();
    font.setBold(changed);
    m_languageNote->setFont(font);
}

void SettingsDialog::browseHistory()
{
    const QString current = m_historyPath->text().trimmed();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Run history location"),
                                     current.isEmpty() ? Settings::defaultHistoryPath() : current,
                                     tr("SQLite databases (*.sqlite *.db);;All files (*)"), nullptr,
                                     QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) m_historyPath->setText(path);
}

bool SettingsDialog::save()
{
    validate();
    if (!validationError().isEmpty()) return false;
    std::int64_t size = 0;
    const auto unit = m_chunk->unit();
    ChunkSizeEdit::parse(unit, m_chunk->text(), &size);
    Settings::setTheme(selectedTheme());
    Settings::setLanguage(m_language->currentData().toString());
    Settings::setDefaultWorkers(m_workers->value());
    Settings::setDefaultChunk(unit, size);
    Settings::setHistoryPath(m_historyPath->text().trimmed());
    Settings::setHistoryMaxRuns(m_historyMaxRuns->value());
    m_themeOnOpen = selectedTheme();
    return true;
}

void SettingsDialog::accept()
{
    if (save()) QDialog::accept();
}

void SettingsDialog::reject()
{
    if (selectedTheme() != m_themeOnOpen) applyTheme(m_themeOnOpen);
    QDialog::reject();
}

} // namespace sf::ui
