#include "store/manifestation_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kManifestationColumns =
    "m.id, m.protocol, m.kind, m.identification, m.status, m.service_id, "
    "COALESCE(s.name, ''), m.unit_id, m.subject, m.description, m.person_id, m.name, m.email, "
    "m.phone, m.cpf, m.answer_channel, m.registered_at, m.registered_on, m.answer_days, "
    "m.extension_days, m.extension_reason, m.complement_requested, m.paused_on, m.paused_days, "
    "m.due_on, m.answer, m.answered_at, m.closed_at, m.tracking_hash, m.warned";

std::string manifestation_select_where(const std::string& rest) {
  return std::string("SELECT ") + kManifestationColumns +
         " FROM manifestations m LEFT JOIN services s ON s.id = m.service_id " + rest;
}

Manifestation manifestation_of(const Row& r) {
  Manifestation m;
  m.id = r.integer(0);
  m.protocol = r.text(1);
  m.kind = parse_manifestation_kind(r.text(2)).value_or(ManifestationKind::complaint);
  m.identification = parse_identification(r.text(3)).value_or(Identification::confidential);
  m.status = parse_manifestation_status(r.text(4)).value_or(ManifestationStatus::open);
  m.service_id = r.optional_integer(5);
  m.service_name = r.text(6);
  m.unit_id = r.optional_integer(7);
  m.subject = r.text(8);
  m.description = r.text(9);
  m.manifestant = {r.optional_integer(10), r.text(11), r.text(12), r.text(13), r.text(14)};
  m.answer_channel = parse_answer_channel(r.text(15)).value_or(AnswerChannel::tracking);
  m.registered_at = from_millis(r.integer(16));
  m.registered_on = date_at(r, 17).value_or(Date{});
  m.answer_days = static_cast<int>(r.integer(18));
  if (auto e = r.optional_integer(19)) m.extension_days = static_cast<int>(*e);
  m.extension_reason = r.text(20);
  m.complement_requested = r.integer(21) != 0;
  m.paused_on = date_at(r, 22);
  m.paused_days = static_cast<int>(r.integer(23));
  m.due_on = date_at(r, 24).value_or(Date{});
  m.answer = r.text(25);
  m.answered_at = instant_at(r, 26);
  m.closed_at = instant_at(r, 27);
  m.warned = r.text(29);
  return m;
}

std::vector<Manifestation> all_of(const std::vector<Row>& rows) {
  std::vector<Manifestation> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(manifestation_of(r));
  return out;
}

Value optional_int(const std::optional<int>& v) {
  return v ? Value{std::int64_t{*v}} : Value{};
}

}  // namespace

long next_manifestation_sequence(Connection& c, int year) {
  auto row = c.query_one(
      "INSERT INTO manifestation_counters(year, last_value) VALUES (?, 1) "
      "ON CONFLICT(year) DO UPDATE SET last_value = manifestation_counters.last_value + 1 "
      "RETURNING last_value",
      {std::int64_t{year}});
  return static_cast<long>(row->integer(0));
}

std::int64_t insert_manifestation(Connection& c, const Manifestation& m,
                                  const std::string& tracking_hash) {
  const auto& who = m.manifestant;
  auto row = c.query_one(
      "INSERT INTO manifestations (protocol, tracking_hash, kind, identification, status, "
      "service_id, unit_id, subject, description, person_id, name, email, phone, cpf, "
      "answer_channel, registered_at, registered_on, answer_days, extension_days, "
      "extension_reason, complement_requested, paused_on, paused_days, due_on, answer, "
      "answered_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.protocol,
       tracking_hash,
       std::string(manifestation_kind_code(m.kind)),
       std::string(identification_code(m.identification)),
       std::string(manifestation_status_code(m.status)),
       optional_value(m.service_id),
       optional_value(m.unit_id),
       m.subject,
       m.description,
       optional_value(who.person_id),
       who.name,
       who.email,
       who.phone,
       who.cpf,
       std::string(answer_channel_code(m.answer_channel)),
       to_millis(m.registered_at),
       format_date(m.registered_on),
       std::int64_t{m.answer_days},
       optional_int(m.extension_days),
       m.extension_reason,
       flag(m.complement_requested),
       date_value(m.paused_on),
       std::int64_t{m.paused_days},
       format_date(m.due_on),
       m.answer,
       instant_value(m.answered_at),
       instant_value(m.closed_at)});
  return row->integer(0);
}

void update_manifestation(Connection& c, const Manifestation& m) {
  c.query(
      "UPDATE manifestations SET status = ?, extension_days = ?, extension_reason = ?, "
      "complement_requested = ?, paused_on = ?, paused_days = ?, due_on = ?, answer = ?, "
      "answered_at = ?, closed_at = ?, warned = ? WHERE id = ?",
      {std::string(manifestation_status_code(m.status)), optional_int(m.extension_days),
       m.extension_reason, flag(m.complement_requested), date_value(m.paused_on),
       std::int64_t{m.paused_days}, format_date(m.due_on), m.answer, instant_value(m.answered_at),
       instant_value(m.closed_at), m.warned, m.id});
}

std::optional<Manifestation> load_manifestation(Connection& c, std::int64_t id) {
  auto row = c.query_one(manifestation_select_where("WHERE m.id = ?"), {id});
  if (!row) return std::nullopt;
  return manifestation_of(*row);
}

std::optional<TrackedManifestation> find_manifestation(Connection& c, const std::string& protocol) {
  auto row = c.query_one(manifestation_select_where("WHERE m.protocol = ?"), {protocol});
  if (!row) return std::nullopt;
  return TrackedManifestation{manifestation_of(*row), row->text(28)};
}

