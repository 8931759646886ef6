// How each table of store/personal_data_map.cpp loses a person's data. The
// free texts are scrubbed in C++ (domain/personal_terms.hpp), row by row,
// rather than with SQL's replace(): the same matching on both engines, and
// JSON documents changed string by string, never in their keys.
#include "store/personal_data_erasure.hpp"

#include <set>

#include "domain/personal_terms.hpp"
#include "store/attachment_blobs.hpp"

namespace guiche::store {
namespace {

// What an erased file is called from then on, in its row and its events.
constexpr const char* kErasedFileName = "removido (LGPD)";
constexpr std::size_t kErasureChunk = 400;

std::string erasure_placeholders(std::size_t n) {
  std::string list = "(";
  for (std::size_t i = 0; i < n; ++i) list += i ? ", ?" : "?";
  return list + ")";
}

std::string erasure_with_list(const std::string& sql, std::size_t n) {
  std::string out = sql;
  for (auto at = out.find("{list}"); at != std::string::npos; at = out.find("{list}", at)) {
    out.replace(at, 6, erasure_placeholders(n));
  }
  return out;
}

// A JSON column's text scrubbed string by string; plain text if it is not JSON.
std::string scrubbed_json_text(const std::string& text, const std::vector<std::string>& terms) {
  if (!holds_term(text, terms)) return text;
  auto document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) return scrub_text(text, terms);
  scrub_json(document, terms);
  return document.dump();
}

std::vector<Value> erasure_person_list(const ErasureScope& s) {
  return {Value{s.person_id}};
}

std::vector<Value> erasure_addresses(const ErasureScope& s) {
  auto list = text_values(s.emails);
  for (const auto& phone : s.phone_forms) list.emplace_back(phone);
  return list;
}

void erasure_release_blob(ErasureScope& s, const std::string& sha256) {
  if (!sha256.empty()) s.released_blobs.push_back(sha256);
}

}  // namespace

std::vector<Value> text_values(const std::vector<std::string>& texts) {
  return {texts.begin(), texts.end()};
}

std::vector<Value> id_values(const std::vector<std::int64_t>& ids) {
  return {ids.begin(), ids.end()};
}

std::vector<Row> query_in_list(Connection& c, const std::string& sql,
                               const std::vector<Value>& before, const std::vector<Value>& list) {
  std::vector<Row> rows;
  for (std::size_t from = 0; from < list.size(); from += kErasureChunk) {
    const std::size_t n = std::min(kErasureChunk, list.size() - from);
    std::vector<Value> params = before;
    params.insert(params.end(), list.begin() + static_cast<std::ptrdiff_t>(from),
                  list.begin() + static_cast<std::ptrdiff_t>(from + n));
    for (auto& r : c.query(erasure_with_list(sql, n), params)) rows.push_back(std::move(r));
  }
  return rows;
}

void scrub_rows(Connection& c, const std::string& table, const std::string& key,
                const ScrubbedColumns& columns, const std::string& where,
                const std::vector<Value>& list, const std::vector<std::string>& terms) {
  std::vector<std::string> all = columns.text;
  all.insert(all.end(), columns.json.begin(), columns.json.end());
  std::string select = "SELECT " + key;
  std::string update = "UPDATE " + table + " SET ";
  for (std::size_t i = 0; i < all.size(); ++i) {
    select += ", " + all[i];
    update += (i ? ", " : "") + all[i] + " = ?";
  }
  update += " WHERE " + key + " = ?";
  for (const auto& row :
       query_in_list(c, select + " FROM " + table + " WHERE " + where, {}, list)) {
    std::vector<Value> values;
    bool changed = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (row.is_null(i + 1)) {
        values.emplace_back();
        continue;
      }
      const std::string before = row.text(i + 1);
      std::string after =
          i < columns.text.size() ? scrub_text(before, terms) : scrubbed_json_text(before, terms);
      changed = changed || after != before;
      values.emplace_back(std::move(after));
    }
    if (!changed) continue;
    values.push_back(row.at(0));
    c.query(update, values);
  }
}

// A unique key that names the person (a wamid or Message-ID built from their
// number or address) becomes the SHA-256 of itself: still unique, no longer theirs.
static void rekey_rows(Connection& c, const std::string& table, const std::string& where,
                       const std::vector<Value>& list, const std::vector<std::string>& terms) {
  for (const auto& r :
       query_in_list(c, "SELECT id, dedup_key FROM " + table + " WHERE " + where, {}, list)) {
    if (!holds_term(r.text(1), terms)) continue;
    c.query("UPDATE " + table + " SET dedup_key = ? WHERE id = ?",
            {"lgpd:" + sha256_hex(r.text(1)), r.at(0)});
  }
}

