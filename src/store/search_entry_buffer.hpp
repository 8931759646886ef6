#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace guiche::store {

// The full-text entries (ticket_search) that the jobs of one SQLite group
// commit set, held until every job has run and stored then, just before the
// COMMIT. FTS5 writes its pending terms out as a new index segment at every
// SAVEPOINT and RELEASE, and the writer runs each job in a savepoint of its own
// (store/sqlite/sqlite_database.cpp): stored at once, every registration cost
// one segment and the merges it brought; held, a group costs one.
// A job that fails takes its entries back with it (begin_job / discard_job).
class SearchEntryBuffer {
 public:
  struct Entry {
    std::string subject;
    std::string body;
    bool fresh = false;  // the ticket was inserted in this group: no entry to replace
  };

  void set(std::int64_t ticket_id, Entry entry);
  // The entry set earlier in this group, if any: what the table will hold.
  const Entry* find(std::int64_t ticket_id) const;

  void begin_job();
  void discard_job();  // the running job failed: its entries are undone
  // Every entry set by the jobs that did not fail, in ticket order; the
  // buffer is empty afterwards.
  std::vector<std::pair<std::int64_t, Entry>> take_all();

 private:
  std::map<std::int64_t, Entry> entries_;
  // What the running job replaced: the entry before it, or none.
  std::vector<std::pair<std::int64_t, std::optional<Entry>>> undo_;
};

}  // namespace guiche::store
