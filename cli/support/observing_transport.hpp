#pragma once
/// @file
/// A transport decorator: counts the bytes of file transfers for the progress line, and lets a
/// transfer stop at Ctrl-C.

#include <cstdint>
#include <functional>
#include <memory>

#include <caspio/caspio.hpp>

namespace caspio_cli {

/// Told about the bytes of streamed bodies (uploads and downloads) as they move.
struct TransferMeter {
  /// Called with the bytes moved so far in this body and its total (0 when unknown).
  std::function<void(std::uint64_t done, std::uint64_t total)> on_bytes;
};

/// Wraps another transport. Streamed request bodies (uploads) and response sinks (downloads) are
/// wrapped to report their bytes to the meter; a download sink stops the transfer (throws) once
/// interrupted() is true. Everything else passes through untouched.
/// @par Thread safety
/// As the wrapped transport; the meter is called on the sending thread.
class ObservingTransport : public caspio::HttpTransport {
 public:
  /// Decorates `inner`, reporting to `meter`.
  ObservingTransport(std::shared_ptr<caspio::HttpTransport> inner,
                     std::shared_ptr<TransferMeter> meter);
  /// Sends through the wrapped transport.
  caspio::HttpResponse send(const caspio::HttpRequest& request) override;

 private:
  std::shared_ptr<caspio::HttpTransport> inner_;
  std::shared_ptr<TransferMeter> meter_;
};

}  // namespace caspio_cli