void erase_ticket_events(Connection& c, ErasureScope& s) {
  if (c.dialect() == Dialect::postgres) {
    // The ledger's lock on each ticket first (TicketLedger::change takes the
    // same): no event is added between the scrubbing and the rebuild.
    query_in_list(c, "SELECT id FROM tickets WHERE id IN {list} ORDER BY id FOR UPDATE", {},
                  id_values(s.ticket_ids));
  }
  // The person's own files are named in the events that attached them.
  std::set<std::int64_t> own_files;
  for (const auto& r :
       c.query("SELECT id FROM attachments WHERE uploaded_by = ?", {Value{s.person_id}})) {
    own_files.insert(r.integer(0));
  }
  for (const auto& r : query_in_list(
           c, "SELECT ticket_id, seq, kind, data FROM ticket_events WHERE ticket_id IN {list}", {},
           id_values(s.ticket_ids))) {
    auto data = nlohmann::json::parse(r.text(3), nullptr, false);
    if (data.is_discarded()) continue;
    bool changed = false;
    const std::string kind = r.text(2);
    if ((kind == "attachment_added" || kind == "attachment_held" ||
         kind == "attachment_released") &&
        data.contains("attachment_id") && data["attachment_id"].is_number_integer() &&
        own_files.contains(data["attachment_id"].get<std::int64_t>()) &&
        data.value("filename", "") != kErasedFileName) {
      data["filename"] = kErasedFileName;
      data["sha256"] = "";
      changed = true;
    }
    changed = scrub_json(data, s.terms) || changed;
    if (!changed) continue;
    c.query("UPDATE ticket_events SET data = ? WHERE ticket_id = ? AND seq = ?",
            {data.dump(), r.at(0), r.at(1)});
  }
}

void erase_attachments(Connection& c, ErasureScope& s) {
  for (const auto& r :
       c.query("SELECT sha256 FROM attachments WHERE uploaded_by = ? AND sha256 <> ''",
               {Value{s.person_id}})) {
    erasure_release_blob(s, r.text(0));
  }
  // The row stays (counts and the history's references hold), without a name or content.
  c.query("UPDATE attachments SET filename = ?, sha256 = '' WHERE uploaded_by = ?",
          {std::string(kErasedFileName), Value{s.person_id}});
  scrub_rows(c, "attachments", "id", {{"filename", "held_reason"}, {}}, "ticket_id IN {list}",
             id_values(s.ticket_ids), s.terms);
}

void erase_outbox(Connection& c, ErasureScope& s) {
  // Messages to the person: nothing of them is kept, and one not sent yet (or
  // in doubt, which an admin could resend) never will be.
  const std::string to_them =
      "UPDATE outbox SET recipient_name = '', recipient_address = '', subject = '', "
      "text_body = '', html_body = '', list_unsubscribe = NULL, lease_until = NULL, "
      "last_error = CASE WHEN status IN ('pending', 'sending', 'in_doubt') THEN 'removido (LGPD)' "
      "ELSE last_error END, "
      "status = CASE WHEN status IN ('pending', 'sending', 'in_doubt') THEN 'failed' ELSE status "
      "END "
      "WHERE ";
  scrub_rows(c, "outbox", "id", {{"last_error"}, {"payload"}}, "recipient_id IN {list}",
             erasure_person_list(s), s.terms);
  c.query(to_them + "recipient_id = ?", {Value{s.person_id}});
  scrub_rows(c, "outbox", "id", {{"last_error"}, {"payload"}}, "recipient_address IN {list}",
             erasure_addresses(s), s.terms);
  query_in_list(c, to_them + "recipient_address IN {list}", {}, erasure_addresses(s));
  // Messages about their tickets to others (agents, webhooks): their data
  // scrubbed. Those about manifestações (to the ouvidoria) name no ticket:
  // found by their templates.
  const ScrubbedColumns about_them{
      {"subject", "text_body", "html_body", "recipient_name", "last_error"}, {"payload"}};
  scrub_rows(c, "outbox", "id", about_them, "ticket_id IN {list}", id_values(s.ticket_ids),
             s.terms);
  scrub_rows(c, "outbox", "id", about_them, "substr(template_key, 1, 13) IN {list}",
             {Value{std::string("manifestation")}}, s.terms);
}

