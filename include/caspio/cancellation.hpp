#pragma once
/// @file
/// caspio::CancellationToken, to stop a long call (a read of every row, an export, a file
/// transfer) from another thread.

#include <atomic>
#include <memory>

namespace caspio {

/// A flag shared by its copies: cancel() on any copy is seen by every call that was given one
/// (through Client::with_cancellation). A cancelled call ends promptly with CancelledError,
/// between pages, before an attempt, during a backoff or in the middle of a transfer, and leaves
/// no partial file.
/// @par Thread safety
/// cancel() and cancelled() may be called from any thread.
class CancellationToken {
 public:
  /// A token not yet cancelled.
  CancellationToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  /// Asks every call that holds this token (or a copy) to stop.
  void cancel() const noexcept { flag_->store(true, std::memory_order_relaxed); }
  /// True once cancel() was called on this token or a copy.
  bool cancelled() const noexcept { return flag_->load(std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace caspio
