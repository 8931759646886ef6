#pragma once
// The log of who read whose personal data and tickets (LGPD art. 37: the
// controller keeps a record of the processing it carries out). The faces
// call record() on each read of a ticket (the page or the API's read of one
// ticket, its history, its attachments) and of a person's data (a person's
// page or API read, people searches that list personal data); each entry
// names when, who (person, API token, address), through which face, whose
// data (the ticket's requester for a ticket read) and what.
//
// Reads must not pay a transaction each (one ticket is read ~16,000 times a
// second on SQLite): record() appends to an in-memory buffer under a mutex,
// and a flusher thread of its own (started by the first record) writes the
// buffer in one transaction with multi-row INSERTs every `flush_interval`,
// or at once when `flush_at` entries wait (about a second of reads at
// the desk's peak), and once more when the log is
// destroyed (the server's clean stop). What a crash can lose: the entries of
// the last flush interval (about a second) not yet written; a failed write
// keeps its entries for the next round, up to `max_buffered`, past which the
// oldest are dropped and the loss is logged.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/actor.hpp"
#include "app/privacy/access_log_options.hpp"
#include "domain/time.hpp"
#include "store/access_log_rows.hpp"
#include "store/database.hpp"

namespace guiche::app {

// The face a read came through, and the address it came from.
// mail: what a scheduled report's e-mail carried (web/reports/report_mail.hpp).
enum class ReadFace { api, web, mail };
struct ReadOrigin {
  ReadFace face = ReadFace::web;
  std::string address;
};

struct AccessLogPage {
  std::vector<store::AccessRecord> entries;
  std::string next_after;  // "" on the last page
};

// Admins and the encarregado de dados (Role::data_protection_officer).
bool can_read_access_log(const Person& p);

// The keyset cursor of an entry ("<at millis>.<id>"), and back; nullopt
// when malformed.
std::string access_cursor(const store::AccessRecord& r);
std::optional<std::pair<Instant, std::int64_t>> parse_access_cursor(std::string_view text);

class AccessLog {
 public:
  AccessLog(store::Database& db, const Clock& clock, AccessLogOptions options = {});
  // Stops the flusher and writes what is still buffered.
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // `reader` read `kind` `object_id`, personal data of `subjects`. A
  // person's reads of their own data are not recorded (the law asks for the
  // controller's processing of others' data; the requester reading their own
  // ticket is not that); staff reads always are, whatever the role.
  void record(const Actor& reader, const ReadOrigin& origin,
              const std::vector<std::int64_t>& subjects, std::string_view kind,
              std::int64_t object_id);
  void record(const Actor& reader, const ReadOrigin& origin, std::int64_t subject,
              std::string_view kind, std::int64_t object_id);
  // Each person of a list (a search), each its own object.
  void record_people(const Actor& reader, const ReadOrigin& origin,
                     const std::vector<std::int64_t>& people, std::string_view kind);

  // Writes what is buffered now, in one transaction; returns how many.
  std::size_t flush();
  std::size_t buffered() const;

  // Newest first, for admins and the encarregado (forbidden to anyone else).
  // Reading the log is itself an access to personal data; it is not logged
  // again (the log would record its own reads without end), and only these
  // two roles may do it.
  AccessLogPage query(const Actor& a, store::AccessQuery q);

  // Deletes entries older than `retention` in batches of `batch` rows, at
  // most `max_batches` of them (a housekeeping round stays short); returns
  // how many went.
  std::int64_t delete_expired(std::chrono::days retention, int batch = 1000, int max_batches = 20);

 private:
  void append(const Actor& reader, const ReadOrigin& origin, const std::int64_t* subjects,
              std::size_t count, std::string_view kind, std::int64_t object_id);
  void start_flusher_locked();
  void run_flusher();
  // Takes the buffer and writes it; puts it back on failure.
  std::size_t write_pending();

  store::Database& db_;
  const Clock& clock_;
  const AccessLogOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<store::AccessRecord> buffer_;
  bool stopping_ = false;
  bool started_ = false;
  std::thread flusher_;
  std::mutex write_mutex_;  // one flush at a time, in order
};

}  // namespace guiche::app
