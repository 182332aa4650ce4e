#pragma once
// The translation context of superflow-cli's messages: Cli::tr("...") marks a text for lupdate
// and translates it at run time (resources/translations/*.ts, context "Cli"). Only texts for
// people go through it: option names, JSON keys and CSV headers stay as they are.
#include <QCoreApplication>

namespace sf::cli {

class Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

} // namespace sf::cli
