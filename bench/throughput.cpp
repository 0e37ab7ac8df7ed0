// Throughput of the SDK against raw libcurl loops, both talking to a separately started
// caspio-mock (so that the client's CPU and memory are the client's alone). Every case runs in a
// forked child process: its wall time, user+sys CPU and peak RSS come from wait4(), so one case's
// memory never inflates another's. Baselines, on one reused libcurl easy handle and the same
// 1000-row page URLs the SDK sends:
//   (a) raw_bytes      receive the bytes only (rows counted with memmem on "PK_ID")
//   (b) raw_parse_drop parse each page with nlohmann/json and drop the rows
//   (c) raw_parse_keep parse and keep every row (std::vector<nlohmann::json>)
// The raw loops send no Accept-Encoding (what a user's plain loop does); the SDK runs with the
// options a user gets (compression automatic: off towards loopback), and again with compression
// forced on (`_gzip`). With --slow-rest-url (a second caspio-mock started with --bandwidth-kib),
// the `_slow` cases read through that bandwidth-limited link, where compression should win.
// Every case runs --rounds times (default 3), the order of the cases reversed every other round;
// the table printed at the end gives each case's median round and its ratios to its baseline's.
// Set CASPIO_BENCH_PIDS=1 to print each case's process id (to read `perf report --sort pid`).
// Usage: throughput --rest-url URL --token-url URL --client-id ID --client-secret S
//                   [--table Demo_Physicians] [--small-calls 1000] [--writes 2000] [--out DIR]
//                   [--only case,case,...] [--post-delay-ms N] [--rounds 3]
//                   [--slow-rest-url URL] [--slow-note TEXT]
// --post-delay-ms makes the emulator wait N ms before each record POST of the write cases, as a
// network round trip to Caspio would.
#include <curl/curl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "caspio/caspio.hpp"

namespace {

struct Settings {
  std::string rest_url;
  std::string token_url;
  std::string client_id;
  std::string client_secret;
  std::string table = "Demo_Physicians";
  int small_calls = 1000;
  int writes = 2000;
  int post_delay_ms = 0;  // emulator delay per POST for the write cases (a network's latency)
  std::string out_dir = "/tmp";
  std::string only;  // comma-separated case names; "" runs them all
  std::string token;
  int rounds = 3;
  std::string slow_rest_url;  // a bandwidth-limited caspio-mock, or ""
  std::string slow_token_url;
  std::string slow_token;
  std::string slow_note;  // its setting, for the header
};

struct Figures {
  double units = 0;  // rows, or calls for the small-call cases
  double wall_s = 0;
  double cpu_s = 0;
  double rss_mb = 0;
  int pid = 0;  // the child that ran it (printed when CASPIO_BENCH_PIDS is set, for perf)
};

size_t append_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// One reused easy handle with the SDK's headers; get() reuses the caller's buffer.
class RawClient {
 public:
  explicit RawClient(const std::string& token, bool gzip = false)
      : handle_(curl_easy_init()), gzip_(gzip) {
    headers_ = curl_slist_append(headers_, ("Authorization: Bearer " + token).c_str());
    headers_ = curl_slist_append(headers_, "Accept: application/json");
    headers_ = curl_slist_append(headers_, "Expect:");
  }
  ~RawClient() {
    curl_slist_free_all(headers_);
    curl_easy_cleanup(handle_);
  }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  void get(const std::string& url, std::string& body) {
    body.clear();
    curl_easy_setopt(handle_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(handle_, CURLOPT_HTTPHEADER, headers_);
    // A plain loop sends no Accept-Encoding; `gzip` asks for compressed answers.
    curl_easy_setopt(handle_, CURLOPT_ACCEPT_ENCODING, gzip_ ? "" : nullptr);
    curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);  // as the SDK: no signal handlers per call
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, &append_body);
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &body);
    const CURLcode code = curl_easy_perform(handle_);
    long status = 0;
    curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK || status != 200) {
      throw std::runtime_error("raw GET failed: " + url + " " + std::to_string(status));
    }
  }

 private:
  CURL* handle_;
  bool gzip_ = false;
  curl_slist* headers_ = nullptr;
};

