// The mail quarantine in the workspace (/atendimento/quarentena): the
// messages the intake could not handle, each with its reason; a message's
// page shows its text (hostile input: always escaped), offers the original
// .eml, a retry and registering it as a request of someone the agent picks.
// app::Desk decides who may (attendants, client relations, admins).
#include "app/directory/directory.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "web/access_reads.hpp"
#include "web/agent/agent_common.hpp"
#include "web/page_routes.hpp"
#include "web/record_id.hpp"

namespace guiche::web {
namespace {

constexpr int kPageSize = 50;
const std::string kList = "/atendimento/quarentena";

std::int64_t path_id(const http::Request& r) {
  auto id = record_id(r.params.at("id"));
  if (!id) throw not_found("Mensagem não encontrada na quarentena.");
  return *id;
}

std::string message_url(std::int64_t id) {
  return kList + "/" + std::to_string(id);
}

// The protocol of the ticket an entry names, when the visitor may see it.
std::string protocol_of(WebContext& ctx, const Visitor& v, std::optional<std::int64_t> ticket) {
  if (!ticket) return "";
  try {
    return ctx.desk.tickets().ticket(v.actor, *ticket).protocol;
  } catch (const DomainError&) {
    return "";
  }
}

nlohmann::json entry_view(WebContext& ctx, const Visitor& v, const store::QuarantineRecord& q) {
  const auto& m = q.message;
  const auto protocol = protocol_of(ctx, v, m.ticket_id);
  return {{"id", std::to_string(m.id)},
          {"url", message_url(m.id)},
          {"recebida", format_local(ctx, m.received_at)},
          {"recebida_iso", format_utc(m.received_at)},
          {"remetente", m.sender.empty() ? text(ctx, "agente.q_sem_remetente") : m.sender},
          {"assunto", m.subject.empty() ? text(ctx, "agente.q_sem_assunto") : m.subject},
          {"motivo", q.reason},
          {"tentativas", std::to_string(q.attempts)},
          {"pendente", q.state == "pending"},
          {"protocolo", protocol},
          {"tem_chamado", !protocol.empty()},
          {"chamado_url", protocol.empty() ? "" : agent_ticket_url(protocol)}};
}

// Notices after an action, by code (never text from the URL).
std::string notice(WebContext& ctx, const http::Request& r) {
  const auto code = r.query_value("aviso").value_or("");
  if (code == "resolvida" || code == "continua" || code == "registrada") {
    return text(ctx, "agente.q_aviso_" + code);
  }
  return "";
}

http::Response list_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const bool resolved = r.query_value("situacao").value_or("") == "resolvidas";
  const auto before = record_id(r.query_value("antes").value_or(""));
  const auto entries = ctx.desk.mail().mail_quarantine(v.actor, resolved ? "resolved" : "pending",
                                                       before, kPageSize);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& q : entries) rows.push_back(entry_view(ctx, v, q));
  nlohmann::json view = {{"linhas", rows},
                         {"vazia", rows.empty()},
                         {"resolvidas", resolved},
                         {"agente", app::is_agent(v.actor.person)},
                         {"aviso", notice(ctx, r)}};
  view["tem_aviso"] = !view["aviso"].get<std::string>().empty();
  if (static_cast<int>(entries.size()) == kPageSize) {
    view["proxima"] = kList + "?situacao=" + (resolved ? "resolvidas" : "pendentes") +
                      "&antes=" + std::to_string(entries.back().message.id);
  }
  return page(ctx, v, 200, "agente_quarentena", "agente.q_titulo", view);
}

