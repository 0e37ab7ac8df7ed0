#include "worker_pool.hpp"

#include <algorithm>
#include <utility>

namespace caspio::mock {

namespace {
thread_local bool refusing_thread = false;
}  // namespace

bool WorkerPool::refusing() noexcept {
  return refusing_thread;
}

WorkerPool::WorkerPool(std::size_t initial, std::size_t maximum, bool refuse_when_full)
    : maximum_(std::max<std::size_t>(1, maximum)), refuse_when_full_(refuse_when_full) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::size_t i = 0; i < std::min(initial, maximum_); ++i) start_worker();
}

WorkerPool::~WorkerPool() {
  shutdown();
}

void WorkerPool::enqueue(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (refuse_when_full_ && !stopping_ && jobs_.size() >= idle_ && workers_.size() >= maximum_) {
      // No worker will be free soon enough: answered at once (503) instead of timing out.
      refused_.push_back(std::move(job));
      if (!refuser_.joinable()) refuser_ = std::thread([this] { refuse(); });
      refuse_ready_.notify_one();
      return;
    }
    jobs_.push_back(std::move(job));
    // Queued jobs beyond the idle workers would wait: one more worker each, within the maximum.
    if (!stopping_ && jobs_.size() > idle_ && workers_.size() < maximum_) start_worker();
  }
  ready_.notify_one();
}

void WorkerPool::shutdown() {
  std::vector<std::thread> workers;
  std::thread refuser;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    workers.swap(workers_);
    refuser.swap(refuser_);
  }
  ready_.notify_all();
  refuse_ready_.notify_all();
  for (auto& worker : workers) worker.join();
  if (refuser.joinable()) refuser.join();
}

void WorkerPool::refuse() {
  refusing_thread = true;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    refuse_ready_.wait(lock, [this] { return stopping_ || !refused_.empty(); });
    if (refused_.empty()) return;  // stopping, nothing left to answer
    std::function<void()> job = std::move(refused_.front());
    refused_.pop_front();
    lock.unlock();
    job();
    lock.lock();
  }
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