std::string page_url(const Settings& s, int page, bool slow = false) {
  return (slow ? s.slow_rest_url : s.rest_url) + "/tables/" + s.table +
         "/records?q.orderBy=PK_ID&q.pageNumber=" + std::to_string(page) + "&q.pageSize=1000";
}

std::size_t count_rows(const std::string& body) {
  static const char kNeedle[] = "\"PK_ID\"";
  std::size_t n = 0;
  const char* p = body.data();
  const char* end = p + body.size();
  while (const void* hit = memmem(p, static_cast<std::size_t>(end - p), kNeedle, 7)) {
    ++n;
    p = static_cast<const char*>(hit) + 7;
  }
  return n;
}

// Pages through the table with `per_page` given each body; stops on a short page.
double raw_pages(const Settings& s, const std::function<std::size_t(std::string&)>& per_page,
                 bool slow = false) {
  RawClient raw(slow ? s.slow_token : s.token);
  std::string body;
  double rows = 0;
  for (int page = 1;; ++page) {
    raw.get(page_url(s, page, slow), body);
    const std::size_t n = per_page(body);
    rows += static_cast<double>(n);
    if (n < 1000) return rows;
  }
}

double raw_bytes(const Settings& s, bool slow = false) {
  return raw_pages(
      s, [](std::string& body) { return count_rows(body); }, slow);
}

double raw_parse_drop(const Settings& s, bool slow = false) {
  return raw_pages(
      s,
      [](std::string& body) {
        const nlohmann::json page = nlohmann::json::parse(body);
        return page.at("Result").size();
      },
      slow);
}

double raw_parse_keep(const Settings& s) {
  std::vector<nlohmann::json> all;
  const double rows = raw_pages(s, [&all](std::string& body) {
    nlohmann::json page = nlohmann::json::parse(body);
    auto& result = page.at("Result");
    for (auto& row : result) all.push_back(std::move(row));
    return result.size();
  });
  return static_cast<double>(all.size()) == rows ? rows : -1;
}

