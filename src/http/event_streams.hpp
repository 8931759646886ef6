#pragma once
// Server-sent event streams on RESTinio, internal to the server adapter. A
// stream keeps its request's response open with chunked output: sending
// appends a chunk and flushes it through the connection's own executor, so no
// thread is held per connection. A comment every `ping` keeps proxies and
// RESTinio's handling timer from closing an idle stream, and reveals clients
// that went away (the write fails and the stream ends).
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <restinio/all.hpp>
#include <set>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace guiche::http::detail {

class StreamRegistry;

class OpenStream final : public EventStream, public std::enable_shared_from_this<OpenStream> {
 public:
  OpenStream(std::shared_ptr<StreamRegistry> registry, restinio::request_handle_t req);
  bool send(const std::string& event, const std::string& data) override;
  void on_close(std::function<void()> fn) override;

  // Sends the headers and what was sent before; the stream is then live.
  void start();
  // A comment line (": text"), ignored by browsers.
  void comment(const std::string& text);
  // Ends the response and runs the close callbacks (once).
  void close();

 private:
  bool write(std::string text);  // with mutex_ held

  std::shared_ptr<StreamRegistry> registry_;
  restinio::request_handle_t request_;
  std::mutex mutex_;
  std::optional<restinio::response_builder_t<restinio::chunked_output_t>> response_;
  std::string early_;  // sent before start()
  bool closed_ = false;
  std::vector<std::function<void()>> closers_;
};

class StreamRegistry : public std::enable_shared_from_this<StreamRegistry> {
 public:
  StreamRegistry(asio::io_context& io, std::atomic<int>& in_flight, std::chrono::milliseconds ping);

  std::shared_ptr<OpenStream> create(restinio::request_handle_t req);
  // Starts `s` unless the server is stopping (then it is closed).
  void start(const std::shared_ptr<OpenStream>& s);
  void forget(const OpenStream* s);
  // A write failed: the stream ends on the I/O loop, never inline in the
  // writer (which may hold the stream's lock).
  void end_later(std::weak_ptr<OpenStream> s);
  // Ends every stream and stops pinging; later streams end at once.
  void close_all();
  std::atomic<int>& in_flight() { return in_flight_; }
  // Streams open now (for /metrics).
  std::size_t open_count();

 private:
  void schedule_ping();

  asio::io_context& io_;
  std::atomic<int>& in_flight_;
  const std::chrono::milliseconds ping_;
  std::unique_ptr<asio::steady_timer> timer_;  // dropped by close_all, on the loop
  std::mutex mutex_;
  bool stopping_ = false;
  std::set<std::shared_ptr<OpenStream>> streams_;
};

}  // namespace guiche::http::detail
