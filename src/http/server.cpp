#include "http/server.hpp"
#include "support/random_hex.hpp"

#include "http/event_streams.hpp"
#include "http/route_table.hpp"
#include "http/strict_parser.hpp"
#include "observability/log.hpp"
#include "observability/metrics.hpp"
#include "support/thread_name.hpp"

#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <restinio/all.hpp>
#include <stdexcept>
#include <thread>
#include <unordered_set>
#include <vector>

namespace guiche::http {
namespace {

// traits_t's default strand is a real asio strand: needed because the
// handlers run on a thread pool.
using Handler = std::function<restinio::request_handling_status_t(restinio::request_handle_t)>;

// The connections on which a request was refused (http/strict_parser.hpp),
// until they close. Their answer closes them, but a client that pipelined
// requests before the refused one has the refusal wait its turn, and RESTinio
// meanwhile parses the bytes after it (the refused body, perhaps a request
// smuggled inside it) as further requests: those must not reach a route either.
class RefusedConnections {
 public:
  void add(restinio::connection_id_t id) {
    std::lock_guard lock(mutex_);
    ids_.insert(id);
  }
  bool contains(restinio::connection_id_t id) {
    std::lock_guard lock(mutex_);
    return ids_.count(id) > 0;
  }
  // RESTinio's connection state listener.
  void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
    if (!restinio::holds_alternative<restinio::connection_state::closed_t>(notice.cause())) return;
    std::lock_guard lock(mutex_);
    ids_.erase(notice.connection_id());
  }

 private:
  std::mutex mutex_;
  std::unordered_set<restinio::connection_id_t> ids_;
};

struct Traits
    : restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t, Handler> {
  using http_methods_mapper_t = StrictMethods;  // the strict parser settings
  using connection_state_listener_t = RefusedConnections;
};
using Steady = std::chrono::steady_clock;

// How long a shutdown waits for responses already being produced.
constexpr auto drain_limit = std::chrono::seconds(10);
// RESTinio's default is one request per connection at a time, which makes a
// pipelining client wait a round trip per request; 16 keeps a connection busy
// without letting one client queue unbounded work.
constexpr std::size_t max_pipelined = 16;

// State the response callbacks share. They may run after serve() has decided
// to stop (or when Asio destroys a pending write), so they hold it by
// shared_ptr rather than pointing into serve()'s frame.
struct Shared {
  std::atomic<int> in_flight{0};  // handlers started whose response is not yet written
};

// The HTTP figures of /metrics. The route label is the route's template, so
// the series are as many as the routes, whatever paths clients send.
struct HttpMetrics {
  observability::Family<observability::Counter>& requests;
  observability::Family<observability::Histogram>& duration;
};

HttpMetrics& http_metrics() {
  static HttpMetrics m{
      observability::metrics().counter("guiche_http_requests_total",
                                       "Requisições HTTP respondidas, por método, rota e código.",
                                       {"method", "route", "status"}),
      observability::metrics().histogram(
          "guiche_http_request_duration_seconds",
          "Duração das requisições HTTP, da chegada ao fim da escrita da resposta.",
          {"method", "route"})};
  return m;
}

struct Reply {
  restinio::http_status_line_t status;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string log_path;  // the route template, so log lines group and hold no ids
  std::optional<std::int64_t> person_id;
  bool close = false;  // Connection: close (a refused request)
};

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    case 431:
      return "Request Header Fields Too Large";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
  }
}

// 16 hex characters from libsodium's CSPRNG: unguessable, so a request id
// shown to a user cannot be used to find someone else's request in the logs.
std::string request_id() {
  return random_hex(8);
}

// RFC 9457 problem details. Titles and details are pt-BR: people read them.
Reply problem(restinio::http_status_line_t status, const std::string& title,
              const std::string& detail) {
  nlohmann::ordered_json body = {{"type", "about:blank"},
                                 {"title", title},
                                 {"status", status.status_code().raw_code()},
                                 {"detail", detail}};
  return {std::move(status), "application/problem+json", body.dump(), {}, {}, std::nullopt};
}

