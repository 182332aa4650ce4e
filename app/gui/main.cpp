// superflow entry point: the Widgets workbench.
#include "superflow/version.h"
#include <QApplication>
#include <QCommandLineParser>
#include <QLabel>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Superflow"));
    QApplication::setApplicationVersion(QStringLiteral(SUPERFLOW_VERSION));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    QLabel label(QStringLiteral("Superflow"));
    label.show();
    return app.exec();
}
