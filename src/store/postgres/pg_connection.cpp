// See pg_connection.hpp.
#include "store/postgres/pg_connection.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

#include "domain/ascii_text.hpp"
#include "store/write_metrics.hpp"

namespace guiche::store::postgres {
namespace {

// Type OIDs from catalog/pg_type_d.h, which is a server header.
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kOidOid = 26,
              kFloat4Oid = 700, kFloat8Oid = 701, kNumericOid = 1700;

using Kind = StoreError::Kind;

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

Value convert_cell(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return Value{};
  const char* const begin = PQgetvalue(res, row, col);
  const char* const end = begin + PQgetlength(res, row, col);
  const char* text = begin;
  switch (PQftype(res, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      std::int64_t v = 0;
      if (std::from_chars(text, end, v).ec == std::errc{}) return v;
      break;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      // from_chars, unlike strtod, ignores the process locale (pt_BR uses ',').
      double v = 0;
      if (*text == '+') ++text;  // "+Infinity"
      if (std::from_chars(text, end, v).ec == std::errc{}) return v;
      break;
    }
    case kBoolOid:
      return std::int64_t{*text == 't' ? 1 : 0};
    default:
      break;
  }
  return std::string(begin, end);
}

// The parameters as libpq takes them: text, or null for a null.
struct TextParams {
  explicit TextParams(const std::vector<Value>& params)
      : storage(params.size()), values(params.size(), nullptr) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (auto n = std::get_if<std::int64_t>(&params[i])) {
        values[i] = (storage[i] = std::to_string(*n)).c_str();
      } else if (auto d = std::get_if<double>(&params[i])) {
        // Same digits as "%.17g" (round-trips exactly) but locale-independent.
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, *d, std::chars_format::general, 17);
        values[i] = (storage[i] = std::string(buf, r.ptr)).c_str();
      } else if (auto s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      }
    }
  }
  int count() const { return static_cast<int>(values.size()); }
  std::vector<std::string> storage;
  std::vector<const char*> values;
};

bool starts_with_word(std::string_view text, std::string_view word) {
  return text.size() >= word.size() && ascii_lower(text.substr(0, word.size())) == word &&
         (text.size() == word.size() || !is_identifier_char(text[word.size()]));
}

}  // namespace

