#include "store/notice_event_rows.hpp"

namespace guiche::store {
namespace {

constexpr const char* kNoticeEventColumns =
    "id, notice_id, action, state_after, at, actor_id, channel, data, message_key, "
    "message_title, message_text, published_at, published_by";

// The receipt goes to the reporter alone (norm NPI-007, 5.2.2.1).
constexpr const char* kPrivateKey = "incident_receipt";

NoticeEvent event_from(const Row& r) {
  NoticeEvent e;
  e.id = r.integer(0);
  e.notice_id = r.integer(1);
  e.action = parse_notice_action(r.text(2)).value_or(NoticeAction::update);
  e.state_after = parse_notice_state(r.text(3)).value_or(NoticeState::reported);
  e.at = from_millis(r.integer(4));
  e.actor_id = r.optional_integer(5);
  e.channel = parse_channel(r.text(6)).value_or(Channel::portal);
  e.data = nlohmann::json::parse(r.text(7));
  if (auto key = r.optional_text(8)) e.message = NoticeMessage{*key, r.text(9), r.text(10)};
  if (auto at = r.optional_integer(11)) e.published_at = from_millis(*at);
  e.published_by = r.optional_integer(12);
  return e;
}

}  // namespace

std::int64_t insert_notice_event(Connection& c, const NoticeEvent& e) {
  const bool has_message = e.message.has_value();
  return c
      .query_one(
          "INSERT INTO status_notice_events (notice_id, action, state_after, at, actor_id, "
          "channel, data, message_key, message_title, message_text, published_at, published_by) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {e.notice_id, std::string(notice_action_code(e.action)),
           std::string(notice_state_code(e.state_after)), to_millis(e.at),
           optional_value(e.actor_id), std::string(channel_code(e.channel)), e.data.dump(),
           has_message ? Value{e.message->key} : Value{},
           has_message ? Value{e.message->title} : Value{},
           has_message ? Value{e.message->text} : Value{},
           e.published_at ? Value{to_millis(*e.published_at)} : Value{},
           optional_value(e.published_by)})
      ->integer(0);
}

std::vector<NoticeEvent> load_notice_events(Connection& c, std::int64_t notice_id) {
  std::vector<NoticeEvent> out;
  for (const auto& r : c.query(std::string("SELECT ") + kNoticeEventColumns +
                                   " FROM status_notice_events WHERE notice_id = ? ORDER BY id",
                               {notice_id})) {
    out.push_back(event_from(r));
  }
  return out;
}

std::vector<NoticeEvent> publish_notice_drafts(Connection& c, std::int64_t notice_id, Instant at,
                                               std::optional<std::int64_t> by) {
  std::vector<NoticeEvent> drafts;
  for (const auto& r :
       c.query(std::string("SELECT ") + kNoticeEventColumns +
                   " FROM status_notice_events WHERE notice_id = ? AND message_key IS NOT NULL "
                   "AND message_key <> ? AND published_at IS NULL ORDER BY id",
               {notice_id, std::string(kPrivateKey)})) {
    drafts.push_back(event_from(r));
  }
  for (auto& e : drafts) {
    c.query("UPDATE status_notice_events SET published_at = ?, published_by = ? WHERE id = ?",
            {to_millis(at), optional_value(by), e.id});
    e.published_at = at;
    e.published_by = by;
  }
  return drafts;
}

std::vector<NoticeEvent> published_notice_events(Connection& c,
                                                 std::optional<std::int64_t> notice_id, int limit) {
  std::vector<NoticeEvent> out;
  const std::string where = notice_id ? " AND notice_id = ?" : "";
  std::vector<Value> params;
  if (notice_id) params.emplace_back(*notice_id);
  params.emplace_back(std::int64_t{limit});
  for (const auto& r : c.query(std::string("SELECT ") + kNoticeEventColumns +
                                   " FROM status_notice_events WHERE published_at IS NOT NULL" +
                                   where + " ORDER BY published_at DESC, id DESC LIMIT ?",
                               params)) {
    out.push_back(event_from(r));
  }
  return out;
}

std::map<std::int64_t, std::vector<NoticeEvent>> published_events_of_notices(
    Connection& c, const std::vector<std::int64_t>& notice_ids) {
  std::map<std::int64_t, std::vector<NoticeEvent>> out;
  if (notice_ids.empty()) return out;
  std::string marks;
  std::vector<Value> params;
  for (auto id : notice_ids) {
    marks += marks.empty() ? "?" : ",?";
    params.emplace_back(id);
  }
  // Served by status_notice_events_notice (notice_id, id): a probe per notice.
  for (const auto& r : c.query(std::string("SELECT ") + kNoticeEventColumns +
                                   " FROM status_notice_events WHERE notice_id IN (" + marks +
                                   ") AND published_at IS NOT NULL"
                                   " ORDER BY notice_id, published_at DESC, id DESC",
                               params)) {
    auto e = event_from(r);
    out[e.notice_id].push_back(std::move(e));
  }
  return out;
}

}  // namespace guiche::store