// Four threads, each with its own handle, reading every fourth page: what the emulator serves.
double raw_bytes_parallel(const Settings& s) {
  constexpr int kThreads = 4;
  std::vector<double> counts(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&s, &counts, t] {
      RawClient raw(s.token);
      std::string body;
      for (int page = t + 1;; page += kThreads) {
        raw.get(page_url(s, page), body);
        const std::size_t n = count_rows(body);
        counts[static_cast<std::size_t>(t)] += static_cast<double>(n);
        if (n < 1000) return;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  double rows = 0;
  for (const double c : counts) rows += c;
  return rows;
}

// How a case's client is set up: the defaults a user gets, or one setting changed.
enum class Setup { defaults, gzip, slow, slow_gzip };

caspio::Client sdk_client(const Settings& s, Setup setup = Setup::defaults) {
  caspio::ClientOptions options;
  const bool slow = setup == Setup::slow || setup == Setup::slow_gzip;
  options.base_url = slow ? s.slow_rest_url : s.rest_url;
  if (setup == Setup::gzip || setup == Setup::slow_gzip) {
    options.compression = caspio::Compression::on;
  }
  return caspio::Client("bench", slow ? s.slow_token : s.token, options);
}

double sdk_get_records(const Settings& s, int prefetch = 0, Setup setup = Setup::defaults) {
  return static_cast<double>(sdk_client(s, setup)
                                 .tables()
                                 .get_records(s.table, caspio::Query{}.prefetch(prefetch))
                                 .size());
}

double sdk_records(const Settings& s, int prefetch, Setup setup = Setup::defaults) {
  double rows = 0;
  for (const caspio::Row& row :
       sdk_client(s, setup).tables().records(s.table, caspio::Query{}.prefetch(prefetch))) {
    rows += row.empty() ? 0 : 1;
  }
  return rows;
}

double sdk_stream(const Settings& s, caspio::StreamFormat format, int prefetch) {
  const std::string path = s.out_dir + "/caspio-bench-export";
  const auto rows = sdk_client(s).tables().get_records_stream_to_file(
      s.table, caspio::Query{}.prefetch(prefetch), path, format);
  std::filesystem::remove(path);
  return static_cast<double>(rows);
}

// What a user's loop does for `tables().listing()`: GET, parse, take the names.
double raw_small_calls(const Settings& s) {
  RawClient raw(s.token);
  std::string body;
  std::size_t names = 0;
  for (int i = 0; i < s.small_calls; ++i) {
    raw.get(s.rest_url + "/tables", body);
    const auto answer = nlohmann::json::parse(body);
    std::vector<std::string> tables;
    for (const auto& name : answer.at("Result")) tables.push_back(name.get<std::string>());
    names += tables.size();
  }
  return names > 0 ? s.small_calls : -1;
}

double sdk_small_calls(const Settings& s) {
  const auto client = sdk_client(s);
  for (int i = 0; i < s.small_calls; ++i) (void)client.tables().listing();
  return s.small_calls;
}

// A 1-row read: the raw loop's GET + parse, and the SDK's get_records_paginated with limit 1.
double raw_one_row_reads(const Settings& s) {
  RawClient raw(s.token);
  std::string body;
  std::size_t rows = 0;
  const std::string url = s.rest_url + "/tables/" + s.table + "/records?q.limit=1";
  for (int i = 0; i < s.small_calls; ++i) {
    raw.get(url, body);
    rows += nlohmann::json::parse(body).at("Result").size();
  }
  return rows == static_cast<std::size_t>(s.small_calls) ? s.small_calls : -1;
}

double sdk_one_row_reads(const Settings& s) {
  const auto client = sdk_client(s);
  std::size_t rows = 0;
  for (int i = 0; i < s.small_calls; ++i) {
    rows += client.tables().get_records_paginated(s.table, caspio::Query{}.limit(1)).size();
  }
  return rows == static_cast<std::size_t>(s.small_calls) ? s.small_calls : -1;
}

// A table definition: GET …/fields, parsed into names and types.
double raw_definitions(const Settings& s) {
  RawClient raw(s.token);
  std::string body;
  std::size_t fields = 0;
  const std::string url = s.rest_url + "/tables/" + s.table + "/fields";
  for (int i = 0; i < s.small_calls; ++i) {
    raw.get(url, body);
    const auto answer = nlohmann::json::parse(body);
    std::vector<std::pair<std::string, std::string>> names;
    for (const auto& f : answer.at("Result")) {
      names.emplace_back(f.at("Name").get<std::string>(), f.at("Type").get<std::string>());
    }
    fields += names.size();
  }
  return fields > 0 ? s.small_calls : -1;
}

double sdk_definitions(const Settings& s) {
  const auto client = sdk_client(s);
  std::size_t fields = 0;
  for (int i = 0; i < s.small_calls; ++i) fields += client.tables().definition(s.table).size();
  return fields > 0 ? s.small_calls : -1;
}

nlohmann::json new_row(const std::string& tag, int i) {
  return {{"First_Name", "Bench"},
          {"Last_Name", tag + std::to_string(i)},
          {"Email", "bench-" + tag + "-" + std::to_string(i) + "@example.com"}};
}

std::string unique_tag(const char* what) {
  return std::string(what) + std::to_string(getpid()) + "x" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000);
}

double sdk_create_sequential(const Settings& s) {
  const auto client = sdk_client(s);
  const std::string tag = unique_tag("seq");
  for (int i = 0; i < s.writes; ++i) client.tables().create_record(s.table, new_row(tag, i));
  return s.writes;
}

double sdk_create_batch(const Settings& s) {
  const std::string tag = unique_tag("batch");
  std::vector<nlohmann::json> rows;
  for (int i = 0; i < s.writes; ++i) rows.push_back(new_row(tag, i));
  caspio::CreateRecordsOptions options;
  options.in_flight = 8;
  double ok = 0;
  for (const auto& outcome : sdk_client(s).tables().create_records(s.table, rows, options)) {
    ok += outcome.ok() ? 1 : 0;
  }
  return ok;
}

// Asks the emulator (its /__mock control API) to delay every record POST by `ms`, or no longer.
void set_post_delay(const Settings& s, int ms) {
  const std::string root = s.rest_url.substr(0, s.rest_url.rfind("/rest/v2"));
  const nlohmann::json fault{{"kind", "delay"},
                             {"method", "POST"},
                             {"path_prefix", "/rest/v2/tables"},
                             {"count", 2 * s.writes * std::max(1, s.rounds) + 100},
                             {"delay_ms", ms}};
  const std::string body = fault.dump();
  CURL* h = curl_easy_init();
  std::string answer;
  curl_easy_setopt(h, CURLOPT_URL, (root + "/__mock/faults").c_str());
  if (ms > 0) {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  } else {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "DELETE");
  }
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &answer);
  const CURLcode code = curl_easy_perform(h);
  curl_easy_cleanup(h);
  if (code != CURLE_OK) throw std::runtime_error("could not set the emulator's POST delay");
}

double seconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

// Runs `work` in a child process; its units and wall time come back through a pipe.
Figures run_child(const std::function<double()>& work) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    double out[2] = {-1, 0};
    try {
      curl_global_init(CURL_GLOBAL_DEFAULT);
      const auto start = std::chrono::steady_clock::now();
      out[0] = work();
      out[1] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "case failed: %s\n", e.what());
    }
    if (write(fds[1], out, sizeof out) != static_cast<ssize_t>(sizeof out)) _exit(3);
    _exit(out[0] < 0 ? 1 : 0);
  }
  close(fds[1]);
  double in[2] = {-1, 0};
  const ssize_t got = read(fds[0], in, sizeof in);
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  if (got != static_cast<ssize_t>(sizeof in) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("a benchmark case failed");
  }
  Figures f;
  f.units = in[0];
  f.wall_s = in[1];
  f.cpu_s = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  f.rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  f.pid = static_cast<int>(pid);
  return f;
}

// The median of the rounds by rate (wall time per unit); CPU and RSS are the medians of theirs.
Figures median_of(std::vector<Figures> rounds) {
  const auto mid = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  };
  std::vector<double> per_unit_wall;
  std::vector<double> per_unit_cpu;
  std::vector<double> rss;
  for (const auto& f : rounds) {
    per_unit_wall.push_back(f.wall_s / f.units);
    per_unit_cpu.push_back(f.cpu_s / f.units);
    rss.push_back(f.rss_mb);
  }
  Figures m = rounds.front();
  m.wall_s = mid(per_unit_wall) * m.units;
  m.cpu_s = mid(per_unit_cpu) * m.units;
  m.rss_mb = mid(rss);
  return m;
}

void print_row(const std::string& name, const Figures& f, const Figures* base,
               const std::string& base_name) {
  const double rate = f.units / f.wall_s;
  const double cpu_per = f.cpu_s / f.units * 1e6;
  std::printf("%-22s %9.0f %8.3f %11.0f %9.3f %9.2f %8.1f", name.c_str(), f.units, f.wall_s, rate,
              f.cpu_s, cpu_per, f.rss_mb);
  if (base != nullptr) {
    const double base_rate = base->units / base->wall_s;
    const double base_cpu = base->cpu_s / base->units * 1e6;
    std::printf("   vs %-21s rate %5.2fx  cpu/unit %5.2fx  rss %5.2fx", base_name.c_str(),
                rate / base_rate, cpu_per / base_cpu, f.rss_mb / base->rss_mb);
  }
  if (std::getenv("CASPIO_BENCH_PIDS") != nullptr) std::printf("   pid %d", f.pid);
  std::printf("\n");
  std::fflush(stdout);
}

