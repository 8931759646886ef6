#include "store/whatsapp_ticket_rows.hpp"

#include <algorithm>
#include <set>

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kInboundColumns = "id, item, sent_at, state, last_error";

WhatsAppTicketMessage inbound_of(const Row& r) {
  WhatsAppTicketMessage m;
  m.inbound = true;
  m.inbound_id = r.integer(0);
  m.item = r.text(1);
  m.at = from_millis(r.integer(2));
  m.state = r.text(3);
  m.last_error = r.optional_text(4);
  return m;
}

WhatsAppTicketMessage outbound_of(const Row& r) {
  WhatsAppTicketMessage m;
  m.outbox_id = r.integer(0);
  m.template_key = r.text(1);
  m.text_body = r.text(2);
  m.payload = r.optional_text(3);
  m.outbox_status = r.text(4);
  m.outbox_error = r.optional_text(5);
  m.at = from_millis(r.integer(6));
  if (!r.is_null(7)) {
    WhatsAppMessage d;
    d.wamid = r.text(7);
    d.outbox_id = m.outbox_id;
    d.kind = r.text(8);
    d.status = r.text(9);
    d.status_at = from_millis(r.integer(10));
    if (auto code = r.optional_integer(11)) d.error_code = static_cast<int>(*code);
    d.error_title = r.optional_text(12);
    d.created_at = from_millis(r.integer(13));
    m.delivery = std::move(d);
  }
  return m;
}

// Oldest first; at one instant the person's message comes before our answer to it.
bool earlier(const WhatsAppTicketMessage& a, const WhatsAppTicketMessage& b) {
  if (a.at != b.at) return a.at < b.at;
  if (a.inbound != b.inbound) return a.inbound;
  return a.inbound ? a.inbound_id < b.inbound_id : a.outbox_id < b.outbox_id;
}

}  // namespace

std::string whatsapp_ticket_attached_sql() {
  return std::string("SELECT ") + kInboundColumns +
         " FROM whatsapp_inbound WHERE ticket_id = ? AND kind = 'message' "
         "ORDER BY id DESC LIMIT ?";
}

std::string whatsapp_ticket_unattached_sql(std::size_t numbers) {
  std::string in;
  for (std::size_t i = 0; i < numbers; ++i) in += i ? ", ?" : "?";
  return std::string("SELECT ") + kInboundColumns + " FROM whatsapp_inbound WHERE wa_id IN (" + in +
         ") AND state IN ('pending', 'failed') AND kind = 'message' AND ticket_id IS NULL "
         "AND received_at >= ? ORDER BY id DESC LIMIT ?";
}

std::string whatsapp_ticket_outbound_sql() {
  // A row is sent once, so it has at most one accepted message.
  return "SELECT o.id, o.template_key, o.text_body, o.payload, o.status, o.last_error, "
         "o.created_at, m.wamid, m.kind, m.status, m.status_at, m.error_code, m.error_title, "
         "m.created_at FROM outbox o LEFT JOIN whatsapp_messages m ON m.outbox_id = o.id "
         "WHERE o.ticket_id = ? AND o.channel = 'whatsapp' "
         "AND (o.recipient_id IS NULL OR o.recipient_id = ?) ORDER BY o.id DESC LIMIT ?";
}

std::vector<WhatsAppTicketMessage> whatsapp_ticket_conversation(Connection& c,
                                                                const WhatsAppTicketQuery& q) {
  const std::int64_t limit = std::max(q.limit, 0);
  std::vector<WhatsAppTicketMessage> out;
  for (const auto& r : c.query(whatsapp_ticket_attached_sql(), {q.ticket_id, limit})) {
    out.push_back(inbound_of(r));
  }
  if (!q.numbers.empty()) {
    std::vector<Value> params(q.numbers.begin(), q.numbers.end());
    params.emplace_back(to_millis(q.since));
    params.emplace_back(limit);
    for (const auto& r : c.query(whatsapp_ticket_unattached_sql(q.numbers.size()), params)) {
      out.push_back(inbound_of(r));
    }
  }
  std::set<std::int64_t> outbox_seen;
  for (const auto& r :
       c.query(whatsapp_ticket_outbound_sql(), {q.ticket_id, q.requester_id, limit})) {
    auto m = outbound_of(r);
    if (outbox_seen.insert(m.outbox_id).second) out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), earlier);
  if (out.size() > static_cast<std::size_t>(limit)) {
    out.erase(out.begin(), out.end() - limit);
  }
  return out;
}

}  // namespace guiche::store
