// superflow-cli entry point: a QCoreApplication, no display needed.
#include "clicommand.h"
#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    return sf::cli::runCli(app.arguments());
}
