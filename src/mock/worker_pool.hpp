// The emulator's connection workers: a cpp-httplib task queue that grows with the open
// connections, so a client with many requests in flight is never queued behind idle keep-alive
// connections.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace caspio::mock {

/// Runs each accepted connection on a worker thread. Starts `initial` workers and adds one
/// whenever a connection arrives while every worker is busy, up to `maximum`; beyond that,
/// connections wait for a free worker, or with `refuse_when_full` are run at once on a refusing
/// thread (refusing() is true there: HttpServer answers them 503). Workers live until shutdown().
class WorkerPool final : public httplib::TaskQueue {
 public:
  WorkerPool(std::size_t initial, std::size_t maximum, bool refuse_when_full = false);
  ~WorkerPool() override;
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Queues `job`, adding a worker if none is idle and the maximum allows.
  void enqueue(std::function<void()> job) override;
  /// Lets the workers finish the queued jobs, then joins them.
  void shutdown() override;
  /// True on the thread running a connection the pool has no room for.
  static bool refusing() noexcept;

 private:
  void start_worker();  // with mutex_ held
  void work();
  void refuse();  // the refusing thread

  const std::size_t maximum_;
  const bool refuse_when_full_;
  std::deque<std::function<void()>> refused_;  // jobs for the refusing thread
  std::condition_variable refuse_ready_;
  std::thread refuser_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace caspio::mock
