#include "app/webhooks/webhooks.hpp"

#include "app/webhooks/webhook_rules.hpp"
#include "domain/error.hpp"
#include "store/webhook_rows.hpp"

namespace guiche::app {
namespace {

Webhook view_of(const store::WebhookSubscription& w) {
  return {w.id,     w.description,     w.url,        secret_hint(w.secret), w.events,
          w.active, w.disabled_reason, w.created_at, w.updated_at};
}

// Every broken field at once, so a form shows them all.
void check(const store::WebhookSubscription& w) {
  std::vector<FieldError> fields;
  for (const auto& [name, problem] :
       {std::pair<const char*, std::string>{"description",
                                            webhook_description_problem(w.description)},
        {"url", webhook_url_problem(w.url)},
        {"secret", webhook_secret_problem(w.secret)},
        {"events", webhook_events_problem(w.events)}}) {
    if (!problem.empty()) fields.push_back({name, problem});
  }
  if (fields.empty()) return;
  const std::string message =
      fields.size() == 1 ? fields.front().message : "Corrija os campos indicados do webhook.";
  throw invalid(message, fields);
}

store::WebhookSubscription must_exist(store::Connection& c, std::int64_t id) {
  auto w = store::load_webhook(c, id);
  if (!w) throw not_found("Webhook não encontrado.");
  return *w;
}

}  // namespace

Webhooks::Webhooks(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

void Webhooks::require_admin(const Actor& a) const {
  if (!a.person.active) throw DomainError(DomainError::Kind::unauthenticated, "Usuário inativo.");
  if (a.person.must_change_password) {
    throw forbidden("Altere a senha inicial antes de continuar (primeiro acesso).");
  }
  if (!a.person.has_role(Role::admin)) {
    throw forbidden("Somente administradores gerenciam os webhooks.");
  }
}

std::vector<Webhook> Webhooks::list(const Actor& a) {
  require_admin(a);
  std::vector<Webhook> out;
  db_.read([&](store::Connection& c) {
    for (const auto& w : store::list_webhooks(c)) out.push_back(view_of(w));
  });
  return out;
}

Webhook Webhooks::create(const Actor& a, const NewWebhook& n) {
  require_admin(a);
  store::WebhookSubscription w;
  w.description = n.description;
  w.url = n.url;
  w.secret = n.secret;
  w.events = n.events;
  w.active = n.active;
  w.created_at = w.updated_at = clock_.now();
  if (a.id() != 0) w.created_by = a.id();
  check(w);
  db_.write([&](store::Connection& c) { w.id = store::insert_webhook(c, w); });
  return view_of(w);
}

Webhook Webhooks::get(const Actor& a, std::int64_t id) {
  require_admin(a);
  Webhook out;
  db_.read([&](store::Connection& c) { out = view_of(must_exist(c, id)); });
  return out;
}

Webhook Webhooks::update(const Actor& a, std::int64_t id, const WebhookChange& change) {
  require_admin(a);
  Webhook out;
  db_.write([&](store::Connection& c) {
    auto w = must_exist(c, id);
    if (change.description) w.description = *change.description;
    if (change.url) w.url = *change.url;
    if (change.secret) w.secret = *change.secret;
    if (change.events) w.events = *change.events;
    if (change.active) {
      if (*change.active && !w.active) w.disabled_reason.reset();
      w.active = *change.active;
    }
    check(w);
    w.updated_at = clock_.now();
    store::update_webhook(c, w);
    out = view_of(w);
  });
  return out;
}

void Webhooks::remove(const Actor& a, std::int64_t id) {
  require_admin(a);
  db_.write([&](store::Connection& c) {
    must_exist(c, id);
    store::delete_webhook(c, id);
  });
}

std::vector<store::OutboxMessage> Webhooks::deliveries(const Actor& a, std::int64_t id,
                                                       std::optional<std::int64_t> before_id,
                                                       int limit) {
  require_admin(a);
  if (limit < 1 || limit > 200) throw invalid_field("limit", "O limite vai de 1 a 200.");
  std::vector<store::OutboxMessage> out;
  db_.read([&](store::Connection& c) {
    must_exist(c, id);
    out = store::webhook_deliveries(c, id, before_id, limit);
  });
  return out;
}

store::OutboxMessage Webhooks::retry(const Actor& a, std::int64_t id, std::int64_t delivery_id) {
  require_admin(a);
  store::OutboxMessage out;
  db_.write([&](store::Connection& c) {
    must_exist(c, id);
    auto m = store::load_message(c, delivery_id);
    if (!m || m->webhook_id != id) throw not_found("Entrega não encontrada.");
    if (!store::retry_message(c, delivery_id, clock_.now())) {
      throw conflict(m->status == "sent" ? "A entrega já foi feita."
                                         : "A entrega está em andamento agora.");
    }
    out = *store::load_message(c, delivery_id);
  });
  return out;
}

}  // namespace guiche::app
