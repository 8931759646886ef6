#include "store/search_entry_buffer.hpp"

namespace guiche::store {

void SearchEntryBuffer::set(std::int64_t ticket_id, Entry entry) {
  auto it = entries_.find(ticket_id);
  if (it == entries_.end()) {
    undo_.emplace_back(ticket_id, std::nullopt);
    entries_.emplace(ticket_id, std::move(entry));
  } else {
    undo_.emplace_back(ticket_id, it->second);
    entry.fresh = it->second.fresh;  // the first entry of the group knows
    it->second = std::move(entry);
  }
}

const SearchEntryBuffer::Entry* SearchEntryBuffer::find(std::int64_t ticket_id) const {
  auto it = entries_.find(ticket_id);
  return it == entries_.end() ? nullptr : &it->second;
}

void SearchEntryBuffer::begin_job() {
  undo_.clear();
}

void SearchEntryBuffer::discard_job() {
  // Newest first, so a ticket set twice by the job ends as it was before it.
  for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) {
    if (it->second) {
      entries_[it->first] = std::move(*it->second);
    } else {
      entries_.erase(it->first);
    }
  }
  undo_.clear();
}

std::vector<std::pair<std::int64_t, SearchEntryBuffer::Entry>> SearchEntryBuffer::take_all() {
  std::vector<std::pair<std::int64_t, Entry>> all;
  all.reserve(entries_.size());
  for (auto& [id, entry] : entries_) all.emplace_back(id, std::move(entry));
  entries_.clear();
  undo_.clear();
  return all;
}

}  // namespace guiche::store
