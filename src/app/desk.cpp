#include "app/desk.hpp"
#include "support/random_hex.hpp"

#include <date/tz.h>

#include <filesystem>

#include "app/access_policy.hpp"
#include "app/calendar_book.hpp"
#include "app/credential_cache.hpp"
#include "app/login_throttle.hpp"
#include "app/webhooks/webhook_fanout.hpp"
#include "app/webhooks/webhooks.hpp"
#include "domain/error.hpp"
#include "domain/ticket_projection.hpp"
#include "store/directory_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {

Desk::Desk(store::Database& db, const Clock& clock, DeskConfig config)
    : db_(db), clock_(clock), config_(std::move(config)) {
  blobs_ = std::make_unique<store::AttachmentBlobs>(
      (std::filesystem::path(config_.data_dir) / "attachments").string());
  throttle_ = std::make_unique<LoginThrottle>();
  calendars_ = std::make_unique<CalendarBook>(db_);
  credentials_ = std::make_unique<CredentialCache>(config_.credential_cache_ttl, 10'000);
  events_ = std::make_unique<TicketEventsHub>();
  webhooks_ = std::make_unique<Webhooks>(db_, clock_);
  node_id_ = random_hex(12);
}

std::shared_ptr<const std::vector<Unit>> Desk::unit_tree(store::Connection& c) {
  const Instant now = clock_.now();
  if (auto cached = credentials_->units(now)) return cached;
  const auto generation = credentials_->generation();
  auto units = std::make_shared<const std::vector<Unit>>(store::load_units(c));
  credentials_->remember_units(units, now, generation);
  return units;
}

void Desk::directory_changed() {
  credentials_->clear();
}

Desk::~Desk() = default;

Date Desk::local_date(Instant t) const {
  auto zoned = date::make_zoned(config_.time_zone, t);
  auto local_day =
      std::chrono::floor<std::chrono::days>(std::chrono::local_time<std::chrono::milliseconds>(
          zoned.get_local_time().time_since_epoch()));
  return Date{std::chrono::sys_days{local_day.time_since_epoch()}};
}

Actor Desk::actor(std::int64_t person_id, Channel channel) {
  std::optional<Person> p;
  db_.read([&](store::Connection& c) { p = store::load_person(c, person_id); });
  if (!p || !p->active)
    throw DomainError(DomainError::Kind::unauthenticated, "Usuário inativo ou inexistente.");
  return Actor{*p, channel};
}

void Desk::require_active(const Actor& a) const {
  if (!a.person.active) {
    throw DomainError(DomainError::Kind::unauthenticated, "Usuário inativo.");
  }
  if (a.person.must_change_password) {
    throw forbidden("Altere a senha inicial antes de continuar (primeiro acesso).");
  }
}

Ticket Desk::mutate_ticket(const Actor& a, std::int64_t ticket_id, const Decide& decide) {
  require_active(a);
  Ticket result;
  const Instant now = clock_.now();
  write_tickets([&](store::Connection& c) {
    auto ticket = store::load_ticket(c, ticket_id, true);
    const auto units = store::load_units(c);
    if (!ticket || !can_view_ticket(a.person, *ticket, units)) {
      throw not_found("Chamado não encontrado.");
    }
    record(c, *ticket, decide(c, *ticket, units), a, now);
    result = *ticket;
  });
  return result;
}

void Desk::record(store::Connection& c, Ticket& ticket, std::vector<Draft> drafts, const Actor& a,
                  Instant now) {
  std::string appended_text;
  bool clock_moves = false;
  bool any_public = false;
  const auto unit_before = ticket.unit_id;
  std::vector<TicketEvent> stamped;
  for (auto& draft : drafts) {
    clock_moves = clock_moves || sla::affects_sla_clock(draft.kind);
    any_public = any_public || draft.is_public;
    TicketEvent e;
    e.ticket_id = ticket.id;
    e.seq = ticket.version + 1;
    e.kind = draft.kind;
    if (a.id() != 0) e.actor_id = a.id();  // 0: the system itself
    e.channel = a.channel;
    e.at = now;
    e.is_public = draft.is_public;
    e.data = std::move(draft.data);
    if (e.kind == EventKind::public_reply) appended_text += "\n" + e.data.value("text", "");
    apply_event(ticket, e);
    store::insert_event(c, e);
    stamped.push_back(std::move(e));
  }
  store::update_ticket(c, ticket);
  // The cached clock follows in the same transaction (queues sort by it).
  if (clock_moves) refresh_sla(c, ticket.id, now);
  if (!appended_text.empty()) {
    store::index_ticket_text(c, ticket.id, ticket.subject,
                             store::indexed_body(c, ticket.id) + appended_text);
  }
  enqueue_webhook_deliveries(c, ticket, stamped, now);
  notify(c, ticket, stamped, a, now);
  note_change(ticket, unit_before, any_public);
}

int Desk::rebuild_tickets() {
  int differing = 0;
  std::vector<std::int64_t> ids;
  db_.read([&](store::Connection& c) { ids = store::all_ticket_ids(c); });
  for (auto id : ids) {
    db_.write([&](store::Connection& c) {
      auto events = store::load_events(c, id);
      Ticket derived = fold_events(events);
      auto cached = store::load_ticket(c, id, true);
      std::string body = derived.description;
      for (const auto& e : events) {
        if (e.kind == EventKind::public_reply) body += "\n" + e.data.value("text", "");
      }
      store::index_ticket_text(c, id, derived.subject, body);
      if (!cached || !(*cached == derived)) {
        ++differing;
      }
      store::update_ticket(c, derived);
      // The SLA cache is derived too (outside the row, so the row stays exact).
      cache_sla(c, id, sla_timeline(c, sla_config(c), events, clock_.now(), false), events);
    });
  }
  return differing;
}

}  // namespace guiche::app
