#pragma once
// Test support: an in-process emulator and SDK clients pointed at it.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "caspio/caspio.hpp"
#include "caspio/mock/server.hpp"

namespace caspio_test {

/// A running emulator, SDK clients for it, and a view of its journal of resource requests.
class Emulator {
 public:
  explicit Emulator(caspio::mock::ServerOptions options = {})
      : server_(std::make_unique<caspio::mock::Server>(with_credentials(std::move(options)))) {}

  caspio::mock::Server& server() { return *server_; }

  /// The SDK's wire tests check the credentials it sends: the journal keeps them.
  static caspio::mock::ServerOptions with_credentials(caspio::mock::ServerOptions options) {
    options.journal_credentials = true;
    return options;
  }

  /// The SDK's credentials for this emulator.
  caspio::ClientCredentials credentials() const {
    return {server_->client_id(), server_->client_secret(), server_->token_url()};
  }

  /// Options with base_url set, and a sleep that records instead of waiting.
  caspio::ClientOptions options() {
    caspio::ClientOptions o;
    o.base_url = server_->rest_url();
    o.retry.sleep = [this](std::chrono::milliseconds d) {
      std::lock_guard<std::mutex> lock(sleeps_mutex_);
      sleeps_.push_back(d);
    };
    return o;
  }

  /// A client made from credentials (fetches and renews its own token).
  caspio::Client client() { return caspio::Client(credentials(), options()); }

  /// Delays the retry stage asked for, in order.
  std::vector<std::chrono::milliseconds> sleeps() {
    std::lock_guard<std::mutex> lock(sleeps_mutex_);
    return sleeps_;
  }

  /// The only resource request since the journal was last cleared (a test failure otherwise).
  caspio::mock::JournalEntry only_request() const {
    const auto sent = requests();
    EXPECT_EQ(sent.size(), 1u);
    return sent.empty() ? caspio::mock::JournalEntry{} : sent.back();
  }

  /// Journal entries whose raw path starts with `prefix` (default: the REST resources).
  std::vector<caspio::mock::JournalEntry> requests(const std::string& prefix = "/rest/v2") const {
    std::vector<caspio::mock::JournalEntry> out;
    for (auto& entry : server_->journal()) {
      if (entry.path.rfind(prefix, 0) == 0) out.push_back(std::move(entry));
    }
    return out;
  }

 private:
  std::unique_ptr<caspio::mock::Server> server_;
  std::mutex sleeps_mutex_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

/// Options for an emulator with no tables.
inline caspio::mock::ServerOptions empty_fixture() {
  caspio::mock::ServerOptions o;
  o.fixture = caspio::mock::Fixture::empty;
  return o;
}

}  // namespace caspio_test
