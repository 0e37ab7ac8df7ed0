#include "support/observing_transport.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "support/interrupt.hpp"
#include "support/text.hpp"

namespace caspio_cli {
namespace {

class CountingReader : public caspio::HttpBodyReader {
 public:
  CountingReader(std::unique_ptr<caspio::HttpBodyReader> inner, std::uint64_t total,
                 std::shared_ptr<TransferMeter> meter)
      : inner_(std::move(inner)), total_(total), meter_(std::move(meter)) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    if (interrupted()) throw std::runtime_error("interrupted");
    const std::size_t n = inner_->read(buffer, capacity);
    done_ += n;
    if (meter_->on_bytes) meter_->on_bytes(done_, total_);
    return n;
  }

 private:
  std::unique_ptr<caspio::HttpBodyReader> inner_;
  std::uint64_t total_;
  std::uint64_t done_ = 0;
  std::shared_ptr<TransferMeter> meter_;
};

class CountingSource : public caspio::HttpBodySource {
 public:
  CountingSource(std::shared_ptr<const caspio::HttpBodySource> inner,
                 std::shared_ptr<TransferMeter> meter)
      : inner_(std::move(inner)), meter_(std::move(meter)) {}
  std::uint64_t size() const override { return inner_->size(); }
  std::unique_ptr<caspio::HttpBodyReader> open() const override {
    return std::make_unique<CountingReader>(inner_->open(), inner_->size(), meter_);
  }

 private:
  std::shared_ptr<const caspio::HttpBodySource> inner_;
  std::shared_ptr<TransferMeter> meter_;
};

class CountingSink : public caspio::HttpBodySink {
 public:
  CountingSink(std::shared_ptr<caspio::HttpBodySink> inner, std::shared_ptr<TransferMeter> meter)
      : inner_(std::move(inner)), meter_(std::move(meter)) {}
  void begin(int status, const caspio::HttpHeaders& headers) override {
    done_ = 0;
    total_ = 0;
    for (const auto& [name, value] : headers) {
      if (lower_ascii(name) == "content-length") total_ = std::strtoull(value.c_str(), nullptr, 10);
    }
    inner_->begin(status, headers);
  }
  void write(const char* data, std::size_t size) override {
    if (interrupted()) throw std::runtime_error("interrupted");
    inner_->write(data, size);
    done_ += size;
    if (meter_->on_bytes) meter_->on_bytes(done_, total_);
  }

 private:
  std::shared_ptr<caspio::HttpBodySink> inner_;
  std::shared_ptr<TransferMeter> meter_;
  std::uint64_t done_ = 0;
  std::uint64_t total_ = 0;
};

}  // namespace

ObservingTransport::ObservingTransport(std::shared_ptr<caspio::HttpTransport> inner,
                                       std::shared_ptr<TransferMeter> meter)
    : inner_(std::move(inner)), meter_(std::move(meter)) {}

caspio::HttpResponse ObservingTransport::send(const caspio::HttpRequest& request) {
  if (!request.body_source && !request.body_sink) return inner_->send(request);
  caspio::HttpRequest copy = request;
  if (copy.body_source) {
    copy.body_source = std::make_shared<CountingSource>(copy.body_source, meter_);
  }
  if (copy.body_sink) copy.body_sink = std::make_shared<CountingSink>(copy.body_sink, meter_);
  return inner_->send(copy);
}

}  // namespace caspio_cli
