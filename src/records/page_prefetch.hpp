#pragma once
// Pages of a fetch-all read fetched ahead of the consumer on background threads: at most `ahead`
// pages held or in flight, handed out in page order exactly once, errors rethrown in place.

#include <climits>
#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace caspio {
namespace detail {

/// `ahead` threads load pages `first`, `first + 1`, … with `load` (at most `ahead` pages loaded
/// or loading that take() has not handed out yet) until a page `is_last` or fails. Destruction
/// stops the threads and joins them (a request in flight finishes first).
// Hidden: its worker lambdas instantiate std::thread templates that would otherwise be exported
// from the shared library with caspio::detail in their names.
template <typename Page>
class __attribute__((visibility("hidden"))) PagePrefetcher {
 public:
  /// Loads one page (1-based); may throw.
  using Load = std::function<Page(int)>;
  /// True for the page that ends the read (a short page).
  using IsLast = std::function<bool(const Page&)>;

  PagePrefetcher(Load load, IsLast is_last, int ahead, int first)
      : load_(std::move(load)),
        is_last_(std::move(is_last)),
        ahead_(ahead),
        next_(first),
        taken_(first - 1) {
    for (int i = 0; i < ahead; ++i) threads_.emplace_back([this] { work(); });
  }
  ~PagePrefetcher() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (auto& thread : threads_) thread.join();
  }
  PagePrefetcher(const PagePrefetcher&) = delete;
  PagePrefetcher& operator=(const PagePrefetcher&) = delete;

  /// Page `page` (the one after the last taken); rethrows its load error. A page past the last
  /// one is empty.
  Page take(int page) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] {
      const auto it = slots_.find(page);
      return page > last_ || (it != slots_.end() && it->second.ready);
    });
    const auto it = slots_.find(page);
    if (it == slots_.end()) return Page{};
    Slot slot = std::move(it->second);
    slots_.erase(it);
    taken_ = page;
    lock.unlock();
    changed_.notify_all();
    if (slot.error) std::rethrow_exception(slot.error);
    return std::move(slot.page);
  }

 private:
  struct Slot {
    bool ready = false;
    Page page{};
    std::exception_ptr error;
  };

  void work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return stop_ || next_ > last_ || next_ <= taken_ + ahead_; });
      if (stop_ || next_ > last_) return;
      const int page = next_++;
      slots_[page];
      lock.unlock();
      Slot done;
      try {
        done.page = load_(page);
      } catch (...) {
        done.error = std::current_exception();
      }
      const bool ends = done.error != nullptr || is_last_(done.page);
      done.ready = true;
      lock.lock();
      if (ends && page < last_) last_ = page;
      if (page <= last_) {
        slots_[page] = std::move(done);
      } else {
        slots_.erase(page);  // past the end: nobody will take it
      }
      changed_.notify_all();
    }
  }

  Load load_;
  IsLast is_last_;
  const int ahead_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<int, Slot> slots_;  // claimed and not taken
  int next_;                   // next page to claim
  int taken_;                  // last page handed out
  int last_ = INT_MAX;         // the page that ends the read, once known
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace detail
}  // namespace caspio
