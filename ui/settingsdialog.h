#pragma once
// Preferences… (Ctrl+,): theme, language, the Run setup page's default workers and chunk size,
// and where the run history lives and how many runs it keeps. The theme applies while the
// dialog is open (Cancel puts the old one back); the language applies on the next start; the
// rest is stored on OK.
#include "settings.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace sf::ui {

class ChunkSizeEdit;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    // Stores every field in Settings (what OK does); false, with the reason shown, when a
    // field is invalid.
    bool save();
    void restoreDefaults();
    // Why OK is disabled, or empty.
    QString validationError() const;

    void accept() override;
    void reject() override;

private:
    void load();
    void validate();
    void browseHistory();
    void updateLanguageNote();
    Settings::Theme selectedTheme() const;

    QComboBox *m_theme;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QSpinBox *m_workers;
    ChunkSizeEdit *m_chunk;
    QLineEdit *m_historyPath;
    QSpinBox *m_historyMaxRuns;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    Settings::Theme m_themeOnOpen;
    QString m_languageOnOpen;
};

} // namespace sf::ui
