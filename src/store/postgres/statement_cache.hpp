#pragma once
// The statements one PostgreSQL connection has prepared, by SQL text (as the
// application writes it, with `?`). A text is prepared the second time it is
// seen, so a statement run once costs no extra round trip; the cache holds at
// most `capacity` texts and forgets the least recently used, handing back the
// server-side name to DEALLOCATE when that one had been prepared.
#include <cstddef>
#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace guiche::store {

class StatementCache {
 public:
  explicit StatementCache(std::size_t capacity) : capacity_(capacity) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  struct Use {
    std::string name;        // the prepared statement to run; empty: run unnamed
    bool prepare = false;    // true: prepare `name` first (second sight)
    std::string deallocate;  // a prepared statement evicted to make room, or empty
  };

  // What to do to run `sql` now; the text becomes the most recently used.
  Use use(std::string_view sql);
  // `prepare` of the last use() failed: the text stays unprepared.
  void forget_name(std::string_view sql);
  // The server dropped or invalidated every prepared statement.
  void clear();
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string sql;
    std::string name;  // empty until prepared
  };
  const std::size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // keys view Entry::sql
  std::uint64_t next_name_ = 0;
};

}  // namespace guiche::store
