#include "clicommand.h"
#include "superflow/version.h"
#include <cstdio>

namespace sf::cli {

int runCli(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--version"))) {
        std::printf("superflow-cli %s\n", SUPERFLOW_VERSION);
        return 0;
    }
    std::fprintf(stderr, "usage: superflow-cli ANALYSIS [options] DATASET\n");
    return 2;
}

} // namespace sf::cli
