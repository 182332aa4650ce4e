#include "data/readahead.h"

#include <algorithm>

namespace sf {

ReadAhead::ReadAhead(const MappedFile &file, std::int64_t begin, std::int64_t end,
                     std::size_t window, bool ahead)
    : m_file(file)
    , m_begin(begin)
    , m_end(std::max(begin, end))
    , m_window(std::max<std::size_t>(1, window))
    , m_count(std::max<std::int64_t>(1, (m_end - m_begin + std::int64_t(m_window) - 1) /
                                            std::int64_t(m_window)))
{
    const std::size_t largest = std::size_t(std::min<std::int64_t>(std::int64_t(m_window), m_end - m_begin));
    for (Slot &s : m_slots)
        s.buffer = PageBuffer(kHeadroom + largest);
    if (ahead && m_count > 1) m_helper = std::thread([this] { produce(); });
}

ReadAhead::~ReadAhead()
{
    if (!m_helper.joinable()) return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_helper.join();
}

std::size_t ReadAhead::windowSize(std::int64_t k) const
{
    return std::size_t(std::min(m_end, windowOffset(k + 1)) - windowOffset(k));
}

void ReadAhead::fill(std::int64_t k)
{
    Slot &s = m_slots[k % 2];
    s.size = windowSize(k);
    s.error.clear();
    s.ok = m_file.read(windowOffset(k), s.size, s.buffer.data() + kHeadroom, &s.error);
}

void ReadAhead::produce()
{
    for (std::int64_t k = 0; k < m_count; ++k) {
        {
            // Window k goes where window k - 2 was: wait until the consumer is done with it.
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [&] { return m_stop || k - m_released < 2; });
            if (m_stop) return;
        }
        fill(k);
        bool ok;
        {
            std::lock_guard lock(m_mutex);
            m_produced = k + 1;
            ok = m_slots[k % 2].ok;
        }
        m_cv.notify_all();
        if (!ok) return;
    }
}

bool ReadAhead::next(Window *out, QString *error)
{
    const std::int64_t k = m_next++;
    if (k >= m_count) {
        if (error) *error = m_file.path() + QStringLiteral(": read past the end of the range");
        return false;
    }
    if (m_helper.joinable()) {
        std::unique_lock lock(m_mutex);
        m_released = k; // every window before this one
        m_cv.notify_all();
        m_cv.wait(lock, [&] { return m_produced > k; });
    } else {
        fill(k);
    }
    Slot &s = m_slots[k % 2];
    if (!s.ok) {
        if (error) *error = s.error;
        return false;
    }
    out->data = s.buffer.data() + kHeadroom;
    out->size = s.size;
    out->offset = windowOffset(k);
    out->last = k + 1 == m_count;
    return true;
}

} // namespace sf
