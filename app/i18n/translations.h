#pragma once
// Which language superflow and superflow-cli speak: installs the embedded Superflow catalogue
// (and, for the workbench, Qt's own catalogue for the dialogs Qt draws) for the chosen language,
// or for the first of the system's UI languages that has one. English is the source language:
// when it comes first, or nothing matches, the untranslated English texts are shown.
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace sf::i18n {

class Translations {
public:
    // The languages with a catalogue, besides English, e.g. {"zh_CN"}.
    static QStringList available();
    // The catalogue `language` ("" = the system's UI languages, "en", "zh_CN", "zh-Hans-CN")
    // resolves to: one of available(), or "en".
    static QString resolve(const QString &language);
    // Installs the catalogues for resolve(`language`) on `app`, which owns them (a second call
    // replaces the first), and returns the language now in use. `withQt` adds qtbase's catalogue.
    static QString install(QCoreApplication *app, const QString &language, bool withQt);
    // The language's name in that language, for the language chooser: "English", "简体中文".
    static QString nativeName(const QString &language);
};

} // namespace sf::i18n
