// See outbox_admin.hpp.
#include "app/outbox/outbox_admin.hpp"
#include <date/tz.h>
#include <functional>
#include <set>
#include "app/text_rules.hpp"
#include "domain/error.hpp"

#include "store/channel_health_rows.hpp"
#include "store/outbox_rows.hpp"

namespace guiche::app {
namespace {

void require_admin(const Actor& a) {
  if (!a.person.has_role(Role::admin)) {
    throw forbidden("Somente administradores veem a fila de mensagens e os modelos.");
  }
}

mail::Template known_default(const std::string& key) {
  auto t = mail::default_template(key);
  if (!t) throw not_found("Modelo de mensagem desconhecido: " + key + ".");
  return *t;
}

}  // namespace

std::vector<store::OutboxMessage> OutboxAdmin::outbox(const Actor& a, const std::string& status,
                                                      std::optional<std::int64_t> before_id,
                                                      int limit) {
  require_active(a);
  require_admin(a);
  static const std::set<std::string> known{"pending", "sending", "in_doubt", "sent", "failed"};
  if (!status.empty() && !known.contains(status)) {
    throw invalid_field("status", "Situação deve ser pending, sending, in_doubt, sent ou failed.");
  }
  if (limit < 1 || limit > 200) throw invalid_field("limit", "O limite vai de 1 a 200.");
  std::vector<store::OutboxMessage> out;
  ctx_.db.read(
      [&](store::Connection& c) { out = store::list_messages(c, status, before_id, limit); });
  return out;
}

std::vector<ChannelProblem> OutboxAdmin::channel_problems(const Actor& a) {
  require_active(a);
  require_admin(a);
  std::vector<store::ChannelHealth> broken;
  ctx_.db.read([&](store::Connection& c) { broken = store::broken_channels(c); });
  std::vector<ChannelProblem> out;
  for (const auto& b : broken) {
    const auto at = std::chrono::floor<std::chrono::minutes>(b.since);
    out.push_back({b.channel, b.reason,
                   date::format("%d/%m/%Y às %H:%M", date::make_zoned(ctx_.config.time_zone, at))});
  }
  return out;
}

store::OutboxMessage OutboxAdmin::change_message(
    const Actor& a, std::int64_t id,
    const std::function<std::optional<std::string>(store::Connection&,
                                                   const store::OutboxMessage&)>& change) {
  require_active(a);
  require_admin(a);
  store::OutboxMessage out;
  ctx_.db.write([&](store::Connection& c) {
    auto m = store::load_message(c, id);
    if (!m) throw not_found("Mensagem não encontrada.");
    if (auto refused = change(c, *m)) throw conflict(*refused);
    out = *store::load_message(c, id);
  });
  return out;
}

store::OutboxMessage OutboxAdmin::retry_outbox(const Actor& a, std::int64_t id) {
  return change_message(
      a, id,
      [&](store::Connection& c, const store::OutboxMessage& m) -> std::optional<std::string> {
        if (store::retry_message(c, id, ctx_.now())) return std::nullopt;
        return m.status == "sent" ? "A mensagem já foi enviada."
                                  : "A mensagem está sendo enviada agora.";
      });
}

store::OutboxMessage OutboxAdmin::confirm_delivered(const Actor& a, std::int64_t id) {
  return change_message(
      a, id, [&](store::Connection& c, const store::OutboxMessage&) -> std::optional<std::string> {
        if (store::confirm_delivered(c, id, ctx_.now())) return std::nullopt;
        return "Só se confirma a entrega de uma mensagem em dúvida.";
      });
}

std::vector<store::OutboxMessage> OutboxAdmin::in_doubt(const Actor& a, int limit) {
  require_active(a);
  require_admin(a);
  std::vector<store::OutboxMessage> out;
  ctx_.db.read([&](store::Connection& c) { out = store::in_doubt_messages(c, limit); });
  return out;
}

TemplateView OutboxAdmin::message_template(const Actor& a, const std::string& key) {
  require_active(a);
  require_admin(a);
  TemplateView view{known_default(key), true, std::nullopt};
  ctx_.db.read([&](store::Connection& c) {
    if (auto stored = store::load_template(c, key, view.value.channel, view.value.locale)) {
      view.value.subject = stored->subject;
      view.value.text = stored->text_body;
      view.value.html = stored->html_body;
      view.is_default = false;
      view.updated_at = stored->updated_at;
    }
  });
  return view;
}

TemplateView OutboxAdmin::save_message_template(const Actor& a, const mail::Template& t) {
  require_active(a);
  require_admin(a);
  const mail::Template base = known_default(t.key);
  const std::string subject = required_text(t.subject, "subject", "O assunto", 300);
  if (subject.find_first_of("\r\n") != std::string::npos) {
    throw invalid_field("subject", "O assunto deve ter uma só linha.");
  }
  const std::string text = required_text(t.text, "text", "O texto", 20000);
  if (t.html.size() > 40000) throw invalid_field("html", "O HTML passa de 40000 caracteres.");
  for (auto [field, value] :
       {std::pair{"subject", &subject}, std::pair{"text", &text}, std::pair{"html", &t.html}}) {
    if (auto error = mail::template_error(*value)) {
      throw invalid_field(field, "Modelo inválido: " + *error + ".");
    }
  }
  const Instant now = ctx_.now();
  ctx_.db.write([&](store::Connection& c) {
    store::save_template(c, {t.key, base.channel, base.locale, subject, text, t.html, now, a.id()});
  });
  mail::Template saved = base;
  saved.subject = subject;
  saved.text = text;
  saved.html = t.html;
  return TemplateView{saved, false, now};
}

std::vector<store::OutboxBacklog> OutboxAdmin::backlog() {
  std::vector<store::OutboxBacklog> rows;
  ctx_.db.read([&](store::Connection& c) { rows = store::outbox_backlog(c); });
  return rows;
}

}  // namespace guiche::app
