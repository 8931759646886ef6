#pragma once
// The HTTP face of the desk. Only this module knows about RESTinio; the rest
// of the program sees one blocking call.
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace guiche::http {

// Serves the desk on HOST:PORT (HOST: an IP address or "localhost") until
// SIGTERM or SIGINT, then stops accepting, lets the requests already being
// handled finish (bounded wait) and returns 0. Throws std::runtime_error with a
// pt-BR message if the address cannot be bound.
// `control`, if given, lets another thread ask for the same graceful stop.
class ServeControl {
 public:
  void request_stop();
  void attach(std::function<void()> stopper);  // used by serve()

 private:
  std::mutex mutex_;
  std::function<void()> stopper_;
  bool stop_requested_ = false;
};

// How requests are spread over threads. A few I/O threads (one per core)
// parse and answer; handlers that may block for long (writes wait for a
// durable commit, and every handler when reads are network round trips to
// PostgreSQL) run on a larger worker pool, so concurrent writes share one
// group commit while quick reads never queue behind them.
struct ServeOptions {
  unsigned io_threads = 0;       // 0: one per core
  unsigned worker_threads = 0;   // 0: max(32, 8 per core)
  bool reads_may_block = false;  // true: GET handlers also run on the workers
  // The largest request body read; a larger one is refused with 413 as soon
  // as its head announces it (or a chunk passes it), before it is read.
  std::uint64_t max_body_bytes = 64ULL * 1024 * 1024;
  // The time a client has to send a whole request (head and body) once it
  // starts one or its connection waits for the next: past it the connection
  // is closed (slow or idle clients). RESTinio's default, made explicit.
  std::chrono::milliseconds read_timeout{60000};
  // How often open event streams get a keep-alive comment.
  std::chrono::milliseconds stream_ping{15000};
  ServeControl* control = nullptr;
  // Another address with routes of its own, e.g. /metrics where only the
  // monitoring network reaches (`--metrics-listen`). Empty host: none.
  struct Listener {
    std::string host;
    unsigned short port = 0;
    std::vector<Route> routes;
  };
  Listener side{};
};

// Blocks SIGTERM and SIGINT in the calling thread and in every thread it
// starts from now on. Called first thing by `guiche serve`: a stop asked for
// while the desk is still starting (its background threads already run) then
// waits for serve()'s handler instead of killing the process with work half
// done. serve() unblocks them once its handler is installed.
void hold_stop_signals();

int serve(const std::vector<Route>& routes, const std::string& host, unsigned short port,
          const ServeOptions& options = {});

}  // namespace guiche::http
