#pragma once

#include <atomic>
#include <thread>
#include <vector>

namespace carto::extract {

// Runs f(index, thread) for index in [0, count) on up to `threads` threads
// (the calling thread is thread 0). Items are handed out one at a time, so the
// per-item work may be uneven; f must only write state owned by its item or
// by its thread.
template <typename F>
void parallelFor(int count, int threads, F &&f)
{
    std::atomic<int> next{0};
    auto worker = [&](int thread) {
        for (int i = next.fetch_add(1); i < count; i = next.fetch_add(1))
            f(i, thread);
    };
    if (threads <= 1 || count <= 1) {
        worker(0);
        return;
    }
    std::vector<std::jthread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker, t);
    worker(0);
}

} // namespace carto::extract