void append_manifestation_event(Connection& c, std::int64_t manifestation_id,
                                const ManifestationEvent& e) {
  c.query(
      "INSERT INTO manifestation_events (manifestation_id, kind, text, actor_id, actor_name, "
      "visible_to_author, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {manifestation_id, e.kind, e.text, optional_value(e.actor_id), e.actor_name,
       flag(e.visible_to_author), to_millis(e.at)});
}

std::vector<ManifestationEvent> manifestation_events(Connection& c, std::int64_t manifestation_id) {
  std::vector<ManifestationEvent> out;
  for (const auto& r : c.query("SELECT id, kind, text, actor_id, actor_name, visible_to_author, at "
                               "FROM manifestation_events WHERE manifestation_id = ? ORDER BY id",
                               {manifestation_id})) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.optional_integer(3), r.text(4),
                   r.integer(5) != 0, from_millis(r.integer(6))});
  }
  return out;
}

std::string running_manifestations_sql(bool after_cursor) {
  // The partial index manifestations_queue holds exactly these rows, in this order.
  return manifestation_select_where(
      "WHERE m.status IN ('open', 'awaiting_complement') " +
      std::string(after_cursor ? "AND (m.due_on, m.id) > (?, ?) " : "") +
      "ORDER BY m.due_on, m.id LIMIT ?");
}

std::vector<Manifestation> running_manifestations(Connection& c, int limit,
                                                  const std::optional<QueueCursor>& after) {
  if (!after) return all_of(c.query(running_manifestations_sql(false), {std::int64_t{limit}}));
  return all_of(
      c.query(running_manifestations_sql(true), {after->due_on, after->id, std::int64_t{limit}}));
}

std::string manifestations_to_warn_sql() {
  return manifestation_select_where(
      "WHERE m.status = 'open' AND m.warned <> 'overdue' AND m.due_on <= ? "
      "AND (m.due_on < ? OR m.warned = '') ORDER BY m.due_on LIMIT ?");
}

std::vector<Manifestation> manifestations_to_warn(Connection& c, const std::string& today,
                                                  const std::string& due_by, int limit) {
  return all_of(c.query(manifestations_to_warn_sql(), {due_by, today, std::int64_t{limit}}));
}

std::vector<std::int64_t> ouvidoria_people(Connection& c) {
  std::vector<std::int64_t> ids;
  for (const auto& r :
       c.query("SELECT DISTINCT g.person_id FROM role_grants g JOIN people p ON p.id = g.person_id "
               "WHERE g.role = 'ombudsman' AND p.active = 1 ORDER BY g.person_id")) {
    ids.push_back(r.integer(0));
  }
  return ids;
}

std::vector<Manifestation> recent_manifestations(Connection& c, int limit,
                                                 std::optional<std::int64_t> before) {
  if (!before) {
    return all_of(
        c.query(manifestation_select_where("ORDER BY m.id DESC LIMIT ?"), {std::int64_t{limit}}));
  }
  return all_of(c.query(manifestation_select_where("WHERE m.id < ? ORDER BY m.id DESC LIMIT ?"),
                        {*before, std::int64_t{limit}}));
}

bool link_manifestation_ticket(Connection& c, std::int64_t manifestation_id, std::int64_t ticket_id,
                               std::int64_t at, std::int64_t by) {
  auto rows = c.query(
      "INSERT INTO manifestation_tickets (manifestation_id, ticket_id, linked_at, linked_by) "
      "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING ticket_id",
      {manifestation_id, ticket_id, at, by});
  return !rows.empty();
}

std::vector<LinkedTicket> manifestation_tickets(Connection& c, std::int64_t manifestation_id) {
  std::vector<LinkedTicket> out;
  for (const auto& r :
       c.query("SELECT t.id, t.protocol, t.subject FROM manifestation_tickets l "
               "JOIN tickets t ON t.id = l.ticket_id WHERE l.manifestation_id = ? ORDER BY t.id",
               {manifestation_id})) {
    out.push_back({r.integer(0), r.text(1), r.text(2)});
  }
  return out;
}

std::vector<std::int64_t> ticket_manifestations(Connection& c, std::int64_t ticket_id) {
  std::vector<std::int64_t> out;
  for (const auto& r :
       c.query("SELECT manifestation_id FROM manifestation_tickets WHERE ticket_id = ? "
               "ORDER BY manifestation_id",
               {ticket_id})) {
    out.push_back(r.integer(0));
  }
  return out;
}

ManifestationSettings load_manifestation_settings(Connection& c) {
  auto r = c.query_one(
      "SELECT unit_id, calendar, answer_days, extension_days, complement_days, warning_days "
      "FROM manifestation_settings WHERE id = 1");
  ManifestationSettings s;
  if (!r) return s;
  s.unit_id = r->optional_integer(0);
  s.calendar = r->text(1);
  s.answer_days = static_cast<int>(r->integer(2));
  s.extension_days = static_cast<int>(r->integer(3));
  s.complement_days = static_cast<int>(r->integer(4));
  s.warning_days = static_cast<int>(r->integer(5));
  return s;
}

void save_manifestation_settings(Connection& c, const ManifestationSettings& s, std::int64_t at,
                                 std::int64_t by) {
  c.query("DELETE FROM manifestation_settings WHERE id = 1");
  c.query(
      "INSERT INTO manifestation_settings (id, unit_id, calendar, answer_days, extension_days, "
      "complement_days, warning_days, updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
      {optional_value(s.unit_id), s.calendar, std::int64_t{s.answer_days},
       std::int64_t{s.extension_days}, std::int64_t{s.complement_days},
       std::int64_t{s.warning_days}, at, by});
}

}  // namespace guiche::store
