#include "data/bufferpool.h"

#include "core/sanitizer.h"

#include <algorithm>

namespace sf {

namespace {
constexpr bool kPooling = !kAddressSanitizer;
} // namespace

BufferPool::Lease &BufferPool::Lease::operator=(Lease &&other) noexcept
{
    if (this != &other) {
        release();
        m_pool = std::exchange(other.m_pool, nullptr);
        m_buffer = std::exchange(other.m_buffer, Buffer{});
    }
    return *this;
}

void BufferPool::Lease::release()
{
    if (m_pool && m_buffer.data()) m_pool->giveBack(std::move(m_buffer));
    m_pool = nullptr;
    m_buffer = Buffer{};
}

BufferPool::Lease BufferPool::take(std::size_t size)
{
    Buffer buffer;
    {
        std::lock_guard lock(m_mutex);
        // The smallest kept buffer that is large enough; else the largest, to grow.
        auto best = m_free.end();
        for (auto it = m_free.begin(); it != m_free.end(); ++it) {
            if (best == m_free.end()) best = it;
            else if (it->capacity() >= size)
                best = best->capacity() < size || it->capacity() < best->capacity() ? it : best;
            else if (best->capacity() < size && it->capacity() > best->capacity())
                best = it;
        }
        if (best != m_free.end()) {
            buffer = std::move(*best);
            m_free.erase(best);
        }
    }
    if (buffer.capacity() < size) {
        // Grow with some headroom: chunks of one run differ a little in bytes.
        buffer = Buffer(std::max(size, buffer.capacity() + buffer.capacity() / 4));
    }
    return Lease(this, std::move(buffer));
}

void BufferPool::giveBack(Buffer buffer)
{
    if (!kPooling) return;
    std::lock_guard lock(m_mutex);
    if (m_free.size() < kKeep) {
        m_free.push_back(std::move(buffer));
        return;
    }
    // Full: keep the larger of the new one and the smallest kept one.
    auto smallest = std::min_element(m_free.begin(), m_free.end(), [](const Buffer &a, const Buffer &b) {
        return a.capacity() < b.capacity();
    });
    if (smallest->capacity() < buffer.capacity()) *smallest = std::move(buffer);
}

} // namespace sf
