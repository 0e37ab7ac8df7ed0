// create_records: many POSTs in flight, slowed as a whole by throttle answers, one outcome per
// row in input order, no POST repeated once it may have reached Caspio.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "caspio/error.hpp"
#include "caspio/tables.hpp"
#include "caspio/views.hpp"
#include "records/records.hpp"
#include "request/validate.hpp"

namespace caspio {
namespace detail {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMaxInFlight = 64;
constexpr int kMaxResends = 16;  // throttles or unsent attempts of one row before it fails
constexpr std::chrono::milliseconds kFirstBackoff{50};
constexpr std::chrono::milliseconds kMaxBackoff{5'000};

// True when the request cannot have reached the server: libcurl could not resolve the host or
// connect (CURLE_COULDNT_RESOLVE_HOST 6, CURLE_COULDNT_CONNECT 7), so nothing was sent.
bool never_sent(const TransportError& e) {
  const std::string& m = e.info().message;
  return dynamic_cast<const TimeoutError*>(&e) == nullptr &&
         (m.rfind("curl error 7:", 0) == 0 || m.rfind("curl error 6:", 0) == 0);
}

// The batch's pace: how many POSTs may be in flight and when the next one may start.
class Pace {
 public:
  explicit Pace(int in_flight) : allowed_(in_flight) {}

  void enter() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      const auto now = Clock::now();
      if (now < resume_at_) {
        changed_.wait_until(lock, resume_at_);
      } else if (active_ >= allowed_) {
        changed_.wait(lock);
      } else {
        ++active_;
        return;
      }
    }
  }

  void leave(bool ok) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --active_;
      if (ok) streak_ = 0;
    }
    changed_.notify_all();
  }

  // A throttle answer: fewer in flight and a pause for everyone.
  void throttled(std::optional<std::chrono::seconds> retry_after) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      allowed_ = std::max(1, allowed_ / 2);
      auto delay = std::min(kMaxBackoff, kFirstBackoff * (1 << std::min(streak_, 7)));
      if (retry_after) delay = std::min<std::chrono::milliseconds>(*retry_after, kMaxBackoff);
      ++streak_;
      resume_at_ = std::max(resume_at_, Clock::now() + delay);
    }
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int allowed_;
  int active_ = 0;
  int streak_ = 0;  // throttles since the last success
  Clock::time_point resume_at_{};
};

RecordOutcome create_one(const ClientState& state, const RecordSource& source,
                         const nlohmann::json& row, ReturnRows return_rows, Pace& pace) {
  RecordOutcome outcome;
  for (int sends = 1;; ++sends) {
    pace.enter();
    try {
      outcome.result = create_record(state, source, row, return_rows);
      pace.leave(true);
      return outcome;
    } catch (const RateLimitError& e) {
      pace.leave(false);
      if (sends >= kMaxResends) outcome.error = std::current_exception();
      if (sends >= kMaxResends) return outcome;
      pace.throttled(e.info().retry_after);  // Caspio did not run it: send it again
    } catch (const TransportError& e) {
      pace.leave(false);
      if (!never_sent(e) || sends >= kMaxResends) {
        outcome.error = std::current_exception();  // it may have been created: never resent
        return outcome;
      }
      pace.throttled(std::nullopt);
    } catch (...) {
      pace.leave(false);
      outcome.error = std::current_exception();
      return outcome;
    }
  }
}

const nlohmann::json& json_of(const nlohmann::json& row) {
  return row;
}
nlohmann::json json_of(const Row& row) {
  return row.to_json();
}

template <typename Rows>
std::vector<RecordOutcome> create_all(const ClientState& state, const RecordSource& source,
                                      const Rows& rows, const CreateRecordsOptions& options) {
  require_name(source.name, "name");
  std::vector<RecordOutcome> outcomes(rows.size());
  const int in_flight = std::clamp(options.in_flight, 1, kMaxInFlight);
  Pace pace(in_flight);
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < rows.size(); i = next++) {
      outcomes[i] = create_one(state, source, json_of(rows[i]), options.return_rows, pace);
    }
  };
  const auto threads = std::min<std::size_t>(static_cast<std::size_t>(in_flight), rows.size());
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work);
  work();  // this thread is one of the senders
  for (auto& worker : workers) worker.join();
  return outcomes;
}

}  // namespace

std::vector<RecordOutcome> create_records(const ClientState& state, const RecordSource& source,
                                          const std::vector<nlohmann::json>& rows,
                                          const CreateRecordsOptions& options) {
  return create_all(state, source, rows, options);
}

std::vector<RecordOutcome> create_records(const ClientState& state, const RecordSource& source,
                                          const std::vector<Row>& rows,
                                          const CreateRecordsOptions& options) {
  return create_all(state, source, rows, options);
}

}  // namespace detail

// The facades' entry points (they only name the source).
std::vector<RecordOutcome> Tables::create_records(const std::string& table,
                                                  const std::vector<nlohmann::json>& rows,
                                                  const CreateRecordsOptions& options) const {
  return detail::create_records(*state_, {"tables", table}, rows, options);
}

std::vector<RecordOutcome> Views::create_records(const std::string& view,
                                                 const std::vector<nlohmann::json>& rows,
                                                 const CreateRecordsOptions& options) const {
  return detail::create_records(*state_, {"views", view}, rows, options);
}

std::vector<RecordOutcome> Tables::create_records(const std::string& table,
                                                  const std::vector<Row>& rows,
                                                  const CreateRecordsOptions& options) const {
  return detail::create_records(*state_, {"tables", table}, rows, options);
}

std::vector<RecordOutcome> Views::create_records(const std::string& view,
                                                 const std::vector<Row>& rows,
                                                 const CreateRecordsOptions& options) const {
  return detail::create_records(*state_, {"views", view}, rows, options);
}

}  // namespace caspio
