#include "core/prefault.h"

#include <algorithm>
#include <cstdint>
#include <new>
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

// Under AddressSanitizer every block comes from operator new, so reads past a chunk buffer's
// end are still reported.
#if defined(__SANITIZE_ADDRESS__)
#define SF_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SF_ASAN 1
#endif
#endif
#ifndef SF_ASAN
#define SF_ASAN 0
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

PageBlock allocatePages(std::size_t bytes)
{
    PageBlock block;
#if defined(__linux__) && !SF_ASAN
    constexpr std::size_t kHuge = std::size_t(2) << 20;
    if (bytes >= kHuge / 2) {
        block.bytes = (bytes + kHuge - 1) & ~(kHuge - 1);
        // Map one huge page more than needed and trim both ends to the alignment.
        const std::size_t span = block.bytes + kHuge;
        void *raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED) throw std::bad_alloc();
        const std::uintptr_t begin = std::uintptr_t(raw);
        const std::uintptr_t aligned = (begin + kHuge - 1) & ~(kHuge - 1);
        if (aligned > begin) munmap(raw, aligned - begin);
        const std::uintptr_t end = aligned + block.bytes;
        if (begin + span > end) munmap(reinterpret_cast<void *>(end), begin + span - end);
        block.data = reinterpret_cast<void *>(aligned);
        block.mapped = true;
#if defined(MADV_HUGEPAGE)
        (void)madvise(block.data, block.bytes, MADV_HUGEPAGE); // EINVAL without THP: small pages
#endif
        return block;
    }
#endif
    block.bytes = std::max<std::size_t>(bytes, 1);
    block.data = ::operator new(block.bytes);
    return block;
}

void freePages(const PageBlock &block)
{
    if (!block.data) return;
#if defined(__linux__) && !SF_ASAN
    if (block.mapped) {
        munmap(block.data, block.bytes);
        return;
    }
#endif
    ::operator delete(block.data);
}

} // namespace sf