// Sends `reply` with the headers every response carries, and logs the access
// line once the bytes are written (or the write failed), so the duration
// covers the whole exchange. Method and path only: bodies, query strings and
// header values can hold personal data or secrets.
restinio::request_handling_status_t send(const std::shared_ptr<Shared>& shared,
                                         const restinio::request_handle_t& req,
                                         Steady::time_point started, std::string id, Reply reply) {
  observability::AccessEntry entry;
  entry.method = req->header().method().c_str();
  entry.status = reply.status.status_code().raw_code();
  entry.route = reply.log_path.empty() ? std::string(req->header().path()) : reply.log_path;
  entry.person_id = reply.person_id;
  entry.request_id = id;
  // Paths no route matched are one series, not one per path a client invents.
  std::string route_label = reply.log_path.empty() ? "unmatched" : reply.log_path;
  auto response = req->create_response(std::move(reply.status));
  response.append_header(restinio::http_field::content_type, std::move(reply.content_type))
      .append_header("X-Request-Id", std::move(id));
  for (auto& [name, value] : reply.headers) response.append_header(name, std::move(value));
  if (reply.close) response.connection_close();
  return response.set_body(std::move(reply.body))
      .done([shared, started, entry = std::move(entry),
             route_label = std::move(route_label)](const asio::error_code&) mutable {
        const auto seconds = std::chrono::duration<double>(Steady::now() - started).count();
        entry.duration_ms = seconds * 1000;
        observability::log_access(entry);
        auto& m = http_metrics();
        m.requests.with({entry.method, route_label, std::to_string(entry.status)}).inc();
        m.duration.with({entry.method, route_label}).observe(seconds);
        shared->in_flight.fetch_sub(1);
      });
}

// Wraps a route so it is counted as in flight and so an exception becomes a
// 500 problem instead of a dropped connection. The exception's text is kept
// out of the response: it may describe the database.
template <typename Produce>
restinio::request_handling_status_t handle(const std::shared_ptr<Shared>& shared,
                                           const restinio::request_handle_t& req, Produce produce) {
  const auto started = Steady::now();
  shared->in_flight.fetch_add(1);
  auto id = request_id();
  // Whatever the handler logs carries the request id (observability/log.hpp).
  observability::RequestScope scope(id);
  Reply reply;
  try {
    reply = produce();
  } catch (const std::exception& e) {
    // The request id joins this line to the request's access line (route,
    // status); the path itself may carry ids and stays out.
    observability::log_error("http", std::string("erro ao atender: ") + e.what());
    reply = problem(restinio::status_internal_server_error(), "Erro interno",
                    "Ocorreu um erro inesperado; tente novamente.");
  }
  return send(shared, req, started, std::move(id), std::move(reply));
}

// Copies what a handler may look at out of RESTinio's request.
Request to_request(const restinio::request_handle_t& req, const Route& route,
                   std::map<std::string, std::string> params) {
  Request r;
  r.method = req->header().method().c_str();
  r.path = std::string(req->header().path());
  r.route = route.path;
  r.params = std::move(params);
  // A malformed query string is the client's mistake: handlers see it as absent
  // and answer 400 if they needed it (bad cursors, filters).
  try {
    for (const auto& [key, value] :
         restinio::parse_query<restinio::parse_query_traits::relaxed>(req->header().query())) {
      r.query.emplace_back(std::string(key), std::string(value));
    }
  } catch (const std::exception&) {
    r.query.emplace_back("\x01malformed", "");
  }
  req->header().for_each_field([&](const auto& field) {
    std::string name = field.name();
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    r.headers[name] = field.value();
  });
  r.body = req->body();
  r.remote_address = req->remote_endpoint().address().to_string();
  return r;
}

