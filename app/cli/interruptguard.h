#pragma once
// Turns Ctrl-C (SIGINT) into a flag the polling loop reads, so a run is cancelled cleanly and
// its timings and trace are still written. Installed for the lifetime of the guard; a second
// Ctrl-C while cancelling falls back to the default action (terminate).
#include <atomic>
#include <csignal>

namespace sf::cli {

class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

    static bool interrupted();
    // For engine calls that take a cancel flag (DataSource opening).
    static const std::atomic<bool> *flag();

private:
    struct sigaction m_previous;
};

} // namespace sf::cli
