#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace sf::i18n {

namespace {

// Where qt_add_translations embeds the .qm files (RESOURCE_PREFIX in app/i18n/CMakeLists.txt).
const QString &catalogueDir()
{
    static const QString dir = QStringLiteral(":/superflow/i18n");
    return dir;
}

const QString &translatorName()
{
    static const QString name = QStringLiteral("sf_translator");
    return name;
}

// Same language and script: zh_SG shares zh_CN's Simplified catalogue, zh_TW does not.
bool sameLanguage(const QLocale &a, const QLocale &b)
{
    return a.language() == b.language() && a.script() == b.script();
}

void installFile(QCoreApplication *app, const QString &path)
{
    auto *translator = new QTranslator(app);
    translator->setObjectName(translatorName());
    if (!translator->load(path) || !QCoreApplication::installTranslator(translator))
        delete translator;
}

} // namespace

QStringList Translations::available()
{
    QStringList languages;
    const QStringList files =
        QDir(catalogueDir()).entryList({QStringLiteral("superflow_*.qm")}, QDir::Files, QDir::Name);
    const qsizetype prefix = qsizetype(qstrlen("superflow_"));
    for (const QString &file : files)
        languages << file.mid(prefix, file.size() - prefix - 3);
    return languages;
}

QString Translations::resolve(const QString &language)
{
    const QStringList wanted =
        language.isEmpty() ? QLocale::system().uiLanguages() : QStringList{language};
    const QStringList catalogues = available();
    for (const QString &code : wanted) {
        const QLocale locale(code);
        if (locale.language() == QLocale::English || locale.language() == QLocale::C)
            return QStringLiteral("en");
        for (const QString &catalogue : catalogues)
            if (sameLanguage(locale, QLocale(catalogue))) return catalogue;
    }
    return QStringLiteral("en");
}

QString Translations::install(QCoreApplication *app, const QString &language, bool withQt)
{
    const QList<QTranslator *> old =
        app->findChildren<QTranslator *>(translatorName(), Qt::FindDirectChildrenOnly);
    for (QTranslator *t : old) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    const QString chosen = resolve(language);
    if (chosen == QLatin1String("en")) return chosen;
    installFile(app,
                catalogueDir() + QStringLiteral("/superflow_") + chosen + QStringLiteral(".qm"));
    // Debian ships it in qt6-translations-l10n (a Recommends); without it Qt's own buttons
    // stay English.
    if (withQt)
        installFile(app, QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                             QStringLiteral("/qtbase_") + chosen + QStringLiteral(".qm"));
    return chosen;
}

QString Translations::nativeName(const QString &language)
{
    const QLocale locale(language);
    // CLDR names en "American English"; the chooser means the language, not the variant.
    if (locale.language() == QLocale::English) return QStringLiteral("English");
    if (locale.language() == QLocale::Chinese)
        return locale.script() == QLocale::TraditionalHanScript ? QStringLiteral("繁體中文")
                                                                : QStringLiteral("简体中文");
    const QString name = locale.nativeLanguageName();
    return name.isEmpty() ? language : name.left(1).toUpper() + name.mid(1);
}

} // namespace sf::i18n