Reply to_reply(Response response, const Route& route) {
  auto person_id = take_logged_person();
  return Reply{restinio::http_status_line_t{
                   restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
                   std::string(reason_phrase(response.status))},
               std::move(response.content_type),
               std::move(response.body),
               std::move(response.headers),
               route.path,
               person_id};
}

// An event stream: the handler refuses it with an ordinary response, or it
// opens and the request stays accepted (not in flight: a shutdown ends it).
restinio::request_handling_status_t open_stream(
    const std::shared_ptr<Shared>& shared, const std::shared_ptr<detail::StreamRegistry>& streams,
    const restinio::request_handle_t& req, const Route& route,
    std::map<std::string, std::string> params) {
  auto stream = streams->create(req);
  std::optional<Response> refusal;
  std::exception_ptr failure;
  try {
    refusal = route.stream(to_request(req, route, std::move(params)), stream);
  } catch (...) {
    failure = std::current_exception();
  }
  if (failure) {
    stream->close();
    return handle(shared, req, [&]() -> Reply { std::rethrow_exception(failure); });
  }
  if (refusal) {
    stream->close();
    return handle(shared, req, [&] { return to_reply(std::move(*refusal), route); });
  }
  observability::AccessEntry entry;
  entry.method = "GET";
  entry.route = route.path;
  entry.status = 200;
  entry.stream = true;
  entry.request_id = request_id();
  entry.person_id = take_logged_person();
  observability::log_access(entry);
  streams->start(stream);
  return restinio::request_accepted();
}

// The path with its unreserved characters percent-decoded ("%41" is "A"), as RESTinio's express
// router matched it; throws on a bad percent-escape.
std::string normalized_path(restinio::string_view_t path) {
  namespace normalization = restinio::utils::uri_normalization::unreserved_chars;
  std::string out(normalization::estimate_required_capacity(path), '\0');
  if (out.size() == path.size()) {
    out.assign(path.data(), path.size());
  } else {
    normalization::normalize_to(path, out.data());
  }
  return out;
}

// The routes' handler: the route the request names (http/route_table.hpp) answers it, on the
// workers unless it is a read that cannot block; no route, a 404.
Handler routing(const std::vector<Route>& routes, const std::shared_ptr<Shared>& shared,
                const std::shared_ptr<detail::StreamRegistry>& streams, asio::io_context& workers,
                bool reads_may_block) {
  auto table = std::make_shared<const RouteTable>(routes);
  return [table, shared, streams, &workers, reads_may_block](
             const restinio::request_handle_t& req) -> restinio::request_handling_status_t {
    auto match = table->find(req->header().method().c_str(), normalized_path(req->header().path()));
    if (match.route == nullptr) {
      return handle(shared, req, [] {
        return problem(restinio::status_not_found(), "Não encontrado", "Recurso não encontrado.");
      });
    }
    const Route& route = *match.route;
    auto answer = [&route, shared, streams, req, params = std::move(match.params)]() mutable {
      if (route.stream) return open_stream(shared, streams, req, route, std::move(params));
      return handle(shared, req, [&] {
        return to_reply(route.handler(to_request(req, route, std::move(params))), route);
      });
    };
    if (!reads_may_block && route.method == "GET") return answer();
    // Counted from now, so a shutdown waits for queued handlers too.
    shared->in_flight.fetch_add(1);
    asio::post(workers, [shared, answer = std::move(answer)]() mutable {
      answer();
      shared->in_flight.fetch_sub(1);
    });
    return restinio::request_accepted();
  };
}

