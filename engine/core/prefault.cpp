#include "core/prefault.h"

#include "core/sanitizer.h"

#include <algorithm>
#include <cstdint>
#include <new>
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

namespace {

constexpr std::size_t kHuge = std::size_t(2) << 20;

#if defined(__linux__)
// `rounded` bytes (a multiple of kHuge) aligned to kHuge and marked for transparent huge pages.
void *mapHuge(std::size_t rounded)
{
    // Map one huge page more than needed and trim both ends to the alignment.
    const std::size_t span = rounded + kHuge;
    void *raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    const std::uintptr_t begin = std::uintptr_t(raw);
    const std::uintptr_t aligned = (begin + kHuge - 1) & ~(kHuge - 1);
    if (aligned > begin) munmap(raw, aligned - begin);
    const std::uintptr_t end = aligned + rounded;
    if (begin + span > end) munmap(reinterpret_cast<void *>(end), begin + span - end);
#if defined(MADV_HUGEPAGE)
    (void)madvise(reinterpret_cast<void *>(aligned), rounded, MADV_HUGEPAGE); // EINVAL: no THP
#endif
    return reinterpret_cast<void *>(aligned);
}
#endif

constexpr std::size_t roundedHuge(std::size_t bytes)
{
    return (bytes + kHuge - 1) & ~(kHuge - 1);
}

constexpr std::size_t kLargeBytes = std::size_t(4) << 20;

bool mappedLarge(std::size_t bytes)
{
#if defined(__linux__)
    return !kAddressSanitizer && bytes >= kLargeBytes;
#else
    (void)bytes;
    return false;
#endif
}

} // namespace

void adviseHugePages(void *p, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (!p || !mappedLarge(bytes)) return;
    const std::uintptr_t begin = (std::uintptr_t(p) + kHuge - 1) & ~(kHuge - 1);
    const std::uintptr_t end = (std::uintptr_t(p) + bytes) & ~(kHuge - 1);
    if (end > begin) (void)madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}

PageBuffer::PageBuffer(std::size_t bytes)
{
#if defined(__linux__)
    if (!kAddressSanitizer && bytes >= kHuge / 2) {
        m_bytes = roundedHuge(bytes);
        m_data = static_cast<char *>(mapHuge(m_bytes));
        m_mapped = true;
        return;
    }
#endif
    m_bytes = std::max<std::size_t>(bytes, 1);
    m_data = static_cast<char *>(::operator new(m_bytes));
}

PageBuffer::~PageBuffer()
{
    if (!m_data) return;
#if defined(__linux__)
    if (m_mapped) {
        munmap(m_data, m_bytes);
        return;
    }
#endif
    ::operator delete(m_data);
}

void *allocateLarge(std::size_t bytes)
{
#if defined(__linux__)
    if (mappedLarge(bytes)) return mapHuge(roundedHuge(bytes));
#endif
    return ::operator new(std::max<std::size_t>(bytes, 1));
}

void releaseLarge(void *p, std::size_t bytes) noexcept
{
    if (!p) return;
#if defined(__linux__)
    if (mappedLarge(bytes)) {
        munmap(p, roundedHuge(bytes));
        return;
    }
#endif
    ::operator delete(p);
}

} // namespace sf
