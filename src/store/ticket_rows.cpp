#include "store/ticket_rows.hpp"

#include "store/ticket_number_block.hpp"

#include "store/row_values.hpp"
#include "store/search_entry_buffer.hpp"

namespace guiche::store {
namespace {

constexpr const char* kTicketColumns =
    "id, protocol, requester_id, organization_id, service_id, category, channel, registered_by, "
    "subject, description, form_answers, impact, urgency, priority, status, unit_id, assignee_id, "
    "audience_admitted, audience_reason, time_spent_minutes, resolution, rating, rating_comment, "
    "reopen_count, agreed_deadline, estimated_deadline, first_response_at, created_at, "
    "updated_at, resolved_at, closed_at, links, version";

nlohmann::json links_json(const std::vector<TicketLink>& links) {
  auto out = nlohmann::json::array();
  for (const auto& l : links) out.push_back({{"ticket_id", l.other_ticket_id}, {"kind", l.kind}});
  return out;
}

// Parameters in kTicketColumns order, without id.
std::vector<Value> ticket_values(const Ticket& t) {
  return {t.protocol,
          t.requester_id,
          optional_value(t.organization_id),
          t.service_id,
          std::string(category_code(t.category)),
          std::string(channel_code(t.channel)),
          optional_value(t.registered_by),
          t.subject,
          t.description,
          t.form_answers.dump(),
          std::int64_t{t.impact},
          std::int64_t{t.urgency},
          std::int64_t{t.priority},
          std::string(status_code(t.status)),
          optional_value(t.unit_id),
          optional_value(t.assignee_id),
          std::int64_t{t.audience_admitted ? 1 : 0},
          t.audience_reason,
          t.time_spent_minutes,
          t.resolution,
          t.rating ? Value{std::int64_t{*t.rating}} : Value{},
          t.rating_comment,
          std::int64_t{t.reopen_count},
          instant_value(t.agreed_deadline),
          instant_value(t.estimated_deadline),
          instant_value(t.first_response_at),
          to_millis(t.created_at),
          to_millis(t.updated_at),
          instant_value(t.resolved_at),
          instant_value(t.closed_at),
          links_json(t.links).dump(),
          t.version};
}

}  // namespace

Ticket ticket_from_row(const Row& r) {
  Ticket t;
  t.id = r.integer(0);
  t.protocol = r.text(1);
  t.requester_id = r.integer(2);
  t.organization_id = r.optional_integer(3);
  t.service_id = r.integer(4);
  t.category = parse_category(r.text(5)).value_or(Category::service_request);
  t.channel = parse_channel(r.text(6)).value_or(Channel::portal);
  t.registered_by = r.optional_integer(7);
  t.subject = r.text(8);
  t.description = r.text(9);
  t.form_answers = nlohmann::json::parse(r.text(10));
  t.impact = static_cast<int>(r.integer(11));
  t.urgency = static_cast<int>(r.integer(12));
  t.priority = static_cast<int>(r.integer(13));
  t.status = parse_status(r.text(14)).value_or(Status::new_);
  t.unit_id = r.optional_integer(15);
  t.assignee_id = r.optional_integer(16);
  t.audience_admitted = r.integer(17) != 0;
  t.audience_reason = r.text(18);
  t.time_spent_minutes = r.integer(19);
  t.resolution = r.text(20);
  if (auto rating = r.optional_integer(21)) t.rating = static_cast<int>(*rating);
  t.rating_comment = r.text(22);
  t.reopen_count = static_cast<int>(r.integer(23));
  t.agreed_deadline = instant_at(r, 24);
  t.estimated_deadline = instant_at(r, 25);
  t.first_response_at = instant_at(r, 26);
  t.created_at = from_millis(r.integer(27));
  t.updated_at = from_millis(r.integer(28));
  t.resolved_at = instant_at(r, 29);
  t.closed_at = instant_at(r, 30);
  for (const auto& l : nlohmann::json::parse(r.text(31))) {
    t.links.push_back({l.at("ticket_id").get<std::int64_t>(), l.at("kind").get<std::string>()});
  }
  t.version = r.integer(32);
  return t;
}

const std::string& select_tickets_sql() {
  static const std::string sql = std::string("SELECT ") + kTicketColumns + " FROM tickets";
  return sql;
}

TicketNumbers take_ticket_numbers(Connection& c, int year) {
  if (TicketNumberBlock* block = c.ticket_number_block()) return block->take(c, year);
  // PostgreSQL hands out the row's id in the same answer (its identity
  // sequence), so the row goes down the pipeline without a wait of its own.
  const bool with_id = c.dialect() == Dialect::postgres;
  auto row = c.query_one(
      std::string("INSERT INTO protocol_counters(year, last_value) VALUES (?, 1) "
                  "ON CONFLICT(year) DO UPDATE SET last_value = protocol_counters.last_value + 1 "
                  "RETURNING last_value") +
          (with_id ? ", nextval(pg_get_serial_sequence('tickets', 'id'))" : ""),
      {std::int64_t{year}});
  TicketNumbers numbers{static_cast<long>(row->integer(0)), std::nullopt};
  if (with_id) numbers.id = row->integer(1);
  return numbers;
}

std::int64_t insert_ticket(Connection& c, const Ticket& ticket, const QueueKeys& keys,
                           std::optional<std::int64_t> id) {
  auto values = ticket_values(ticket);
  values.emplace_back(keys.due_at);
  values.push_back(optional_value(keys.open_due));
  values.push_back(optional_value(keys.risk_at));
  values.push_back(optional_value(keys.breach_at));
  std::string placeholders = "?";
  for (std::size_t i = 1; i < values.size(); ++i) placeholders += ", ?";
  std::string sql =
      std::string("INSERT INTO tickets (") + (id ? kTicketColumns : kTicketColumns + 4) +
      ", due_at, open_due, risk_at, breach_at) VALUES (" + (id ? "?, " : "") + placeholders + ")";
  if (id) {
    values.insert(values.begin(), Value{*id});
    c.query(sql, values);
    return *id;
  }
  return c.query_one(sql + " RETURNING id", values)->integer(0);
}

void update_ticket(Connection& c, const Ticket& ticket) {
  static const std::string sql = [] {
    std::string columns = kTicketColumns + 4;
    std::string assignments;
    std::size_t start = 0;
    while (start < columns.size()) {
      auto end = columns.find(", ", start);
      if (end == std::string::npos) end = columns.size();
      if (!assignments.empty()) assignments += ", ";
      assignments += columns.substr(start, end - start) + " = ?";
      start = end + 2;
    }
    return "UPDATE tickets SET " + assignments + " WHERE id = ?";
  }();
  auto values = ticket_values(ticket);
  values.emplace_back(ticket.id);
  c.query(sql, values);
}

std::optional<Ticket> load_ticket(Connection& c, std::int64_t id, bool for_update) {
  std::string sql = select_tickets_sql() + " WHERE id = ?";
  if (for_update && c.dialect() == Dialect::postgres) sql += " FOR UPDATE";
  auto row = c.query_one(sql, {id});
  if (!row) return std::nullopt;
  return ticket_from_row(*row);
}

std::optional<Ticket> load_ticket_by_protocol(Connection& c, const std::string& protocol) {
  auto row = c.query_one(select_tickets_sql() + " WHERE protocol = ?", {protocol});
  if (!row) return std::nullopt;
  return ticket_from_row(*row);
}

void insert_event(Connection& c, const TicketEvent& e) {
  c.query(
      "INSERT INTO ticket_events (ticket_id, seq, kind, actor_id, channel, occurred_at, "
      "is_public, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {e.ticket_id, e.seq, std::string(event_kind_code(e.kind)), optional_value(e.actor_id),
       std::string(channel_code(e.channel)), to_millis(e.at), std::int64_t{e.is_public ? 1 : 0},
       e.data.dump()});
}