std::string without_trailing_space(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

Result check(PGconn* conn, PGresult* raw) {
  Result res(raw);
  ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    return res;
  }
  const char* field = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = field ? field : "";
  Kind kind = Kind::generic;
  // 57P01-57P03: the server ended the session (shut down, restarted, or
  // an administrator's pg_terminate_backend); a pipelined answer may say so
  // before libpq has seen the socket close.
  if (PQstatus(conn) != CONNECTION_OK || sqlstate.rfind("08", 0) == 0 ||
      sqlstate.rfind("57P0", 0) == 0) {
    kind = Kind::connection;
  } else if (sqlstate == "23505") {
    kind = Kind::unique_violation;
  } else if (sqlstate == "40001" || sqlstate == "40P01") {
    kind = Kind::busy;
  }
  // The primary message only: the DETAIL line quotes the row's values (a
  // duplicate key's e-mail), and these errors reach the log.
  const char* primary = res ? PQresultErrorField(res.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message = without_trailing_space(primary ? primary
                                               : res   ? PQresultErrorMessage(res.get())
                                                       : PQerrorMessage(conn));
  throw StoreError(kind, "PostgreSQL" + (sqlstate.empty() ? "" : " " + sqlstate) + ": " + message);
}

// Dollar-quoted strings and nested comments are not recognised: the
// application's SQL never puts a `?` in them.
std::string rewrite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int count = 0;
  std::size_t i = 0;
  auto copy_until = [&](std::size_t end) {
    end = std::min(end, sql.size());
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    char c = sql[i];
    char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'' || c == '"') {
      // In E'...' a backslash escapes the quote; elsewhere '' is just two
      // adjacent literals as far as this scan is concerned.
      bool backslashes = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                         (i < 2 || !is_identifier_char(sql[i - 2]));
      std::size_t j = i + 1;
      while (j < sql.size() && sql[j] != c) j += (backslashes && sql[j] == '\\') ? 2 : 1;
      copy_until(j + 1);
    } else if (c == '-' && next == '-') {
      copy_until(sql.find('\n', i));
    } else if (c == '/' && next == '*') {
      std::size_t close = sql.find("*/", i + 2);
      copy_until(close == sql.npos ? close : close + 2);
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++count);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

bool answers_no_rows(std::string_view sql) {
  std::size_t first = 0;
  while (first < sql.size() && std::isspace(static_cast<unsigned char>(sql[first]))) ++first;
  const std::string_view statement = sql.substr(first);
  if (!starts_with_word(statement, "insert") && !starts_with_word(statement, "update") &&
      !starts_with_word(statement, "delete")) {
    return false;
  }
  // A word RETURNING anywhere, even inside a literal, keeps the statement
  // synchronous: the safe side of a rare false match.
  const std::string lowered = ascii_lower(statement);
  for (auto at = lowered.find("returning"); at != std::string::npos;
       at = lowered.find("returning", at + 1)) {
    const bool starts = at == 0 || !is_identifier_char(lowered[at - 1]);
    const bool ends = at + 9 == lowered.size() || !is_identifier_char(lowered[at + 9]);
    if (starts && ends) return false;
  }
  return true;
}

std::vector<Row> PgConnection::query(std::string_view sql, const std::vector<Value>& params) {
  const TextParams text(params);
  if (pipelined_ && answers_no_rows(sql)) {
    send(sql, text.count(), text.values.data());
    return {};
  }
  Result res;
  if (pending_begin_) {
    res = run_after_begin(sql, text.count(), text.values.data());
  } else {
    read_queued();
    record_round_trip(pipelined_);
    res = run(sql, text.count(), text.values.data());
  }
  ++answered_;
  std::vector<Row> rows;
  int nrows = PQntuples(res.get()), ncols = PQnfields(res.get());
  rows.reserve(nrows);
  for (int r = 0; r < nrows; ++r) {
    std::vector<Value> cells;
    cells.reserve(ncols);
    for (int c = 0; c < ncols; ++c) cells.push_back(convert_cell(res.get(), r, c));
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

void PgConnection::execute_script(std::string_view sql) {
  begin_now();
  read_queued();
  checked(PQexec(conn_, std::string(sql).c_str()));
  checked(PQexec(conn_, "DEALLOCATE ALL"));
  session_.statements.clear();
  session_.schema_generation = ++schema_generation_;
}

void PgConnection::throw_if_aborted() {
  read_queued();
  if (PQtransactionStatus(conn_) == PQTRANS_INERROR) {
    throw StoreError(first_failure_.value_or(Kind::generic),
                     "PostgreSQL: transaction aborted by an earlier error; nothing was committed");
  }
}

void PgConnection::control(const char* sql) {
  begin_now();
  read_queued();
  record_round_trip(pipelined_);
  checked(PQexec(conn_, sql));
}

void PgConnection::begin_now() {
  if (!pending_begin_) return;
  const std::string begin = std::move(*pending_begin_);
  pending_begin_.reset();
  record_round_trip(pipelined_);
  checked(PQexec(conn_, begin.c_str()));
}

Result PgConnection::run_after_begin(std::string_view sql, int count, const char* const* values) {
  const std::string begin = std::move(*pending_begin_);
  pending_begin_.reset();
  enter_pipeline();
  send_control(begin.c_str());
  send(sql, count, values);
  queued_.back().keep = true;
  read_queued();
  return std::move(kept_);
}

void PgConnection::end_read(const char* sql) noexcept {
  discard_queued();
  if (pending_begin_ || PQstatus(conn_) != CONNECTION_OK ||
      PQtransactionStatus(conn_) == PQTRANS_IDLE) {
    return;  // never begun, or nothing the pool could keep
  }
  // Unsent, the transaction stays open and the pool closes the connection.
  if (PQenterPipelineMode(conn_) != 1) return;
  if (PQsendQueryParams(conn_, sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
      PQpipelineSync(conn_) == 1 && PQflush(conn_) == 0) {
    session_.end_in_flight = true;
  }
}

void PgConnection::begin_job(std::size_t index) {
  job_ = index;
  first_failure_.reset();
  failed_job_.reset();
  pipeline_failure_.reset();
  if (!numbers_) return;
  numbers_->set_jobs_left(group_size_ > index ? group_size_ - index : 1);
  if (job_marks_.size() <= index) job_marks_.resize(index + 1);
  job_marks_[index] = numbers_->mark();
}

void PgConnection::start_group(std::size_t jobs) {
  group_size_ = jobs;
  numbers_.emplace();
  job_marks_.clear();
}

void PgConnection::rewind_to_job(std::size_t index) {
  if (numbers_ && index < job_marks_.size()) numbers_->restore(job_marks_[index]);
}

void PgConnection::end_job() {
  send_control("RELEASE SAVEPOINT job");
  send_control("SAVEPOINT job");
  if (first_failure_) throw_if_aborted();
}

void PgConnection::commit() {
  // Queued: the counter's row is this transaction's until COMMIT.
  if (numbers_) numbers_->give_back(*this);
  if (PQpipelineStatus(conn_) != PQ_PIPELINE_OFF) {
    // COMMIT follows the queued changes down the pipeline, and the one sync
    // reads every answer: one wait, not one for the changes and one more
    // for COMMIT. A change that failed makes the server skip the COMMIT,
    // and its error is thrown; the caller rolls back.
    send_control("COMMIT");
    queued_.back().commit = true;
    read_queued();
    return;
  }
  throw_if_aborted();
  record_round_trip(pipelined_);
  Result res = checked(PQexec(conn_, "COMMIT"));
  if (std::strcmp(PQcmdStatus(res.get()), "COMMIT") != 0) {
    throw StoreError(Kind::generic, "PostgreSQL: COMMIT rolled back the transaction");
  }
}

void PgConnection::discard_queued() noexcept {
  try {
    read_queued();
  } catch (...) {
    // Already recorded as the transaction's first failure; the caller rolls back.
  }
}

Result PgConnection::run(std::string_view sql, int count, const char* const* values) {
  const StatementCache::Use use = session_.statements.use(sql);
  if (!use.deallocate.empty()) {
    checked(PQexec(conn_, ("DEALLOCATE " + use.deallocate).c_str()));
  }
  if (use.name.empty()) {
    return checked(PQexecParams(conn_, rewrite_placeholders(sql).c_str(), count, nullptr, values,
                                nullptr, nullptr, 0));
  }
  if (use.prepare) {
    try {
      checked(PQprepare(conn_, use.name.c_str(), rewrite_placeholders(sql).c_str(), 0, nullptr));
    } catch (...) {
      session_.statements.forget_name(sql);
      throw;
    }
  }
  return checked(PQexecPrepared(conn_, use.name.c_str(), count, values, nullptr, nullptr, 0));
}

// The same steps as run(), sent without reading their answers; libpq copies
// the parameters into its output buffer here.
void PgConnection::send(std::string_view sql, int count, const char* const* values) {
  const StatementCache::Use use = session_.statements.use(sql);
  if (!use.deallocate.empty()) {
    // Rare (the cache is full): done at once, as outside the pipeline, so
    // that an abort in the pipeline cannot leave the evicted one behind.
    read_queued();
    record_round_trip(pipelined_);
    checked(PQexec(conn_, ("DEALLOCATE " + use.deallocate).c_str()));
  }
  enter_pipeline();
  auto sent = [&](int ok, std::string prepared_sql = {}) {
    if (ok != 1) {
      discard_queued();
      checked(nullptr);
    }
    queued_.push_back({std::move(prepared_sql), false, job_});
  };
  if (use.name.empty()) {
    sent(PQsendQueryParams(conn_, rewrite_placeholders(sql).c_str(), count, nullptr, values,
                           nullptr, nullptr, 0));
  } else {
    if (use.prepare) {
      sent(PQsendPrepare(conn_, use.name.c_str(), rewrite_placeholders(sql).c_str(), 0, nullptr),
           std::string(sql));
    }
    sent(PQsendQueryPrepared(conn_, use.name.c_str(), count, values, nullptr, nullptr, 0));
  }
  // On its way now, so the server works on it (and takes its row locks, as
  // the statement would have alone) while this thread goes on.
  if (PQflush(conn_) != 0) {
    discard_queued();
    checked(nullptr);
  }
}

void PgConnection::enter_pipeline() {
  if (PQpipelineStatus(conn_) == PQ_PIPELINE_OFF && PQenterPipelineMode(conn_) != 1) {
    checked(nullptr);
  }
}

void PgConnection::send_control(const char* sql) {
  enter_pipeline();
  if (PQsendQueryParams(conn_, sql, 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) {
    discard_queued();
    checked(nullptr);
  }
  queued_.push_back({{}, false, job_});
}

void PgConnection::read_queued() {
  // Nothing owed: also a read's end in flight, whose answer is the pool's.
  if (PQpipelineStatus(conn_) == PQ_PIPELINE_OFF || queued_.empty()) return;
  std::vector<Queued> owed;
  owed.swap(queued_);
  std::optional<StoreError> failure;
  std::size_t next = 0;
  auto keep_first = [&](PGresult* raw) {
    try {
      Result answer = checked(raw);
      if (next < owed.size() && owed[next].keep) kept_ = std::move(answer);
    } catch (const StoreError& e) {
      if (!failure) {
        failure = e;
        // The earliest stays: a job that swallowed it and went on fails
        // again, and the blame is still the job that first failed.
        if (!failed_job_) failed_job_ = next < owed.size() ? owed[next].job : job_;
      }
    }
  };
  record_round_trip(pipelined_);
  if (PQpipelineSync(conn_) != 1) {
    keep_first(nullptr);
  } else {
    // Each command's answer is followed by a null; the sync point ends it all.
    // A broken connection yields nulls only: more than owed means give up.
    std::size_t nulls = 0;
    for (;;) {
      PGresult* raw = PQgetResult(conn_);
      if (raw == nullptr) {
        if (++nulls > owed.size() + 1) {
          keep_first(nullptr);
          break;
        }
        continue;
      }
      const ExecStatusType status = PQresultStatus(raw);
      if (status == PGRES_PIPELINE_SYNC) {
        PQclear(raw);
        break;
      }
      // A PREPARE that failed, or that an earlier error in the pipeline
      // skipped, left nothing on the server: the text is not prepared.
      const bool not_done = status == PGRES_FATAL_ERROR || status == PGRES_PIPELINE_ABORTED;
      if (not_done && next < owed.size() && !owed[next].prepared_sql.empty()) {
        session_.statements.forget_name(owed[next].prepared_sql);
      }
      if (status == PGRES_PIPELINE_ABORTED) {
        PQclear(raw);
      } else if (next < owed.size() && owed[next].commit && status == PGRES_COMMAND_OK &&
                 std::strcmp(PQcmdStatus(raw), "COMMIT") != 0) {
        PQclear(raw);
        if (!failure) {
          failure = StoreError(Kind::generic, "PostgreSQL: COMMIT rolled back the transaction");
          if (!failed_job_) failed_job_ = owed[next].job;
        }
      } else {
        keep_first(raw);
      }
      ++next;
    }
  }
  PQexitPipelineMode(conn_);
  if (failure) {
    if (!pipeline_failure_) pipeline_failure_ = failure;
    throw *failure;
  }
}

Result PgConnection::checked(PGresult* raw) {
  try {
    return check(conn_, raw);
  } catch (const StoreError& e) {
    // Another node migrated the schema under a prepared statement: drop
    // them and let write() run the transaction again.
    if (std::strstr(e.what(), "cached plan must not change result type") != nullptr) {
      session_.statements_stale = true;
      if (!first_failure_) first_failure_ = Kind::busy;
      throw StoreError(Kind::busy, e.what());
    }
    if (!first_failure_) first_failure_ = e.kind();
    throw;
  }
}

}  // namespace guiche::store::postgres
