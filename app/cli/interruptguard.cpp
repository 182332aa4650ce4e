#include "interruptguard.h"
#include <atomic>

namespace sf::cli {

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "flag must be async-signal-safe");

extern "C" void onSigint(int) {
    g_interrupted.store(true);
    // The next Ctrl-C gets the default action: a user pressing it twice means "now".
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGINT, &dfl, nullptr);
}

} // namespace

InterruptGuard::InterruptGuard() {
    g_interrupted.store(false);
    struct sigaction sa {};
    sa.sa_handler = onSigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, &m_previous);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &m_previous, nullptr);
}

const std::atomic<bool> *InterruptGuard::flag() {
    return &g_interrupted;
}

bool InterruptGuard::interrupted() {
    return g_interrupted.load();
}

} // namespace sf::cli
