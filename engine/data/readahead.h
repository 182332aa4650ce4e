#pragma once
// Consecutive windows of a range of a file, in order, read on a helper thread one window ahead
// of the consumer: the copy from the page cache (about half of a CSV index scan's time on the
// 2-core guests of BENCHMARKS.md) overlaps the consumer's work on the window before. Without the
// helper (`ahead` false: small ranges, where a thread costs more than it saves) each window is
// read when asked for. Each window has kHeadroom writable bytes before it, where a consumer can
// put the unfinished end of the previous window to scan across the boundary.
#include "core/prefault.h"
#include "data/mappedfile.h"
#include <QString>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace sf {

class ReadAhead {
public:
    static constexpr std::size_t kHeadroom = 64;

    struct Window {
        char *data = nullptr;    // first byte; data[-kHeadroom, 0) is free for the caller
        std::size_t size = 0;
        std::int64_t offset = 0; // file offset of data[0]
        bool last = false;       // the range ends with this window
    };

    // [begin, end) of `file` in windows of `window` bytes (at least 1). `file` must outlive this.
    ReadAhead(const MappedFile &file, std::int64_t begin, std::int64_t end, std::size_t window,
              bool ahead);
    ~ReadAhead(); // stops the helper and waits for it
    ReadAhead(const ReadAhead &) = delete;
    ReadAhead &operator=(const ReadAhead &) = delete;

    // The next window (an empty range is one empty last window). False, with `error` set, when
    // it could not be read. A window's memory is valid until the next call.
    bool next(Window *out, QString *error);

private:
    struct Slot {
        PageBuffer buffer; // kHeadroom + window bytes
        std::size_t size = 0;
        bool ok = true;
        QString error;
    };
    std::int64_t windowOffset(std::int64_t k) const { return m_begin + k * std::int64_t(m_window); }
    std::size_t windowSize(std::int64_t k) const;
    void fill(std::int64_t k); // reads window k into its slot
    void produce();            // the helper thread's loop

    const MappedFile &m_file;
    const std::int64_t m_begin;
    const std::int64_t m_end;
    const std::size_t m_window;
    const std::int64_t m_count; // windows in the range (at least 1)
    Slot m_slots[2];            // window k lives in m_slots[k % 2]
    std::int64_t m_next = 0;    // the window next() hands out next

    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::int64_t m_produced = 0; // windows read so far (helper)
    std::int64_t m_released = 0; // windows the consumer is done with
    bool m_stop = false;
    std::thread m_helper;
};

} // namespace sf
