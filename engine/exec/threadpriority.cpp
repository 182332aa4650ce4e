#include "exec/threadpriority.h"

#include <algorithm>
#if defined(__linux__)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace sf {

#if defined(__linux__)
namespace {
id_t currentTid()
{
    return id_t(syscall(SYS_gettid));
}
} // namespace

void lowerCurrentThreadPriority(int increment)
{
    if (increment <= 0) return;
    // PRIO_PROCESS with a thread id addresses that thread alone (setpriority(2), NOTES); the
    // process id names the main thread, whose value the workers would have inherited.
    errno = 0;
    const int base = getpriority(PRIO_PROCESS, id_t(getpid()));
    if (errno != 0) return;
    const int target = std::min(19, base + increment);
    if (target > currentThreadNice()) (void)setpriority(PRIO_PROCESS, currentTid(), target);
}

int currentThreadNice()
{
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, currentTid());
    return errno == 0 ? nice : 0;
}
#else
void lowerCurrentThreadPriority(int) {}
int currentThreadNice()
{
    return 0;
}
#endif

} // namespace sf
