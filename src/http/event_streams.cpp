#include "http/event_streams.hpp"

namespace guiche::http::detail {

OpenStream::OpenStream(std::shared_ptr<StreamRegistry> registry, restinio::request_handle_t req)
    : registry_(std::move(registry)), request_(std::move(req)) {}

bool OpenStream::write(std::string text) {
  if (closed_) return false;
  if (!response_) {
    early_ += text;
    return true;
  }
  response_->append_chunk(std::move(text));
  std::weak_ptr<OpenStream> self = weak_from_this();
  std::weak_ptr<StreamRegistry> registry = registry_;
  response_->flush([self, registry](const asio::error_code& ec) {
    if (!ec) return;
    if (auto r = registry.lock()) r->end_later(self);
  });
  return true;
}

bool OpenStream::send(const std::string& event, const std::string& data) {
  std::string text = "event: " + event + "\n";
  std::size_t start = 0;
  for (;;) {
    const auto end = data.find('\n', start);
    text += "data: " + data.substr(start, end == std::string::npos ? end : end - start) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  text += "\n";
  std::lock_guard lock(mutex_);
  return write(std::move(text));
}

void OpenStream::comment(const std::string& text) {
  std::lock_guard lock(mutex_);
  write(": " + text + "\n\n");
}

void OpenStream::on_close(std::function<void()> fn) {
  {
    std::lock_guard lock(mutex_);
    if (!closed_) {
      closers_.push_back(std::move(fn));
      return;
    }
  }
  fn();
}

void OpenStream::start() {
  std::lock_guard lock(mutex_);
  if (closed_) return;
  response_.emplace(request_->create_response<restinio::chunked_output_t>());
  response_->append_header(restinio::http_field::content_type, "text/event-stream; charset=utf-8")
      .append_header(restinio::http_field::cache_control, "no-store")
      .append_header("X-Content-Type-Options", "nosniff")
      .append_header("X-Accel-Buffering", "no");
  // The first bytes tell the browser the stream is open (and how soon to
  // come back after a drop).
  write("retry: 3000\n\n" + std::exchange(early_, ""));
}

void OpenStream::close() {
  std::vector<std::function<void()>> closers;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    closed_ = true;
    closers.swap(closers_);
    if (response_) {
      // The last chunk is counted in flight, so a shutdown lets it out.
      auto& in_flight = registry_->in_flight();
      in_flight.fetch_add(1);
      std::move(*response_).done([&in_flight](const asio::error_code&) { in_flight.fetch_sub(1); });
      response_.reset();
    }
  }
  registry_->forget(this);
  for (auto& fn : closers) fn();
}

StreamRegistry::StreamRegistry(asio::io_context& io, std::atomic<int>& in_flight,
                               std::chrono::milliseconds ping)
    : io_(io),
      in_flight_(in_flight),
      ping_(ping),
      timer_(std::make_unique<asio::steady_timer>(io)) {}

std::shared_ptr<OpenStream> StreamRegistry::create(restinio::request_handle_t req) {
  return std::make_shared<OpenStream>(shared_from_this(), std::move(req));
}

void StreamRegistry::start(const std::shared_ptr<OpenStream>& s) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      const bool first = streams_.empty();
      streams_.insert(s);
      if (first) asio::post(io_, [self = shared_from_this()] { self->schedule_ping(); });
      s->start();
      return;
    }
  }
  s->close();
}

void StreamRegistry::forget(const OpenStream* s) {
  std::lock_guard lock(mutex_);
  for (auto it = streams_.begin(); it != streams_.end(); ++it) {
    if (it->get() == s) {
      streams_.erase(it);
      return;
    }
  }
}

void StreamRegistry::end_later(std::weak_ptr<OpenStream> s) {
  asio::post(io_, [s = std::move(s)] {
    if (auto stream = s.lock()) stream->close();
  });
}

// One timer for all streams, armed while any is open.
void StreamRegistry::schedule_ping() {
  std::lock_guard lock(mutex_);
  if (!timer_ || streams_.empty()) return;
  timer_->expires_after(ping_);
  timer_->async_wait([self = shared_from_this()](const asio::error_code& ec) {
    if (ec) return;
    std::vector<std::shared_ptr<OpenStream>> streams;
    {
      std::lock_guard lock(self->mutex_);
      streams.assign(self->streams_.begin(), self->streams_.end());
    }
    for (const auto& s : streams) s->comment("ping");
    self->schedule_ping();
  });
}

void StreamRegistry::close_all() {
  std::vector<std::shared_ptr<OpenStream>> streams;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    timer_.reset();
    streams.assign(streams_.begin(), streams_.end());
  }
  for (const auto& s : streams) s->close();
}

std::size_t StreamRegistry::open_count() {
  std::lock_guard lock(mutex_);
  return streams_.size();
}

}  // namespace guiche::http::detail