std::string fetch_token(const Settings& s, const std::string& token_url) {
  CURL* h = curl_easy_init();
  std::string body;
  const std::string form = "grant_type=client_credentials&client_id=" + s.client_id +
                           "&client_secret=" + s.client_secret;
  curl_easy_setopt(h, CURLOPT_URL, token_url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, form.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  const CURLcode code = curl_easy_perform(h);
  curl_easy_cleanup(h);
  if (code != CURLE_OK) throw std::runtime_error("token request failed");
  return nlohmann::json::parse(body).at("access_token").get<std::string>();
}

Settings parse_args(int argc, char** argv) {
  Settings s;
  std::map<std::string, std::string*> text{{"--rest-url", &s.rest_url},
                                           {"--token-url", &s.token_url},
                                           {"--client-id", &s.client_id},
                                           {"--client-secret", &s.client_secret},
                                           {"--table", &s.table},
                                           {"--out", &s.out_dir},
                                           {"--only", &s.only}};
  text.emplace("--slow-rest-url", &s.slow_rest_url);
  text.emplace("--slow-note", &s.slow_note);
  text.emplace("--slow-token-url", &s.slow_token_url);
  std::map<std::string, int*> numbers{{"--small-calls", &s.small_calls},
                                      {"--writes", &s.writes},
                                      {"--post-delay-ms", &s.post_delay_ms},
                                      {"--rounds", &s.rounds}};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (text.count(flag) != 0) {
      *text[flag] = argv[i + 1];
    } else if (numbers.count(flag) != 0) {
      *numbers[flag] = std::atoi(argv[i + 1]);
    } else {
      throw std::runtime_error("unknown flag " + flag);
    }
  }
  if (s.rest_url.empty() || s.token_url.empty()) {
    throw std::runtime_error(
        "usage: throughput --rest-url URL --token-url URL --client-id ID "
        "--client-secret S [--table T] [--small-calls N] [--writes N]");
  }
  return s;
}

// The cases the settings ask for (all, or those named by --only): registered first, then run
// round after round (the order reversed every other round, so that a drift of the machine weighs
// on every case alike), then printed as medians, each against its baseline when that ran too.
class Runner {
 public:
  explicit Runner(const Settings& s) : s_(s) {}

  void add(const std::string& name, std::function<double()> work, const std::string& base = "") {
    if (!s_.only.empty() && ("," + s_.only + ",").find("," + name + ",") == std::string::npos) {
      return;
    }
    cases_.push_back(Case{name, std::move(work), base});
  }
  // Prints `name` against `base` as an extra line of the table.
  void also_compare(const std::string& name, const std::string& base) {
    extra_.emplace_back(name, base);
  }

  void run_all() {
    const int rounds = std::max(1, s_.rounds);
    for (int round = 0; round < rounds; ++round) {
      std::vector<const Case*> order;
      for (const auto& c : cases_) order.push_back(&c);
      if (round % 2 == 1) std::reverse(order.begin(), order.end());
      for (const Case* c : order) {
        const Figures f = run_child(c->work);
        rounds_[c->name].push_back(f);
        std::printf("round %d  %-26s %10.0f units/s\n", round + 1, c->name.c_str(),
                    f.units / f.wall_s);
        std::fflush(stdout);
      }
    }
    std::printf("\nmedians of %d rounds:\n", rounds);
    std::printf("%-26s %9s %8s %11s %9s %9s %8s\n", "case", "units", "wall_s", "units/s", "cpu_s",
                "cpu_us/u", "rss_MB");
    for (const auto& c : cases_) print(c.name, c.base);
    for (const auto& [name, base] : extra_) print(name, base);
  }

 private:
  struct Case {
    std::string name;
    std::function<double()> work;
    std::string base;
  };

  void print(const std::string& name, const std::string& base) const {
    const auto it = rounds_.find(name);
    if (it == rounds_.end()) return;
    const Figures f = median_of(it->second);
    const auto b = base.empty() ? rounds_.end() : rounds_.find(base);
    if (b == rounds_.end()) {
      print_row(name, f, nullptr, base);
    } else {
      const Figures bf = median_of(b->second);
      print_row(name, f, &bf, base);
    }
  }

  const Settings& s_;
  std::vector<Case> cases_;
  std::vector<std::pair<std::string, std::string>> extra_;
  std::map<std::string, std::vector<Figures>> rounds_;
};

