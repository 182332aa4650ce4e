#pragma once
// Fresh anonymous memory costs one page fault per 4 KiB page at its first write; on virtual
// machines each fault is a trap that costs several µs (measured 9.8 µs on the AMD PVM guest,
// against 5.0 µs per page when the kernel backs a whole range in one call). Tables that grow
// by large blocks ask for that once per block.
#include <cstddef>
#include <utility>

namespace sf {

// Asks the kernel to back the whole pages inside [p, p + bytes) with writable memory now
// (MADV_POPULATE_WRITE, Linux >= 5.14). Ranges under 64 KiB are left alone (a few faults
// cost less than the call); where the kernel lacks it, nothing happens and the pages fault
// on first use as usual. Already backed pages are left as they are.
void prefaultForWrite(void *p, std::size_t bytes);

// Memory for large buffers that live long and are written whole (chunk reads): from 1 MiB on,
// whole 2 MiB huge pages, aligned to them and marked for transparent huge pages
// (MADV_HUGEPAGE), so its first writes fault once per 2 MiB instead of once per 4 KiB (0.26
// against 14 µs per 4 KiB on the AMD PVM guest); where THP is off the kernel backs it with
// small pages as usual. Smaller sizes come from operator new (a huge page would hold far more
// than asked), and so does everything under AddressSanitizer. Never null; throws
// std::bad_alloc.
struct PageBlock {
    void *data = nullptr;
    std::size_t bytes = 0; // usable, >= what was asked for
    bool mapped = false;   // mmap'd (else operator new)
};
PageBlock allocatePages(std::size_t bytes);
void freePages(const PageBlock &block);

// An allocatePages block that frees itself; moves leave the source empty. Its bytes start
// uninitialised.
class PageBuffer {
public:
    PageBuffer() = default;
    explicit PageBuffer(std::size_t bytes) : m_block(allocatePages(bytes)) {}
    PageBuffer(PageBuffer &&other) noexcept : m_block(std::exchange(other.m_block, PageBlock{})) {}
    PageBuffer &operator=(PageBuffer &&other) noexcept
    {
        if (this != &other) {
            freePages(m_block);
            m_block = std::exchange(other.m_block, PageBlock{});
        }
        return *this;
    }
    PageBuffer(const PageBuffer &) = delete;
    PageBuffer &operator=(const PageBuffer &) = delete;
    ~PageBuffer() { freePages(m_block); }

    char *data() const { return static_cast<char *>(m_block.data); }
    std::size_t capacity() const { return m_block.bytes; }

private:
    PageBlock m_block;
};

} // namespace sf
