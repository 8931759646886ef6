#pragma once
// Drives a server over loopback from C keep-alive clients for a few seconds
// and reports req/s and p50/p99 (shared by bench_api_load and bench_desk_scale).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

#include "keepalive_client.hpp"

namespace guiche::bench {

struct LoadResult {
  double rate = 0, p50 = 0, p99 = 0;
  long failures = 0;
  long requests = 0;
};

inline double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// `work(client, i)` performs one request and returns its status; anything
// outside 2xx counts as a failure. Client t talks to ports[t % ports.size()]:
// several nodes serving one database share the clients evenly.
inline LoadResult run_load(int concurrency, double seconds,
                           const std::vector<unsigned short>& ports,
                           const std::function<int(KeepAliveClient&, long)>& work) {
  using Stopwatch = std::chrono::steady_clock;
  std::atomic<long> next{0}, failures{0};
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(concurrency));
  const auto until = Stopwatch::now() + std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  const auto start = Stopwatch::now();
  for (int t = 0; t < concurrency; ++t) {
    threads.emplace_back([&, t] {
      KeepAliveClient client(ports[static_cast<std::size_t>(t) % ports.size()]);
      while (Stopwatch::now() < until) {
        auto t0 = Stopwatch::now();
        int status = work(client, next.fetch_add(1));
        if (status < 200 || status >= 300) failures.fetch_add(1);
        latencies[static_cast<std::size_t>(t)].push_back(
            std::chrono::duration<double, std::milli>(Stopwatch::now() - t0).count());
      }
    });
  }
  for (auto& th : threads) th.join();
  const double elapsed = std::chrono::duration<double>(Stopwatch::now() - start).count();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  LoadResult r;
  r.rate = static_cast<double>(all.size()) / elapsed;
  r.p50 = percentile(all, 0.50);
  r.p99 = percentile(all, 0.99);
  r.failures = failures.load();
  r.requests = static_cast<long>(all.size());
  return r;
}

inline LoadResult run_load(int concurrency, double seconds, unsigned short port,
                           const std::function<int(KeepAliveClient&, long)>& work) {
  return run_load(concurrency, seconds, std::vector<unsigned short>{port}, work);
}

}  // namespace guiche::bench
