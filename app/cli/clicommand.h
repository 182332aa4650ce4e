#pragma once
// Parses superflow-cli's command line and runs the chosen command; returns the exit code
// (0 ok, 2 usage, 3 input, 4 task failed, 130 interrupted).
#include <QStringList>

namespace sf::cli {

int runCli(const QStringList &arguments);

} // namespace sf::cli
