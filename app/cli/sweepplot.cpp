#include "sweepplot.h"

#include <cstring>

namespace sf::cli {

namespace {
SweepPlotter &plotterSlot()
{
    static SweepPlotter plotter;
    return plotter;
}
} // namespace

void setSweepPlotter(SweepPlotter plotter)
{
    plotterSlot() = std::move(plotter);
}

const SweepPlotter &sweepPlotter()
{
    return plotterSlot();
}

bool argumentsWantPlot(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0) break;
        if (std::strcmp(argv[i], "--plot") == 0 || std::strncmp(argv[i], "--plot=", 7) == 0)
            return true;
    }
    return false;
}

} // namespace sf::cli