namespace {

TicketEvent event_from_row(const Row& r) {
  TicketEvent e;
  e.ticket_id = r.integer(0);
  e.seq = r.integer(1);
  e.kind = parse_event_kind(r.text(2)).value();
  e.actor_id = r.optional_integer(3);
  e.channel = parse_channel(r.text(4)).value_or(Channel::portal);
  e.at = from_millis(r.integer(5));
  e.is_public = r.integer(6) != 0;
  e.data = nlohmann::json::parse(r.text(7));
  return e;
}

}  // namespace

std::optional<TicketEvent> load_event(Connection& c, std::int64_t ticket_id, std::int64_t seq) {
  auto r = c.query_one(
      "SELECT ticket_id, seq, kind, actor_id, channel, occurred_at, is_public, data "
      "FROM ticket_events WHERE ticket_id = ? AND seq = ?",
      {ticket_id, seq});
  if (!r) return std::nullopt;
  return event_from_row(*r);
}

std::vector<TicketEvent> load_events(Connection& c, std::int64_t ticket_id) {
  std::vector<TicketEvent> events;
  for (const auto& r :
       c.query("SELECT ticket_id, seq, kind, actor_id, channel, occurred_at, is_public, data "
               "FROM ticket_events WHERE ticket_id = ? ORDER BY seq",
               {ticket_id})) {
    events.push_back(event_from_row(r));
  }
  return events;
}

