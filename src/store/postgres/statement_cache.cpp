#include "store/postgres/statement_cache.hpp"

namespace guiche::store {

StatementCache::Use StatementCache::use(std::string_view sql) {
  Use use;
  if (auto found = index_.find(sql); found != index_.end()) {
    entries_.splice(entries_.begin(), entries_, found->second);
    Entry& entry = *found->second;
    if (entry.name.empty()) {
      // Names are never reused on a connection, so a stale one cannot run the wrong text.
      entry.name = "guiche_" + std::to_string(++next_name_);
      use.prepare = true;
    }
    use.name = entry.name;
    return use;
  }
  if (capacity_ == 0) return use;
  if (entries_.size() >= capacity_) {
    use.deallocate = std::move(entries_.back().name);
    index_.erase(entries_.back().sql);
    entries_.pop_back();
  }
  entries_.push_front(Entry{std::string(sql), {}});
  index_.emplace(entries_.front().sql, entries_.begin());
  return use;
}

void StatementCache::forget_name(std::string_view sql) {
  if (auto found = index_.find(sql); found != index_.end()) found->second->name.clear();
}

void StatementCache::clear() {
  index_.clear();
  entries_.clear();
}

}  // namespace guiche::store
