#include "worker_pool.hpp"

#include <algorithm>
#include <utility>

namespace caspio::mock {

WorkerPool::WorkerPool(std::size_t initial, std::size_t maximum)
    : maximum_(std::max<std::size_t>(1, maximum)) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::size_t i = 0; i < std::min(initial, maximum_); ++i) start_worker();
}

WorkerPool::~WorkerPool() {
  shutdown();
}

void WorkerPool::enqueue(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(job));
    // Queued jobs beyond the idle workers would wait: one more worker each, within the maximum.
    if (!stopping_ && jobs_.size() > idle_ && workers_.size() < maximum_) start_worker();
  }
  ready_.notify_one();
}

void WorkerPool::shutdown() {
  std::vector<std::thread> workers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    workers.swap(workers_);
  }
  ready_.notify_all();
  for (auto& worker : workers) worker.join();
}

void WorkerPool::start_worker() {
  ++idle_;  // idle from the start: a job queued before it first waits is still its to take
  workers_.emplace_back([this] { work(); });
}

void WorkerPool::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) return;  // stopping, nothing left to run
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    --idle_;
    lock.unlock();
    job();
    lock.lock();
    ++idle_;
  }
}

}  // namespace caspio::mock
