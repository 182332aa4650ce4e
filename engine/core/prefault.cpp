#include "core/prefault.h"

#include <cstdint>
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace sf {

void prefaultForWrite(void *p, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    constexpr std::size_t kMinBytes = 64 * 1024;
    if (!p || bytes < kMinBytes) return;
    static const std::uintptr_t page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const std::uintptr_t begin = (std::uintptr_t(p) + page - 1) & ~(page - 1);
    const std::uintptr_t end = (std::uintptr_t(p) + bytes) & ~(page - 1);
    if (end <= begin) return;
    // Errors (EINVAL before Linux 5.14, ENOMEM under memory pressure) only mean the pages
    // fault one by one later, as without the call.
    (void)madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE);
#else
    (void)p;
    (void)bytes;
#endif
}

} // namespace sf
