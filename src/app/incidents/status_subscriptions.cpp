#include "app/incidents/status_subscriptions.hpp"

#include <algorithm>
#include <cctype>

#include "app/incidents/notice_messages.hpp"
#include "app/incidents/notice_time.hpp"
#include "app/incidents/subscription_limits.hpp"
#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "mail/mime.hpp"
#include "store/attachment_blobs.hpp"
#include "store/outbox_rows.hpp"
#include "store/status_component_rows.hpp"
#include "store/status_subscriber_rows.hpp"
#include "support/markup_escape.hpp"
#include "support/random_hex.hpp"

namespace guiche::app {
namespace {

constexpr const char* kConfirmationKey = "status_subscription_confirm";

// 128 random bits as hex: links no one guesses.
std::string new_token() {
  return random_hex(16);
}

// The chosen components, each known and active; their names.
std::vector<std::string> check_choice(store::Connection& c, const SubscriptionChoice& choice) {
  if (!choice.all && choice.component_ids.empty()) {
    throw invalid_field("component_ids",
                        "Escolha ao menos um componente, ou marque todos os componentes.");
  }
  std::vector<std::string> names;
  for (auto id : choice.component_ids) {
    auto component = store::load_status_component(c, id);
    if (!component || !component->active) {
      throw invalid_field("component_ids", "Componente desconhecido: " + std::to_string(id) + ".");
    }
    names.push_back(component->name);
  }
  return names;
}

std::vector<std::string> names_of(store::Connection& c, const SubscriptionChoice& choice) {
  std::vector<std::string> names;
  for (auto id : choice.component_ids) {
    if (auto component = store::load_status_component(c, id)) names.push_back(component->name);
  }
  return names;
}

SubscriptionView view_of(store::Connection& c, const StatusSubscriber& s,
                         const SubscriptionChoice& choice) {
  return {s.address, s.state, choice.all, names_of(c, choice)};
}

// The confirmation link, by the outbox like every message of the desk.
void send_confirmation(store::Connection& c, const DeskConfig& config, const std::string& address,
                       const std::string& token, const std::vector<std::string>& names,
                       Instant expires, Instant now) {
  const std::string link = config.public_url + "/status/assinatura/confirmar?token=" + token;
  const std::string what = names.empty() ? "todos os componentes" : joined_names(names);
  const std::string until = local_when_text(config.time_zone, expires);
  store::OutboxMessage m;
  m.template_key = kConfirmationKey;
  m.recipient_address = address;
  m.subject = "Confirme sua assinatura da situação dos serviços";
  m.text_body = "Olá.\n\nRecebemos um pedido para enviar a este endereço os avisos de " +
                config.agency_name + " sobre incidentes e manutenções de: " + what +
                ".\n\nPara confirmar, abra o link abaixo até " + until + ":\n" + link +
                "\n\nSe não foi você que pediu, ignore esta mensagem: sem a confirmação, nada "
                "mais será enviado.\n";
  m.html_body = "<p>Olá.</p><p>Recebemos um pedido para enviar a este endereço os avisos de " +
                escape_markup(config.agency_name) +
                " sobre incidentes e manutenções de: " + escape_markup(what) +
                ".</p><p><a href=\"" + escape_markup(link) + "\">Confirmar a assinatura</a> (até " +
                escape_markup(until) +
                ").</p><p>Se não foi você que pediu, ignore esta mensagem: sem a confirmação, "
                "nada mais será enviado.</p>";
  m.next_attempt_at = now;
  m.created_at = now;
  store::add_message(c, m, mail::domain_of(config.mail_from_address));
}

std::string token_hash(const std::string& token) {
  return store::sha256_hex(token);
}

// A token as it may arrive in a link: 32 hex digits, nothing else.
bool well_formed(const std::string& token) {
  if (token.size() != 32) return false;
  for (char ch : token) {
    if (!std::isxdigit(static_cast<unsigned char>(ch))) return false;
  }
  return true;
}

StatusSubscriber pending_by_token(store::Connection& c, const std::string& token, Instant now) {
  std::optional<StatusSubscriber> s;
  if (well_formed(token)) s = store::subscriber_by_confirm_hash(c, token_hash(token));
  if (!s || !s->pending) {
    throw not_found(
        "Link de confirmação inválido ou já usado. Se a assinatura não foi confirmada, peça de "
        "novo na página de situação.");
  }
  if (!s->confirm_expires_at || *s->confirm_expires_at <= now) {
    throw conflict(
        "Este link de confirmação expirou. Peça a assinatura de novo na página de situação.");
  }
  return *s;
}

StatusSubscriber subscriber_by_leave_token(store::Connection& c, const std::string& token) {
  std::optional<StatusSubscriber> s;
  if (well_formed(token)) s = store::subscriber_by_unsubscribe_token(c, token);
  if (!s) throw not_found("Link de cancelamento inválido.");
  return *s;
}

}  // namespace

void StatusSubscriptions::request(const SubscriptionRequest& r) {
  const auto address = normalize_email(r.email);
  if (!address) throw invalid_field("email", "Informe um endereço de e-mail válido.");
  const auto choice = normalized_choice({r.all, r.component_ids});
  const Instant now = ctx_.now();
  ctx_.db.write([&](store::Connection& c) {
    const auto names = check_choice(c, choice);
    admit_subscription_request(c, ctx_.config, *address, r.client_ip, now);
    auto existing = store::subscriber_by_address(c, *address);
    if (decide_subscription_request(existing, choice) ==
        SubscriptionRequestOutcome::nothing_to_do) {
      return;
    }
    const auto token = new_token();
    const Instant expires = now + ctx_.config.subscription_confirm_window;
    StatusSubscriber s = existing.value_or(StatusSubscriber{});
    if (!existing) {
      s.address = *address;
      s.unsubscribe_token = new_token();
      s.created_at = now;
    }
    // A confirmed address keeps hearing of what it chose until it confirms the change.
    if (s.state == SubscriberState::unsubscribed) s.state = SubscriberState::pending;
    s.pending = choice;
    s.confirm_token_hash = token_hash(token);
    s.confirm_expires_at = expires;
    s.requested_at = now;
    if (existing) {
      store::update_subscriber(c, s);
    } else {
      s.id = store::insert_subscriber(c, s);
    }
    send_confirmation(c, ctx_.config, *address, token, names, expires, now);
  });
}

SubscriptionView StatusSubscriptions::confirmation(const std::string& token) {
  SubscriptionView v;
  ctx_.db.read([&](store::Connection& c) {
    const auto s = pending_by_token(c, token, ctx_.now());
    v = view_of(c, s, *s.pending);
  });
  return v;
}

SubscriptionView StatusSubscriptions::confirm(const std::string& token) {
  SubscriptionView v;
  const Instant now = ctx_.now();
  ctx_.db.write([&](store::Connection& c) {
    auto s = pending_by_token(c, token, now);
    const auto choice = *s.pending;
    s.state = SubscriberState::confirmed;
    s.confirmed = choice;
    s.pending.reset();
    s.confirm_token_hash.reset();  // a link works once
    s.confirm_expires_at.reset();
    s.confirmed_at = now;
    s.unsubscribed_at.reset();
    store::update_subscriber(c, s);
    store::set_subscriber_components(c, s.id, choice);
    v = view_of(c, s, choice);
  });
  return v;
}

SubscriptionView StatusSubscriptions::subscription(const std::string& token) {
  SubscriptionView v;
  ctx_.db.read([&](store::Connection& c) {
    const auto s = subscriber_by_leave_token(c, token);
    v = view_of(c, s, s.confirmed);
  });
  return v;
}

SubscriptionView StatusSubscriptions::unsubscribe(const std::string& token) {
  SubscriptionView v;
  const Instant now = ctx_.now();
  ctx_.db.write([&](store::Connection& c) {
    auto s = subscriber_by_leave_token(c, token);
    v = view_of(c, s, s.confirmed);
    if (s.state == SubscriberState::unsubscribed) return;
    s.state = SubscriberState::unsubscribed;
    s.confirmed = {};
    s.pending.reset();  // a confirmation link still in a mailbox no longer works either
    s.confirm_token_hash.reset();
    s.confirm_expires_at.reset();
    s.unsubscribed_at = now;
    store::update_subscriber(c, s);
    store::set_subscriber_components(c, s.id, {});
    v.state = s.state;
  });
  return v;
}

int StatusSubscriptions::forget_stale() {
  const Instant now = ctx_.now();
  const auto window =
      std::max(ctx_.config.subscription_address_window, ctx_.config.subscription_ip_window);
  int forgotten = 0;
  ctx_.db.write([&](store::Connection& c) {
    forgotten = store::purge_unconfirmed_subscribers(c, now) +
                store::purge_subscription_requests(c, now - window);
  });
  return forgotten;
}

}  // namespace guiche::app
