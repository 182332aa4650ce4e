#pragma once
// Byte buffers that readers borrow and give back, so a run's chunk reads reuse the memory the
// previous chunks' reads already faulted in, instead of fresh pages for every chunk; a new
// buffer is backed by huge pages (core/prefault.h's PageBuffer). Thread-safe; at most a few
// buffers are kept (one per reader alive at once, up to kKeep).
//
// Under AddressSanitizer nothing is kept: a view that outlives its reader then reads freed
// memory, which ASan reports, instead of silently reading the next chunk's bytes.
#include "core/prefault.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace sf {

class BufferPool {
public:
    using Buffer = PageBuffer;

    // A borrowed buffer of at least the size asked for; given back when destroyed.
    class Lease {
    public:
        Lease() = default;
        Lease(BufferPool *pool, Buffer buffer) : m_pool(pool), m_buffer(std::move(buffer)) {}
        Lease(Lease &&other) noexcept { *this = std::move(other); }
        Lease &operator=(Lease &&other) noexcept;
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        ~Lease() { release(); }

        char *data() const { return m_buffer.data(); }

    private:
        void release();
        BufferPool *m_pool = nullptr;
        Buffer m_buffer;
    };

    static constexpr std::size_t kKeep = 8;

    Lease take(std::size_t size);

private:
    void giveBack(Buffer buffer);

    std::mutex m_mutex;
    std::vector<Buffer> m_free;
};

} // namespace sf
