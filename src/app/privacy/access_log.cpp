#include "app/privacy/access_log.hpp"

#include <charconv>

#include "app/desk_context.hpp"
#include "domain/error.hpp"
#include "observability/log.hpp"

namespace guiche::app {

bool can_read_access_log(const Person& p) {
  return p.has_role(Role::admin) || p.has_role(Role::data_protection_officer);
}

std::string access_cursor(const store::AccessRecord& r) {
  return std::to_string(to_millis(r.at)) + "." + std::to_string(r.id);
}

std::optional<std::pair<Instant, std::int64_t>> parse_access_cursor(std::string_view text) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == text.size()) return std::nullopt;
  std::int64_t at = 0;
  std::int64_t id = 0;
  const char* end = text.data() + text.size();
  auto [p1, e1] = std::from_chars(text.data(), text.data() + dot, at);
  auto [p2, e2] = std::from_chars(text.data() + dot + 1, end, id);
  if (e1 != std::errc() || p1 != text.data() + dot || e2 != std::errc() || p2 != end || at < 0 ||
      id < 0) {
    return std::nullopt;
  }
  return std::pair{from_millis(at), id};
}

AccessLog::AccessLog(store::Database& db, const Clock& clock, AccessLogOptions options)
    : db_(db), clock_(clock), options_(options) {}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (flusher_.joinable()) flusher_.join();
  try {
    write_pending();
  } catch (const std::exception& e) {
    observability::log_error("access-log", e.what());
  }
}

void AccessLog::record(const Actor& reader, const ReadOrigin& origin,
                       const std::vector<std::int64_t>& subjects, std::string_view kind,
                       std::int64_t object_id) {
  if (!options_.enabled) return;
  append(reader, origin, subjects.data(), subjects.size(), kind, object_id);
}

void AccessLog::record(const Actor& reader, const ReadOrigin& origin, std::int64_t subject,
                       std::string_view kind, std::int64_t object_id) {
  if (subject == reader.id() || !options_.enabled) return;
  append(reader, origin, &subject, 1, kind, object_id);
}

void AccessLog::append(const Actor& reader, const ReadOrigin& origin, const std::int64_t* subjects,
                       std::size_t count, std::string_view kind, std::int64_t object_id) {
  const Instant at = clock_.now();
  const char* channel = origin.face == ReadFace::api    ? "api"
                        : origin.face == ReadFace::mail ? "email"
                                                        : "web";
  bool full = false;
  {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < count; ++i) {
      if (subjects[i] == reader.id()) continue;  // one's own data: not recorded
      auto& r = buffer_.emplace_back();
      r.at = at;
      r.reader_person_id = reader.id();
      r.reader_token_id = reader.api_token_id;
      r.reader_address = origin.address;
      r.channel = channel;
      r.subject_person_id = subjects[i];
      r.object_kind = kind;
      r.object_id = object_id;
    }
    if (!started_ && !buffer_.empty()) start_flusher_locked();
    full = buffer_.size() >= options_.flush_at;
  }
  if (full) wake_.notify_one();
}

void AccessLog::record_people(const Actor& reader, const ReadOrigin& origin,
                              const std::vector<std::int64_t>& people, std::string_view kind) {
  for (const auto id : people) record(reader, origin, id, kind, id);
}

void AccessLog::start_flusher_locked() {
  started_ = true;
  flusher_ = std::thread([this] { run_flusher(); });
}

void AccessLog::run_flusher() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, options_.flush_interval,
                   [this] { return stopping_ || buffer_.size() >= options_.flush_at; });
    if (stopping_) break;  // the destructor writes the rest
    if (buffer_.empty()) continue;
    lock.unlock();
    try {
      write_pending();
    } catch (const std::exception& e) {
      observability::log_error("access-log", e.what());
    }
    lock.lock();
  }
}

std::size_t AccessLog::write_pending() {
  std::lock_guard order(write_mutex_);
  std::vector<store::AccessRecord> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(buffer_);
    // The next batch grows into room already made, not by reallocating under the lock.
    buffer_.reserve(std::min(batch.size(), options_.flush_at));
  }
  if (batch.empty()) return 0;
  try {
    db_.write([&](store::Connection& c) { store::insert_access_records(c, batch); });
  } catch (...) {
    // Kept for the next round, older first, within the bound.
    std::lock_guard lock(mutex_);
    batch.insert(batch.end(), std::make_move_iterator(buffer_.begin()),
                 std::make_move_iterator(buffer_.end()));
    if (batch.size() > options_.max_buffered) {
      const auto dropped = batch.size() - options_.max_buffered;
      batch.erase(batch.begin(), batch.begin() + static_cast<std::ptrdiff_t>(dropped));
      observability::log_error("access-log", std::to_string(dropped) +
                                                 " entradas do registro de acessos descartadas "
                                                 "(banco indisponível e memória no limite)");
    }
    buffer_.swap(batch);
    throw;
  }
  return batch.size();
}

std::size_t AccessLog::flush() {
  return write_pending();
}

std::size_t AccessLog::buffered() const {
  std::lock_guard lock(mutex_);
  return buffer_.size();
}

AccessLogPage AccessLog::query(const Actor& a, store::AccessQuery q) {
  require_active(a);
  if (!can_read_access_log(a.person)) {
    throw forbidden(
        "Somente administradores e o encarregado de dados consultam o registro de acessos.");
  }
  if (q.limit < 1 || q.limit > 200) {
    throw invalid_field("limit", "O limite deve estar entre 1 e 200.");
  }
  if (q.since && q.until && *q.until <= *q.since) {
    throw invalid_field("until", "O fim do período deve ser depois do início.");
  }
  AccessLogPage page;
  const int wanted = q.limit;
  q.limit = wanted + 1;  // one more says whether a next page exists
  db_.read([&](store::Connection& c) { page.entries = store::query_access_records(c, q); });
  if (static_cast<int>(page.entries.size()) > wanted) {
    page.entries.resize(static_cast<std::size_t>(wanted));
    page.next_after = access_cursor(page.entries.back());
  }
  return page;
}

std::int64_t AccessLog::delete_expired(std::chrono::days retention, int batch, int max_batches) {
  const Instant before = clock_.now() - retention;
  std::int64_t deleted = 0;
  for (int i = 0; i < max_batches; ++i) {
    std::int64_t n = 0;
    db_.write(
        [&](store::Connection& c) { n = store::delete_access_records_before(c, before, batch); });
    deleted += n;
    if (n < batch) break;
  }
  return deleted;
}

}  // namespace guiche::app
