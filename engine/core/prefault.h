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

// Marks the whole 2 MiB pages inside [p, p + bytes) of a large allocation not yet written
// (malloc's, say: a QList reserved for millions of cells) for transparent huge pages, so its
// first writes fault once per 2 MiB instead of once per 4 KiB. Under 4 MiB, under
// AddressSanitizer, or where THP is off, nothing happens.
void adviseHugePages(void *p, std::size_t bytes);
// v.reserve(n), with the storage marked as adviseHugePages() says: for vectors filled once
// with millions of elements.
template <class Vector> void reserveHuge(Vector &v, std::size_t n)
{
    v.reserve(n);
    adviseHugePages(v.data(), v.capacity() * sizeof(*v.data()));
}

// Memory for large buffers that live long and are written whole (chunk reads), freed with the
// object; moves leave the source empty, and the bytes start uninitialised. From 1 MiB on it is
// whole 2 MiB huge pages, aligned to them and marked for transparent huge pages
// (MADV_HUGEPAGE), so its first writes fault once per 2 MiB instead of once per 4 KiB (0.26
// against 14 µs per 4 KiB on the AMD PVM guest); where THP is off the kernel backs it with
// small pages as usual. Smaller sizes come from operator new (a huge page would hold far more
// than asked), and so does everything under AddressSanitizer. Throws std::bad_alloc.
class PageBuffer {
public:
    PageBuffer() = default;
    explicit PageBuffer(std::size_t bytes);
    PageBuffer(PageBuffer &&other) noexcept { swap(other); }
    PageBuffer &operator=(PageBuffer &&other) noexcept
    {
        PageBuffer(std::move(other)).swap(*this);
        return *this;
    }
    PageBuffer(const PageBuffer &) = delete;
    PageBuffer &operator=(const PageBuffer &) = delete;
    ~PageBuffer();

    char *data() const { return m_data; }
    std::size_t capacity() const { return m_bytes; } // usable, >= what was asked for

private:
    void swap(PageBuffer &other) noexcept
    {
        std::swap(m_data, other.m_data);
        std::swap(m_bytes, other.m_bytes);
        std::swap(m_mapped, other.m_mapped);
    }

    char *m_data = nullptr;
    std::size_t m_bytes = 0;
    bool m_mapped = false; // mmap'd (else operator new)
};

// Memory for containers that grow large (hash tables' slots, a group-by's per-group arrays):
// blocks of 4 MiB and more as PageBuffer takes them (whole 2 MiB huge pages, `bytes` rounded
// up), smaller ones and everything under AddressSanitizer from operator new. A table of a
// million groups grows through hundreds of MB, each first write a fault per 4 KiB page
// otherwise. Free with releaseLarge and the same `bytes`. Throws std::bad_alloc.
void *allocateLarge(std::size_t bytes);
void releaseLarge(void *p, std::size_t bytes) noexcept;

template <class T> struct LargeAllocator {
    using value_type = T;
    LargeAllocator() = default;
    template <class U> LargeAllocator(const LargeAllocator<U> &) noexcept {}
    T *allocate(std::size_t n) { return static_cast<T *>(allocateLarge(n * sizeof(T))); }
    void deallocate(T *p, std::size_t n) noexcept { releaseLarge(p, n * sizeof(T)); }
    template <class U> bool operator==(const LargeAllocator<U> &) const noexcept { return true; }
};

} // namespace sf