void erase_inbound_mail(Connection& c, ErasureScope& s) {
  std::set<std::int64_t> ids;
  for (const auto& r : query_in_list(c, "SELECT id FROM inbound_messages WHERE sender IN {list}",
                                     {}, text_values(s.emails))) {
    ids.insert(r.integer(0));
  }
  for (const auto& r : query_in_list(c, "SELECT id FROM inbound_messages WHERE ticket_id IN {list}",
                                     {}, id_values(s.ticket_ids))) {
    ids.insert(r.integer(0));
  }
  const std::vector<std::int64_t> list(ids.begin(), ids.end());
  for (const auto& r : query_in_list(
           c, "SELECT raw_sha256 FROM inbound_messages WHERE raw_sha256 <> '' AND id IN {list}", {},
           id_values(list))) {
    erasure_release_blob(s, r.text(0));
  }
  // The raw message goes (it is the person's text, whole); the row stays so
  // the same message is still never processed twice.
  query_in_list(c,
                "UPDATE inbound_messages SET sender = '', raw_sha256 = '', raw_size = 0 "
                "WHERE id IN {list}",
                {}, id_values(list));
  scrub_rows(c, "inbound_messages", "id", {{"subject", "detail", "message_id"}, {}}, "id IN {list}",
             id_values(list), s.terms);
  rekey_rows(c, "inbound_messages", "id IN {list}", id_values(list), s.terms);
  scrub_rows(c, "mail_quarantine", "inbound_id", {{"reason"}, {}}, "inbound_id IN {list}",
             id_values(list), s.terms);
}

void erase_sessions(Connection& c, ErasureScope& s) {
  c.query("DELETE FROM sessions WHERE person_id = ?", {Value{s.person_id}});
}

void erase_report_subscriptions(Connection& c, ErasureScope& s) {
  c.query("DELETE FROM report_subscriptions WHERE person_id = ?", {Value{s.person_id}});
}

void erase_password_links(Connection& c, ErasureScope& s) {
  c.query("DELETE FROM password_links WHERE person_id = ?", {Value{s.person_id}});
}

void erase_ticket_followers(Connection& c, ErasureScope& s) {
  c.query("DELETE FROM ticket_followers WHERE person_id = ?", {Value{s.person_id}});
}

void erase_agent_notifications(Connection& c, ErasureScope& s) {
  c.query("DELETE FROM agent_notifications WHERE person_id = ?", {Value{s.person_id}});
}

void erase_api_tokens(Connection& c, ErasureScope& s) {
  c.query(
      "UPDATE api_tokens SET name = '', revoked_at = COALESCE(revoked_at, ?) WHERE person_id = ?",
      {Value{to_millis(s.now)}, Value{s.person_id}});
}

void erase_idempotency_keys(Connection& c, ErasureScope& s) {
  c.query("DELETE FROM idempotency_keys WHERE person_id = ?", {Value{s.person_id}});
}

void erase_status_subscriptions(Connection& c, ErasureScope& s) {
  for (const auto& r : query_in_list(c, "SELECT id FROM status_subscribers WHERE address IN {list}",
                                     {}, text_values(s.emails))) {
    const auto id = r.integer(0);
    c.query("DELETE FROM status_subscriber_components WHERE subscriber_id = ?", {Value{id}});
    // The address is unique: an address of no one, unique by the row's id.
    c.query(
        "UPDATE status_subscribers SET address = ?, state = 'unsubscribed', all_components = 0, "
        "pending_components = NULL, confirm_token_hash = NULL, confirm_expires_at = NULL, "
        "unsubscribed_at = COALESCE(unsubscribed_at, ?) WHERE id = ?",
        {"removido-" + std::to_string(id) + "@lgpd.invalid", Value{to_millis(s.now)}, Value{id}});
  }
}

void erase_subscription_requests(Connection& c, ErasureScope& s) {
  // Keyed by the address's SHA-256 (app/incidents/subscription_limits.cpp).
  std::vector<std::string> keys;
  for (const auto& email : s.emails) keys.push_back("address:" + sha256_hex(email));
  query_in_list(c, "DELETE FROM status_subscription_requests WHERE request_key IN {list}", {},
                text_values(keys));
}

void erase_whatsapp_state(Connection& c, ErasureScope& s) {
  const auto numbers = text_values(s.wa_ids);
  query_in_list(c, "DELETE FROM whatsapp_windows WHERE wa_id IN {list}", {}, numbers);
  query_in_list(c, "DELETE FROM whatsapp_identity_codes WHERE wa_id IN {list}", {}, numbers);
  c.query("DELETE FROM whatsapp_identity_codes WHERE person_id = ?", {Value{s.person_id}});
  query_in_list(c, "DELETE FROM whatsapp_conversations WHERE wa_id IN {list}", {}, numbers);
  c.query("DELETE FROM whatsapp_conversations WHERE person_id = ?", {Value{s.person_id}});
}

