#pragma once
// The treatments of store/personal_data_map.cpp, one function per table (or
// group of tables read together), each run inside the anonymization's
// transaction. Each is idempotent: run twice, the second changes nothing.
#include <string>
#include <vector>

#include "store/personal_data_map.hpp"

namespace guiche::store {

// Runs `sql` once per chunk of `list`, its "{list}" replaced by "(?, ?, ...)"
// and bound to the chunk after `before`; the rows of every chunk. An empty
// list runs nothing.
std::vector<Row> query_in_list(Connection& c, const std::string& sql,
                               const std::vector<Value>& before, const std::vector<Value>& list);
std::vector<Value> text_values(const std::vector<std::string>& texts);
std::vector<Value> id_values(const std::vector<std::int64_t>& ids);

// Replaces each term in the named columns of the rows `where` selects ("{list}" as above):
// `text` columns as plain text, `json` columns string by string (plain text if not JSON).
struct ScrubbedColumns {
  std::vector<std::string> text;
  std::vector<std::string> json;
};
void scrub_rows(Connection& c, const std::string& table, const std::string& key,
                const ScrubbedColumns& columns, const std::string& where,
                const std::vector<Value>& list, const std::vector<std::string>& terms);

void erase_ticket_events(Connection& c, ErasureScope& s);
void erase_attachments(Connection& c, ErasureScope& s);
void erase_outbox(Connection& c, ErasureScope& s);
void erase_inbound_mail(Connection& c, ErasureScope& s);
void erase_sessions(Connection& c, ErasureScope& s);
void erase_report_subscriptions(Connection& c, ErasureScope& s);
void erase_password_links(Connection& c, ErasureScope& s);
void erase_ticket_followers(Connection& c, ErasureScope& s);
void erase_agent_notifications(Connection& c, ErasureScope& s);
void erase_api_tokens(Connection& c, ErasureScope& s);
void erase_idempotency_keys(Connection& c, ErasureScope& s);
void erase_status_subscriptions(Connection& c, ErasureScope& s);
void erase_subscription_requests(Connection& c, ErasureScope& s);
void erase_whatsapp_state(Connection& c, ErasureScope& s);
void erase_whatsapp_webhooks(Connection& c, ErasureScope& s);
void erase_whatsapp_messages(Connection& c, ErasureScope& s);
void erase_whatsapp_media(Connection& c, ErasureScope& s);
void erase_manifestations(Connection& c, ErasureScope& s);
void erase_status_notices(Connection& c, ErasureScope& s);
void erase_person_emails(Connection& c, ErasureScope& s);
void erase_person(Connection& c, ErasureScope& s);

}  // namespace guiche::store
