// superflow-cli entry point: a QCoreApplication, no display needed.
#include "clicommand.h"
#include "translations.h"
#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    // Messages follow the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), like other
    // command-line tools; JSON and CSV output is the same in every language.
    sf::i18n::Translations::install(&app, QString(), false);
    return sf::cli::runCli(app.arguments());
}