// A message's page; `sent` and `errors` come back from a refused form.
http::Response message_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                            std::int64_t id, const Form& sent,
                            std::map<std::string, std::string> errors, int status) {
  const auto q = ctx.desk.mail().quarantined_mail(v.actor, id);
  nlohmann::json view = entry_view(ctx, v, q);
  const auto body = ctx.desk.mail().quarantined_text(v.actor, id);
  view["texto"] = body;
  view["tem_texto"] = !body.empty();
  view["original_url"] = message_url(id) + "/original";
  view["tamanho"] = std::to_string((q.message.raw_size + 1023) / 1024) + " KB";
  view["aviso"] = notice(ctx, r);
  view["tem_aviso"] = !view["aviso"].get<std::string>().empty();
  // The requester: found by name, e-mail or CPF; the sender's address first.
  const auto q_text =
      r.query_value("q").value_or(sent.value("q").empty() ? q.message.sender : sent.value("q"));
  view["q"] = q_text;
  nlohmann::json people = nlohmann::json::array();
  if (!q_text.empty() && q.state == "pending") {
    try {
      const auto chosen = sent.value("pessoa");
      std::vector<std::int64_t> listed;
      for (const auto& p : ctx.desk.directory().find_people(v.actor, q_text)) {
        if (!p.active) continue;
        listed.push_back(p.id);
        const auto pid = std::to_string(p.id);
        people.push_back({{"id", pid},
                          {"nome", p.name},
                          {"email", p.emails.empty() ? "" : p.emails.front()},
                          {"tem_email", !p.emails.empty()},
                          {"marcada", chosen == pid || (chosen.empty() && people.empty())}});
      }
      note_page_people_read(ctx, v, listed);
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::validation) throw;
      errors["q"] = e.what();
    }
  }
  view["pessoas"] = people;
  view["tem_pessoas"] = !people.empty();
  view["buscou"] = !q_text.empty();
  const auto service =
      sent.value("servico").empty() ? ctx.desk.config().mail_service_code : sent.value("servico");
  nlohmann::json services = nlohmann::json::array();
  for (const auto& s : ctx.desk.directory().services(v.actor)) {
    if (!s.active) continue;
    services.push_back(
        {{"codigo", s.code}, {"nome", s.code + " — " + s.name}, {"marcado", s.code == service}});
  }
  view["servicos"] = services;
  nlohmann::json errors_view = nlohmann::json::object();
  for (const auto& [field, message] : errors) errors_view[field] = message;
  view["erros"] = errors_view;
  view["tem_erros"] = !errors.empty();
  return page(ctx, v, status, "agente_quarentena_mensagem", "agente.q_mensagem_titulo", view);
}

// Where the visitor goes once a message became (or joined) a ticket: its
// agent page when they may open it, else the list with a notice.
std::string after_ticket(WebContext& ctx, const Visitor& v, const std::string& protocol) {
  if (!protocol.empty() && app::is_agent(v.actor.person)) {
    try {
      ctx.desk.tickets().ticket_by_protocol(v.actor, protocol);
      return agent_ticket_url(protocol) + "?aviso=da-quarentena";
    } catch (const DomainError&) {
    }
  }
  return kList + "?aviso=" + (protocol.empty() ? "resolvida" : "registrada");
}

http::Response retry(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto id = path_id(r);
  const Form form = read_form(r);
  check_csrf(v, form);
  app::MailReceipt receipt;
  try {
    receipt = ctx.desk.mail().retry_quarantined(v.actor, id);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::conflict) throw;  // it already left the quarantine
    return message_page(ctx, v, r, id, form, {{"_geral", e.what()}}, 409);
  }
  if (receipt.outcome == "quarantined") return see_other(message_url(id) + "?aviso=continua");
  return see_other(after_ticket(ctx, v, receipt.protocol));
}

// The form's names for the use case's fields.
const std::map<std::string, std::string> kTicketFields = {{"requester", "pessoa"},
                                                          {"requester_id", "pessoa"},
                                                          {"service", "servico"},
                                                          {"service_code", "servico"}};

http::Response to_ticket(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto id = path_id(r);
  const Form form = read_form(r);
  check_csrf(v, form);
  try {
    const auto requester = record_id(form.value("pessoa"));
    if (!requester) throw invalid_field("requester", "Escolha o solicitante.");
    const auto t =
        ctx.desk.mail().ticket_from_quarantine(v.actor, id, *requester, form.value("servico"));
    return see_other(after_ticket(ctx, v, t.protocol));
  } catch (const DomainError& e) {
    // A person or service that does not exist is the form's error too.
    const bool by_form = e.kind() == DomainError::Kind::validation ||
                         e.kind() == DomainError::Kind::conflict ||
                         e.kind() == DomainError::Kind::not_found;
    if (!by_form) throw;
    auto errors = field_errors(e, kTicketFields);
    if (e.kind() == DomainError::Kind::not_found) errors = {{"pessoa", e.what()}};
    return message_page(ctx, v, r, id, form, errors,
                        e.kind() == DomainError::Kind::conflict ? 409 : 422);
  }
}

}  // namespace

void add_agent_quarantine_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", kList, [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return list_page(ctx, r); });
                    }});
  routes.push_back({"GET", kList + "/:id", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_visitor(ctx, r);
                        return message_page(ctx, v, r, path_id(r), Form{}, {}, 200);
                      });
                    }});
  routes.push_back(
      {"GET", kList + "/:id/original", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] {
           const auto v = require_visitor(ctx, r);
           const auto id = path_id(r);
           http::Response response{
               200, "message/rfc822", ctx.desk.mail().quarantined_raw(v.actor, id), {}};
           response.headers = {{"Content-Disposition",
                                "attachment; filename=\"mensagem-" + std::to_string(id) + ".eml\""},
                               {"X-Content-Type-Options", "nosniff"},
                               {"Cache-Control", "private, no-store"}};
           return response;
         });
       }});
  routes.push_back({"POST", kList + "/:id/tentar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return retry(ctx, r); });
                    }});
  routes.push_back({"POST", kList + "/:id/chamado", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return to_ticket(ctx, r); });
                    }});
}

}  // namespace guiche::web
