#pragma once
// The run-wide flags every running task consults at its checkpoints: cancel and pause, with
// the condition variable a paused task sleeps on.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace sf {

struct RunControl {
    std::atomic<bool> cancelled{false};
    std::atomic<bool> paused{false};
    std::mutex pauseMutex;
    std::condition_variable pauseCv;

    // Blocks while paused and not cancelled; returns how long it slept (ns).
    std::int64_t waitWhilePaused()
    {
        const auto t0 = std::chrono::steady_clock::now();
        std::unique_lock lock(pauseMutex);
        pauseCv.wait(lock, [this] {
            return !paused.load(std::memory_order_relaxed) || cancelled.load(std::memory_order_relaxed);
        });
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count();
    }
    void wakePaused()
    {
        { std::lock_guard lock(pauseMutex); }
        pauseCv.notify_all();
    }
};

} // namespace sf
