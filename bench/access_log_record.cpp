// What the LGPD access log (app/privacy/access_log.hpp) costs a read: N
// threads record entries as fast as they can into a log over a durable SQLite
// file (or PostgreSQL with --postgres), its flusher writing them in batches
// meanwhile; prints entries recorded per second and nanoseconds per record on
// the read path, and the rows written once the log stopped (all of them).
//
//   bench_access_log_record [--threads T] [--entries N] [--flush-at N] [--postgres URL]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "app/privacy/access_log.hpp"
#include "store/migrations/migrations.hpp"

using namespace guiche;

int main(int argc, char** argv) {
  int threads = 8;
  long entries = 200000;
  std::string postgres;
  app::AccessLogOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--threads") {
      threads = std::max(1, std::atoi(argv[i + 1]));
    } else if (flag == "--entries") {
      entries = std::max(1L, std::atol(argv[i + 1]));
    } else if (flag == "--flush-at") {
      options.flush_at = static_cast<std::size_t>(std::max(1L, std::atol(argv[i + 1])));
      options.max_buffered = std::max(options.max_buffered, options.flush_at);
    } else if (flag == "--postgres") {
      postgres = argv[i + 1];
    } else {
      std::fprintf(stderr,
                   "usage: %s [--threads T] [--entries N] [--flush-at N] [--postgres URL]\n",
                   argv[0]);
      return 2;
    }
  }
  const auto dir = std::filesystem::temp_directory_path() /
                   ("guiche-access-log-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto db = store::open_database(postgres, dir.string());
  store::migrate(*db);
  if (!postgres.empty()) db->write([](store::Connection& c) { c.query("DELETE FROM access_log"); });
  SystemClock clock;
  double seconds = 0;
  {
    app::AccessLog log(*db, clock, options);
    Person reader;
    reader.id = 1;
    const app::Actor actor{reader, Channel::api, 7};
    const app::ReadOrigin origin{app::ReadFace::api, "203.0.113.40"};
    std::vector<std::thread> pool;
    const auto start = std::chrono::steady_clock::now();
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        for (long i = t; i < entries; i += threads)
          log.record(actor, origin, 2 + i % 5000, "ticket", i);
      });
    }
    for (auto& th : pool) th.join();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }  // the log's last flush
  std::int64_t rows = 0;
  db->read([&](store::Connection& c) {
    rows = c.query_one("SELECT count(*) FROM access_log")->integer(0);
  });
  std::printf(
      "%s: %ld entries from %d threads in %.3f s: %.0f records/s, %.0f ns per record "
      "(per thread); %lld rows written\n",
      postgres.empty() ? "SQLite" : "PostgreSQL", entries, threads, seconds,
      static_cast<double>(entries) / seconds,
      seconds * 1e9 * threads / static_cast<double>(entries), static_cast<long long>(rows));
  std::filesystem::remove_all(dir);
  return rows == entries ? 0 : 1;
}