void add_reads(const Settings& s, Runner& r) {
  r.add("raw_bytes", [&] { return raw_bytes(s); });
  r.add("raw_parse_drop", [&] { return raw_parse_drop(s); });
  r.add("raw_parse_keep", [&] { return raw_parse_keep(s); });
  r.add(
      "raw_bytes_4_threads", [&] { return raw_bytes_parallel(s); }, "raw_bytes");
  r.add(
      "sdk_get_records", [&] { return sdk_get_records(s); }, "raw_parse_keep");
  r.add(
      "sdk_get_records_gzip", [&] { return sdk_get_records(s, 0, Setup::gzip); }, "raw_parse_keep");
  r.add(
      "sdk_get_records_pf4", [&] { return sdk_get_records(s, 4); }, "raw_parse_keep");
  r.add(
      "sdk_records", [&] { return sdk_records(s, 0); }, "raw_parse_drop");
  r.add(
      "sdk_records_gzip", [&] { return sdk_records(s, 0, Setup::gzip); }, "raw_parse_drop");
  r.add(
      "sdk_records_pf4", [&] { return sdk_records(s, 4); }, "raw_parse_drop");
  r.also_compare("sdk_records_pf4", "sdk_records");
  const std::pair<const char*, caspio::StreamFormat> formats[] = {
      {"json", caspio::StreamFormat::json_array},
      {"ndjson", caspio::StreamFormat::ndjson},
      {"csv", caspio::StreamFormat::csv}};
  for (const auto& [name, format] : formats) {
    const caspio::StreamFormat f = format;
    const std::string base = std::string("sdk_stream_") + name;
    r.add(
        base, [&s, f] { return sdk_stream(s, f, 0); }, "raw_bytes");
    r.add(
        base + "_pf4", [&s, f] { return sdk_stream(s, f, 4); }, "raw_bytes");
  }
  if (!s.slow_rest_url.empty()) {
    r.add("raw_parse_drop_slow", [&] { return raw_parse_drop(s, true); });
    r.add(
        "sdk_records_slow", [&] { return sdk_records(s, 0, Setup::slow); }, "raw_parse_drop_slow");
    r.add(
        "sdk_records_slow_gzip", [&] { return sdk_records(s, 0, Setup::slow_gzip); },
        "raw_parse_drop_slow");
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Settings s = parse_args(argc, argv);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    s.token = fetch_token(s, s.token_url);
    if (!s.slow_rest_url.empty()) s.slow_token = fetch_token(s, s.slow_token_url);
#ifdef CASPIO_BENCH_BUILD_TYPE
    const char* build = CASPIO_BENCH_BUILD_TYPE;
#else
    const char* build = "unknown";
#endif
    std::printf(
        "settings: build %s; raw loops: one libcurl handle, no Accept-Encoding; SDK: default "
        "options (compression automatic = off towards loopback, page size 1000, no prefetch) "
        "unless the case says gzip (compression on) or pf4 (prefetch 4); %d rounds%s%s\n",
        build, std::max(1, s.rounds),
        s.slow_rest_url.empty() ? "" : "; slow link: ", s.slow_note.c_str());
    Runner r(s);
    add_reads(s, r);
    r.add("raw_small_calls", [&] { return raw_small_calls(s); });
    r.add(
        "sdk_small_calls", [&] { return sdk_small_calls(s); }, "raw_small_calls");
    r.add("raw_one_row_reads", [&] { return raw_one_row_reads(s); });
    r.add(
        "sdk_one_row_reads", [&] { return sdk_one_row_reads(s); }, "raw_one_row_reads");
    r.add("raw_definitions", [&] { return raw_definitions(s); });
    r.add(
        "sdk_definitions", [&] { return sdk_definitions(s); }, "raw_definitions");
    if (s.writes > 0) {
      if (s.post_delay_ms > 0) set_post_delay(s, s.post_delay_ms);
      r.add("sdk_create_record_seq", [&] { return sdk_create_sequential(s); });
      r.add(
          "sdk_create_records_8", [&] { return sdk_create_batch(s); }, "sdk_create_record_seq");
    }
    r.run_all();
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "throughput: %s\n", e.what());
    return 1;
  }
}
