#pragma once
// A status notice's timeline (store/migrations/v013_status_notices.cpp):
// appended, never rewritten; publishing stamps when and by whom.
#include <map>
#include <optional>
#include <vector>

#include "domain/incidents/notice_event.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_notice_event(Connection& c, const NoticeEvent& e);
// Oldest first.
std::vector<NoticeEvent> load_notice_events(Connection& c, std::int64_t notice_id);
// Stamps every unpublished message of the notice but the receipt (6.1, sent
// to the reporter alone); returns the events it stamped, oldest first.
std::vector<NoticeEvent> publish_notice_drafts(Connection& c, std::int64_t notice_id, Instant at,
                                               std::optional<std::int64_t> by);
// Published messages, newest first, keyset by (published_at, id): the feeds.
std::vector<NoticeEvent> published_notice_events(Connection& c,
                                                 std::optional<std::int64_t> notice_id, int limit);
// The published messages of each of `notice_ids`, newest first, in one query
// (the status page shows a few hundred notices at most).
std::map<std::int64_t, std::vector<NoticeEvent>> published_events_of_notices(
    Connection& c, const std::vector<std::int64_t>& notice_ids);

}  // namespace guiche::store
