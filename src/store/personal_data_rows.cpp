#include "store/personal_data_rows.hpp"

#include <set>

#include "domain/personal_terms.hpp"
#include "domain/whatsapp/whatsapp_number.hpp"
#include "store/personal_data_erasure.hpp"
#include "store/row_values.hpp"

namespace guiche::store {
namespace {

std::vector<std::string> whatsapp_profile_names(Connection& c,
                                                const std::vector<std::string>& numbers) {
  std::set<std::string> names;
  for (const auto& r : query_in_list(c, "SELECT item FROM whatsapp_inbound WHERE wa_id IN {list}",
                                     {}, text_values(numbers))) {
    const auto item = nlohmann::json::parse(r.text(0), nullptr, false);
    if (item.is_object() && item.contains("profile_name") && item["profile_name"].is_string()) {
      names.insert(item["profile_name"].get<std::string>());
    }
  }
  return {names.begin(), names.end()};
}

PersonalDataRequest personal_data_request_from_row(const Row& r) {
  return {r.integer(0),          r.integer(1), r.text(2),
          r.optional_integer(3), r.text(4),    from_millis(r.integer(5))};
}

}  // namespace

ErasureScope collect_erasure_scope(Connection& c, const Person& p, bool acted_as_staff,
                                   Instant now) {
  ErasureScope s;
  s.person_id = p.id;
  s.now = now;
  s.anonymous_name = "Titular anonimizado #" + std::to_string(p.id);
  s.emails = p.emails;
  s.cpf = p.cpf.value_or("");
  if (p.phone && !p.phone->empty()) {
    s.phone_forms.push_back(*p.phone);
    for (const auto& digits : whatsapp_number_forms(*p.phone)) {
      s.wa_ids.push_back(digits);
      s.phone_forms.push_back(digits);
      s.phone_forms.push_back("+" + digits);
    }
  }
  s.terms = personal_terms(p, whatsapp_profile_names(c, s.wa_ids));

  std::set<std::int64_t> tickets;
  const Value id{p.id};
  for (const auto& r : c.query("SELECT id FROM tickets WHERE requester_id = ?", {id})) {
    tickets.insert(r.integer(0));
  }
  if (acted_as_staff) {
    for (const auto& r :
         c.query("SELECT DISTINCT ticket_id FROM ticket_events WHERE actor_id = ?", {id})) {
      tickets.insert(r.integer(0));
    }
  }
  for (const auto& r :
       c.query("SELECT ticket_id FROM equipment_custody WHERE delivered_by_id = ? OR "
               "received_by_id = ? OR taken_by_id = ?",
               {id, id, id})) {
    tickets.insert(r.integer(0));
  }
  s.ticket_ids.assign(tickets.begin(), tickets.end());
  return s;
}

std::optional<Instant> anonymized_at(Connection& c, std::int64_t person_id) {
  auto r = c.query_one("SELECT anonymized_at FROM people WHERE id = ?", {Value{person_id}});
  return r ? instant_at(*r, 0) : std::nullopt;
}

void record_personal_data_request(Connection& c, const PersonalDataRequest& r) {
  c.query(
      "INSERT INTO personal_data_requests (person_id, kind, actor_id, channel, at) "
      "VALUES (?, ?, ?, ?, ?)",
      {Value{r.person_id}, r.kind, optional_value(r.actor_id), r.channel, Value{to_millis(r.at)}});
}

std::vector<PersonalDataRequest> personal_data_requests(Connection& c, std::int64_t person_id) {
  std::vector<PersonalDataRequest> out;
  for (const auto& r :
       c.query("SELECT id, person_id, kind, actor_id, channel, at FROM personal_data_requests "
               "WHERE person_id = ? ORDER BY id",
               {Value{person_id}})) {
    out.push_back(personal_data_request_from_row(r));
  }
  return out;
}

void queue_blob_erasures(Connection& c, const std::vector<std::string>& sha256s, Instant now) {
  for (const auto& sha : std::set<std::string>(sha256s.begin(), sha256s.end())) {
    if (c.query_one("SELECT 1 FROM personal_data_blob_erasures WHERE sha256 = ?", {sha})) continue;
    c.query("INSERT INTO personal_data_blob_erasures (sha256, requested_at) VALUES (?, ?)",
            {sha, Value{to_millis(now)}});
  }
}

std::vector<std::string> queued_blob_erasures(Connection& c) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT sha256 FROM personal_data_blob_erasures ORDER BY sha256")) {
    out.push_back(r.text(0));
  }
  return out;
}

void forget_blob_erasure(Connection& c, const std::string& sha256) {
  c.query("DELETE FROM personal_data_blob_erasures WHERE sha256 = ?", {sha256});
}

bool blob_in_use(Connection& c, const std::string& sha256) {
  // The tables that name blobs (operations/blob_references.hpp).
  return c.query_one("SELECT 1 FROM attachments WHERE sha256 = ?", {sha256}) ||
         c.query_one("SELECT 1 FROM inbound_messages WHERE raw_sha256 = ?", {sha256}) ||
         c.query_one("SELECT 1 FROM whatsapp_media WHERE sha256 = ?", {sha256}) ||
         c.query_one("SELECT 1 FROM knowledge_attachments WHERE sha256 = ?", {sha256});
}

std::optional<std::int64_t> people_window_end(Connection& c, std::int64_t after_id, int size) {
  auto r = c.query_one(
      "SELECT max(id) FROM (SELECT id FROM people WHERE id > ? ORDER BY id "
      "LIMIT ?) w",
      {after_id, std::int64_t{size}});
  return r ? r->optional_integer(0) : std::nullopt;
}

std::vector<std::int64_t> requesters_due_for_anonymization(Connection& c, Instant cutoff,
                                                           std::int64_t after_id,
                                                           std::int64_t through_id, int limit) {
  std::vector<std::int64_t> ids;
  for (const auto& r :
       c.query("SELECT p.id FROM people p WHERE p.id > ? AND p.id <= ? "
               "AND p.anonymized_at IS NULL "
               "AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.person_id = p.id "
               "AND g.role <> 'requester') "
               "AND EXISTS (SELECT 1 FROM tickets t WHERE t.requester_id = p.id) "
               "AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.requester_id = p.id "
               "AND (t.status NOT IN ('closed', 'cancelled') OR t.closed_at IS NULL "
               "OR t.closed_at >= ?)) "
               "ORDER BY p.id LIMIT ?",
               {Value{after_id}, Value{through_id}, Value{to_millis(cutoff)},
                Value{std::int64_t{limit}}})) {
    ids.push_back(r.integer(0));
  }
  return ids;
}

}  // namespace guiche::store
