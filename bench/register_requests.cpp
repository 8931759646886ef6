// Registers N requests through the application layer on each engine and
// prints requests/s and p50/p99 latency, next to a baseline measured in the
// same run: plain durable one-row commits on the same engine.
//
//   bench_register_requests [--requests N] [--concurrency C] [--postgres URL]
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "app/accounts/accounts.hpp"
#include "app/desk.hpp"
#include "app/intake/intake.hpp"
#include "bench_world.hpp"
#include "store/migrations/migrations.hpp"

using namespace guiche;
using Stopwatch = std::chrono::steady_clock;

namespace {

struct Options {
  int requests = 2000;
  int concurrency = 16;
  std::string postgres_url;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// Durable single-row commits, one after another: the cost of one fsync'd commit.
double baseline_commits_per_second(store::Database& db) {
  db.write([](store::Connection& c) {
    c.execute_script("CREATE TABLE IF NOT EXISTS bench_baseline (id BIGINT, payload TEXT)");
  });
  const std::string payload(1024, 'x');
  constexpr int kCommits = 300;
  auto start = Stopwatch::now();
  for (int i = 0; i < kCommits; ++i) {
    db.write([&](store::Connection& c) {
      c.query("INSERT INTO bench_baseline (id, payload) VALUES (?, ?)", {std::int64_t{i}, payload});
    });
  }
  double seconds = std::chrono::duration<double>(Stopwatch::now() - start).count();
  return kCommits / seconds;
}

void run_engine(const char* name, const std::string& url, const std::string& data_dir,
                const Options& o) {
  auto db = store::open_database(url, data_dir);
  store::migrate(*db);
  SystemClock clock;
  app::Desk desk(*db, clock, app::DeskConfig{data_dir});
  const auto world = bench::prepare_bench_world(desk);
  const double baseline = baseline_commits_per_second(*db);
  const app::Actor requester = desk.accounts().actor(world.requester.id);

  std::vector<std::vector<double>> latencies(o.concurrency);
  std::vector<std::thread> threads;
  auto start = Stopwatch::now();
  for (int t = 0; t < o.concurrency; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < o.requests; i += o.concurrency) {
        app::RegisterRequest r;
        r.requester_id = world.requester.id;
        r.service_code = world.service_code;
        r.subject = "Chamado de carga " + std::to_string(i);
        r.description = "Sistema fora do ar na unidade " + std::to_string(i % 97) + ".";
        r.form_answers = {{"sistema", "SIGEFES"}};
        auto t0 = Stopwatch::now();
        desk.intake().register_request(requester, r);
        latencies[t].push_back(
            std::chrono::duration<double, std::milli>(Stopwatch::now() - t0).count());
      }
    });
  }
  for (auto& th : threads) th.join();
  double seconds = std::chrono::duration<double>(Stopwatch::now() - start).count();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  const double rate = o.requests / seconds;
  std::printf(
      "%-10s register_request  n=%d c=%d  %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  | baseline "
      "durable 1-row commits %7.0f/s  ratio %.2fx\n",
      name, o.requests, o.concurrency, rate, percentile(all, 0.50), percentile(all, 0.99), baseline,
      rate / baseline);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (const char* env = std::getenv("GUICHE_BENCH_PG_URL")) o.postgres_url = env;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--requests")
      o.requests = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--concurrency")
      o.concurrency = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--postgres")
      o.postgres_url = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: %s [--requests N] [--concurrency C] [--postgres URL]\n",
                   argv[0]);
      return 2;
    }
  }
  auto dir =
      std::filesystem::temp_directory_path() / ("guiche-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  run_engine("SQLite", "", (dir / "sqlite").string(), o);
  if (!o.postgres_url.empty()) {
    run_engine("PostgreSQL", o.postgres_url, (dir / "pg").string(), o);
  } else {
    std::printf("PostgreSQL skipped: pass --postgres URL (make bench starts a server)\n");
  }
  std::filesystem::remove_all(dir);
  return 0;
}