// The first handler of every request: a request the strict parser refused
// (http/strict_parser.hpp) is answered here and its connection closed, before
// any route; the path is decoded before matching (normalized_path), which throws
// on a bad percent-escape, and unanswered that would drop the connection.
Handler answering_bad_requests(Handler routes, const std::shared_ptr<Shared>& shared,
                               const std::shared_ptr<RefusedConnections>& refused,
                               std::uint64_t max_body_bytes) {
  return [routes = std::move(routes), shared, refused,
          max_body_bytes](const restinio::request_handle_t& req) {
    auto refusal = refusal_of(req->header(), max_body_bytes);
    if (!refusal && refused->contains(req->connection_id())) {
      refusal = Refusal{400, "Requisição malformada",
                        "Requisição recebida depois de outra recusada na mesma conexão."};
    }
    if (refusal) {
      refused->add(req->connection_id());
      return handle(shared, req, [&] {
        auto reply = problem(
            restinio::http_status_line_t{
                restinio::http_status_code_t{static_cast<std::uint16_t>(refusal->status)},
                std::string(reason_phrase(refusal->status))},
            refusal->title, refusal->detail);
        reply.log_path = "(recusada)";  // the target may be what was too long
        reply.close = true;
        return reply;
      });
    }
    try {
      return routes(req);
    } catch (const std::exception&) {
      return handle(shared, req, [] {
        return problem(restinio::status_bad_request(), "Requisição malformada",
                       "O caminho da requisição tem uma codificação inválida.");
      });
    }
  };
}

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