std::vector<std::int64_t> ticket_ids_after(Connection& c, std::int64_t after, int limit) {
  std::vector<std::int64_t> ids;
  for (const auto& r : c.query("SELECT id FROM tickets WHERE id > ? ORDER BY id LIMIT ?",
                               {after, std::int64_t{limit}})) {
    ids.push_back(r.integer(0));
  }
  return ids;
}

std::int64_t count_tickets(Connection& c) {
  return c.query_one("SELECT count(*) FROM tickets")->integer(0);
}

void index_ticket_text(Connection& c, std::int64_t ticket_id, const std::string& subject,
                       const std::string& body, bool fresh) {
  if (SearchEntryBuffer* held = c.held_search_entries()) {
    held->set(ticket_id, {subject, body, fresh});
  } else if (c.dialect() == Dialect::sqlite) {
    store_sqlite_search_entry(c, ticket_id, subject, body, fresh);
  } else {
    c.query(
        "INSERT INTO ticket_search(ticket_id, subject, body, document) VALUES "
        "(?, ?, ?, to_tsvector('simple', unaccent(? || ' ' || ?))) "
        "ON CONFLICT(ticket_id) DO UPDATE SET subject = excluded.subject, body = excluded.body, "
        "document = excluded.document",
        {ticket_id, subject, body, subject, body});
  }
}

void store_sqlite_search_entry(Connection& c, std::int64_t ticket_id, const std::string& subject,
                               const std::string& body, bool fresh) {
  if (!fresh) c.query("DELETE FROM ticket_search WHERE rowid = ?", {ticket_id});
  c.query("INSERT INTO ticket_search(rowid, subject, body) VALUES (?, ?, ?)",
          {ticket_id, subject, body});
}

std::string indexed_body(Connection& c, std::int64_t ticket_id) {
  if (const SearchEntryBuffer* held = c.held_search_entries()) {
    if (const auto* entry = held->find(ticket_id)) return entry->body;
  }
  auto row = c.query_one(c.dialect() == Dialect::sqlite
                             ? "SELECT body FROM ticket_search WHERE rowid = ?"
                             : "SELECT body FROM ticket_search WHERE ticket_id = ?",
                         {ticket_id});
  return row ? row->text(0) : std::string();
}

std::vector<std::int64_t> tickets_resolved_before(Connection& c, Instant cutoff) {
  std::vector<std::int64_t> ids;
  for (const auto& r :
       c.query("SELECT id FROM tickets WHERE status = 'resolved' AND resolved_at <= ? ORDER BY id",
               {to_millis(cutoff)})) {
    ids.push_back(r.integer(0));
  }
  return ids;
}

}  // namespace guiche::store