void erase_whatsapp_webhooks(Connection& c, ErasureScope& s) {
  const auto numbers = text_values(s.wa_ids);
  rekey_rows(c, "whatsapp_inbound", "wa_id IN {list}", numbers, s.terms);
  // The webhooks as received first (found through their items), then the items.
  scrub_rows(c, "whatsapp_webhook_batches", "id", {{"problem"}, {"body"}},
             "id IN (SELECT batch_id FROM whatsapp_inbound WHERE wa_id IN {list})", numbers,
             s.terms);
  scrub_rows(c, "whatsapp_inbound", "id", {{"last_error", "outcome"}, {"item"}}, "wa_id IN {list}",
             numbers, s.terms);
  query_in_list(c, "UPDATE whatsapp_inbound SET wa_id = '' WHERE wa_id IN {list}", {}, numbers);
}

void erase_whatsapp_messages(Connection& c, ErasureScope& s) {
  const auto numbers = text_values(s.wa_ids);
  scrub_rows(c, "whatsapp_messages", "wamid", {{"error_title"}, {}}, "wa_id IN {list}", numbers,
             s.terms);
  query_in_list(c, "UPDATE whatsapp_messages SET wa_id = '' WHERE wa_id IN {list}", {}, numbers);
}

void erase_whatsapp_media(Connection& c, ErasureScope& s) {
  const auto numbers = text_values(s.wa_ids);
  for (const auto& r :
       query_in_list(c, "SELECT sha256 FROM whatsapp_media WHERE wa_id IN {list}", {}, numbers)) {
    erasure_release_blob(s, r.text(0));
  }
  scrub_rows(c, "whatsapp_media", "media_id", {{"problem"}, {}}, "wa_id IN {list}", numbers,
             s.terms);
  query_in_list(c,
                "UPDATE whatsapp_media SET sha256 = '', filename = '', wa_id = '' "
                "WHERE wa_id IN {list}",
                {}, numbers);
}

void erase_manifestations(Connection& c, ErasureScope& s) {
  std::set<std::int64_t> ids;
  for (const auto& r :
       c.query("SELECT id FROM manifestations WHERE person_id = ?", {Value{s.person_id}})) {
    ids.insert(r.integer(0));
  }
  for (const auto& r :
       query_in_list(c, "SELECT id FROM manifestations WHERE lower(email) IN {list}", {},
                     text_values(s.emails))) {
    ids.insert(r.integer(0));
  }
  if (!s.cpf.empty()) {
    for (const auto& r : c.query("SELECT id FROM manifestations WHERE cpf = ?", {s.cpf})) {
      ids.insert(r.integer(0));
    }
  }
  const auto list = id_values(std::vector<std::int64_t>(ids.begin(), ids.end()));
  scrub_rows(c, "manifestations", "id",
             {{"subject", "description", "answer", "extension_reason"}, {}}, "id IN {list}", list,
             s.terms);
  query_in_list(c,
                "UPDATE manifestations SET name = '', email = '', phone = '', cpf = '' "
                "WHERE id IN {list}",
                {}, list);
  scrub_rows(c, "manifestation_events", "id", {{"text", "actor_name"}, {}},
             "manifestation_id IN {list}", list, s.terms);
  // What the person wrote or answered as staff, in any manifestação.
  c.query("UPDATE manifestation_events SET actor_name = ? WHERE actor_id = ?",
          {s.anonymous_name, Value{s.person_id}});
  scrub_rows(c, "manifestation_events", "id", {{"text"}, {}}, "actor_id IN {list}",
             erasure_person_list(s), s.terms);
}

void erase_status_notices(Connection& c, ErasureScope& s) {
  scrub_rows(c, "status_notices", "id", {{"title", "impact"}, {}}, "reported_by IN {list}",
             erasure_person_list(s), s.terms);
  const ScrubbedColumns event_columns{{"message_title", "message_text"}, {"data"}};
  scrub_rows(c, "status_notice_events", "id", event_columns,
             "notice_id IN (SELECT id FROM status_notices WHERE reported_by IN {list})",
             erasure_person_list(s), s.terms);
  scrub_rows(c, "status_notice_events", "id", event_columns, "actor_id IN {list}",
             erasure_person_list(s), s.terms);
}

void erase_person_emails(Connection& c, ErasureScope& s) {
  c.query("DELETE FROM person_emails WHERE person_id = ?", {Value{s.person_id}});
}

void erase_person(Connection& c, ErasureScope& s) {
  // The row stays for the foreign keys; nothing in it names the person, and
  // without login, password or e-mail nobody signs in as them.
  c.query(
      "UPDATE people SET name = ?, login = NULL, password_hash = NULL, phone = NULL, cpf = NULL, "
      "active = 0, must_change_password = 0, anonymized_at = COALESCE(anonymized_at, ?) "
      "WHERE id = ?",
      {s.anonymous_name, Value{to_millis(s.now)}, Value{s.person_id}});
}

}  // namespace guiche::store