void release_stop_signals() {
  const auto set = stop_signals();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace

void ServeControl::request_stop() {
  std::function<void()> stopper;
  {
    std::lock_guard lock(mutex_);
    stop_requested_ = true;
    stopper = stopper_;
  }
  if (stopper) stopper();
}

void ServeControl::attach(std::function<void()> stopper) {
  bool already;
  {
    std::lock_guard lock(mutex_);
    stopper_ = stopper;
    already = stop_requested_;
  }
  if (already && stopper) stopper();
}

void hold_stop_signals() {
  const auto set = stop_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int serve(const std::vector<Route>& routes, const std::string& host, unsigned short port,
          const ServeOptions& options) {
  ServeControl* control = options.control;
  if (sodium_init() < 0) throw std::runtime_error("libsodium não pôde ser inicializada");
  auto shared = std::make_shared<Shared>();

  // Declared before the server so it outlives it: pending handlers that hold
  // connections are destroyed with the io_context, after the server.
  asio::io_context io;
  asio::io_context workers;
  auto keep_workers = asio::make_work_guard(workers);
  auto streams =
      std::make_shared<detail::StreamRegistry>(io, shared->in_flight, options.stream_ping);
  // Both listeners read requests the same strict way (http/strict_parser.hpp):
  // a body over the limit is refused at its head, and a client gets
  // `read_timeout` to send a whole request (a slow one is disconnected).
  auto settings = [&](const std::string& address, unsigned short on_port,
                      const std::vector<Route>& served) {
    // One per listener: each numbers its connections from 1.
    auto refused = std::make_shared<RefusedConnections>();
    return restinio::server_settings_t<Traits>{}
        .address(address)
        .port(on_port)
        .incoming_http_msg_limits(
            restinio::incoming_http_msg_limits_t{}.max_body_size(options.max_body_bytes))
        .read_next_http_message_timelimit(options.read_timeout)
        .connection_state_listener(refused)
        .request_handler(answering_bad_requests(
            routing(served, shared, streams, workers, options.reads_may_block), shared, refused,
            options.max_body_bytes));
  };
  restinio::http_server_t<Traits> server{
      restinio::external_io_context(io),
      settings(host, port, routes)
          .max_pipelined_requests(max_pipelined)
          // An open event stream counts as a request being handled: between
          // its pings RESTinio's handling timer must not close it.
          .handle_request_timeout(std::max<std::chrono::steady_clock::duration>(
              std::chrono::seconds(10), 2 * options.stream_ping))};

  // The side listener (ServeOptions::side) shares the loop, the workers and
  // the shutdown; it has its own routes only.
  std::optional<restinio::http_server_t<Traits>> side_server;
  if (!options.side.host.empty()) {
    side_server.emplace(restinio::external_io_context(io),
                        settings(options.side.host, options.side.port, options.side.routes));
  }

  std::exception_ptr failure;
  std::string failed_address = host + ":" + std::to_string(port);
  // Once the acceptor is closed, poll until the responses in flight are
  // written (or the limit passes), then stop the loop: stopping at once would
  // cut those responses off.
  asio::steady_timer drain{io};
  Steady::time_point drain_until;
  std::function<void()> wait_for_drain = [&] {
    if (shared->in_flight.load() <= 0 || Steady::now() >= drain_until) {
      io.stop();
      return;
    }
    drain.expires_after(std::chrono::milliseconds(10));
    drain.async_wait([&](const asio::error_code&) { wait_for_drain(); });
  };

  // RESTinio's own run() only reacts to SIGINT; a service manager sends SIGTERM.
  std::atomic<bool> closing{false};
  auto begin_shutdown = [&] {
    if (closing.exchange(true)) return;
    observability::log_notice(
        "guiche serve",
        "encerrando; " + std::to_string(shared->in_flight.load()) + " requisições em andamento");
    // Open event streams end now (their clients reconnect elsewhere or later).
    streams->close_all();
    auto close_main = [&] {
      server.close_async(
          [&] {
            drain_until = Steady::now() + drain_limit;
            wait_for_drain();
          },
          [&](std::exception_ptr e) {
            failure = e;
            io.stop();
          });
    };
    if (!side_server) return close_main();
    side_server->close_async(close_main, [close_main](std::exception_ptr) { close_main(); });
  };
  asio::signal_set signals{io, SIGINT, SIGTERM};
  signals.async_wait([&](const asio::error_code& ec, int) {
    if (!ec) begin_shutdown();
  });
  release_stop_signals();  // one held since start-up (hold_stop_signals) is handled now
  if (control) control->attach([&] { asio::post(io, begin_shutdown); });
  server.open_async([] {},
                    [&](std::exception_ptr e) {
                      failure = e;
                      io.stop();
                    });
  if (side_server) {
    side_server->open_async([] {},
                            [&](std::exception_ptr e) {
                              failure = e;
                              failed_address =
                                  options.side.host + ":" + std::to_string(options.side.port);
                              io.stop();
                            });
  }
  // What is open and in flight, for /metrics while this server runs.
  auto gauges =
      observability::metrics().add_collector([shared, streams](observability::SampleWriter& out) {
        out.family("guiche_http_requests_in_flight",
                   "Requisições HTTP em atendimento (incluindo as na fila dos workers).", "gauge");
        out.sample("guiche_http_requests_in_flight", {}, shared->in_flight.load());
        out.family("guiche_sse_streams_open", "Fluxos de eventos (SSE) abertos.", "gauge");
        out.sample("guiche_sse_streams_open", {}, static_cast<double>(streams->open_count()));
      });

  // Workers block on the database (a durable commit waits for fsync), so their
  // pool is sized for concurrency, not for cores: concurrent registrations
  // then share one group commit instead of queueing behind two threads.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned worker_count =
      options.worker_threads ? options.worker_threads : std::max(32u, 8 * cores);
  const unsigned io_count = options.io_threads ? options.io_threads : cores;
  std::vector<std::thread> worker_pool;
  for (unsigned i = 0; i < worker_count; ++i)
    worker_pool.emplace_back([&workers] {
      support::name_this_thread("http-worker");
      workers.run();
    });
  std::vector<std::thread> io_pool;
  for (unsigned i = 0; i + 1 < io_count; ++i)
    io_pool.emplace_back([&io] {
      support::name_this_thread("http-io");
      io.run();
    });
  io.run();  // this thread is the I/O pool's last member
  for (auto& t : io_pool) t.join();
  keep_workers.reset();
  workers.stop();  // only handlers cut off by the drain limit are still queued
  for (auto& t : worker_pool) t.join();
  if (control) control->attach(nullptr);

  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      throw std::runtime_error("não foi possível escutar em " + failed_address + ": " + e.what());
    }
  }
  return 0;
}

}  // namespace guiche::http
