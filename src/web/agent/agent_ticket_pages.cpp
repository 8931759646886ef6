// The agent's page of a ticket and its forms: triage, routing, assignment
// (to oneself, or to another member of the unit for those who distribute the
// work), status, public reply / question / internal note (with files), time
// entries, resolution, links, and the incident notices the ticket is linked
// to. Each form posts (with CSRF) to its own action; success redirects back
// (PRG), an invalid form comes back with errors by its fields. From htmx
// (HX-Request) the answer is the page's element alone, which htmx swaps in
// without reloading the page: after success, or with the errors.
#include <charconv>

#include "app/answers/answer_templates.hpp"
#include "app/answers/macros.hpp"
#include "app/attachments/attachments.hpp"
#include "app/directory/directory.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "web/agent/agent_ticket_merge_view.hpp"
#include "web/agent/agent_ticket_view.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

// A message was sent but its files were refused: the page says so by the
// files' field, and the text is not offered again (it was sent).
struct FilesRefused {
  std::string message;
};

std::optional<int> number(const std::string& text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Runs action `name` of the form on ticket `t`; `rename` maps the use case's
// field names to the form's. Returns the anchor to go back to.
std::string run_action(WebContext& ctx, const Visitor& v, const Ticket& t, const std::string& name,
                       const Form& form) {
  auto& desk = ctx.desk;
  if (name == "triagem") {
    app::Triage triage;
    triage.service_code = form.value("servico");
    triage.category = parse_category(form.value("categoria"));
    if (!triage.category) throw invalid_field("category", "Escolha a categoria.");
    triage.impact = number(form.value("impacto")).value_or(0);
    triage.urgency = number(form.value("urgencia")).value_or(0);
    desk.work().triage(v.actor, t.id, triage);
    return "triagem";
  }
  if (name == "encaminhar") {
    auto unit = number(form.value("unidade"));
    if (!unit) throw invalid_field("unit", "Escolha a unidade.");
    desk.work().route(v.actor, t.id, *unit, std::nullopt, form.value("observacao"));
    return "encaminhar";
  }
  if (name == "atribuir") {
    if (form.value("a") == "ninguem") {
      desk.work().assign(v.actor, t.id, std::nullopt);
    } else if (form.fields.count("pessoa")) {
      // Someone of the unit, from the select of its members.
      std::int64_t person = 0;
      const auto chosen = form.value("pessoa");
      const auto [end, ec] = std::from_chars(chosen.data(), chosen.data() + chosen.size(), person);
      if (chosen.empty() || ec != std::errc{} || end != chosen.data() + chosen.size()) {
        throw invalid_field("assignee", "Escolha a pessoa da unidade.");
      }
      desk.work().assign(v.actor, t.id, person);
    } else {
      desk.work().assign(v.actor, t.id, v.actor.id());
    }
    return "resumo";
  }
  if (name == "situacao") {
    auto to = parse_status(form.value("situacao"));
    if (!to) throw invalid_field("status", "Escolha a nova situação.");
    desk.work().change_status(v.actor, t.id, *to, form.value("motivo"));
    return "resumo";
  }
  if (name == "mensagem") {
    const auto kind = form.value("tipo");
    if (kind == "interna") {
      desk.work().add_internal_note(v.actor, t.id, form.value("texto"));
    } else {
      desk.work().reply(v.actor, t.id, form.value("texto"), kind == "pergunta");
    }
    if (!form.files.empty()) {
      // The message is kept whatever happens to its files (as the
      // requester's answer on the portal, web/portal/request_actions.cpp);
      // files of an internal note are internal too.
      std::vector<app::NewAttachment> files;
      for (const auto& part : form.files) files.push_back({*part.filename, part.bytes});
      try {
        desk.attachments().attach_all(v.actor, t.id, files, kind != "interna");
      } catch (const DomainError& e) {
        if (e.kind() != DomainError::Kind::validation) throw;
        throw FilesRefused{e.what()};
      }
    }
    return "historico";
  }
  if (name == "tempo") {
    // Not a number: 0, which the use case refuses with its own message.
    desk.work().log_time(v.actor, t.id, number(form.value("minutos")).value_or(0),
                         form.value("descricao"));
    return "tempo";
  }
  if (name == "resolver") {
    desk.work().resolve(v.actor, t.id, form.value("solucao"),
                        number(form.value("tempo_gasto")).value_or(0));
    return "resumo";
  }
  if (name == "vincular") {
    const auto other = desk.tickets().ticket_by_protocol(v.actor, form.value("outro"));
    desk.work().link(v.actor, t.id, other.id, form.value("tipo"));
    return "vinculos";
  }
  if (name == "vincular-comunicado" || name == "desvincular-comunicado") {
    auto notice = number(form.value("comunicado"));
    if (!notice) throw invalid_field("notice", "Escolha o comunicado.");
    if (name == "vincular-comunicado") {
      desk.notice_tickets().link_ticket(v.actor, *notice, t.id);
    } else {
      desk.notice_tickets().unlink_ticket(v.actor, *notice, t.id);
    }
    return "comunicados";
  }
  if (name == "aplicar-macro") {
    const auto macro = number(form.value("macro"));
    if (!macro) throw invalid_field("macro", "Escolha a macro.");
    desk.macros().apply(v.actor, *macro, t.id);
    return "historico";
  }
  if (name == "liberar-anexo") {
    const auto attachment = number(form.value("anexo"));
    if (!attachment) throw invalid_field("attachment", "Escolha o arquivo.");
    desk.attachments().release(v.actor, *attachment);
    return "retidos";
  }
  if (auto anchor = run_merge_action(ctx, v, t, name, form)) return *anchor;
  throw not_found("Ação desconhecida.");
}

// The use cases' field names, as each form names them.
const std::map<std::string, std::string> kFormFields = {{"service", "servico"},
                                                        {"category", "categoria"},
                                                        {"impact", "impacto"},
                                                        {"urgency", "urgencia"},
                                                        {"unit", "unidade"},
                                                        {"note", "observacao"},
                                                        {"assignee", "pessoa"},
                                                        {"status", "situacao"},
                                                        {"reason", "motivo"},
                                                        {"text", "texto"},
                                                        {"minutes", "minutos"},
                                                        {"resolution", "solucao"},
                                                        {"time_spent_minutes", "tempo_gasto"},
                                                        {"kind", "tipo"},
                                                        {"other", "outro"},
                                                        {"notice", "comunicado"},
                                                        {"protocol", "outro"},
                                                        {"duplicates", "duplicados"},
                                                        {"subject", "assunto"},
                                                        {"event", "evento"}};

std::string done_notice(WebContext& ctx, const Visitor& v, const std::string& protocol,
                        const std::string& done);

http::Response post_action(WebContext& ctx, const http::Request& r) {
  const auto v = require_agent(ctx, r);
  const auto protocol = r.params.at("protocol");
  const auto action = r.params.at("action");
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, protocol);
  const Form form = read_form(r);
  check_csrf(v, form);
  const auto how = ticket_page_request(r);
  std::string anchor;
  try {
    anchor = run_action(ctx, v, t, action, form);
  } catch (const FilesRefused& refused) {
    return agent_ticket_page(
        ctx, v, protocol, action, Form{},
        {{"anexos", fill(text(ctx, "agente.anexos_recusados"), refused.message)}}, 422, "", how);
  } catch (const DomainError& e) {
    // Bad input and refused transitions come back on the page, by the form
    // that caused them; "not found" of the linked ticket too.
    const bool notice_form = action == "vincular-comunicado" || action == "desvincular-comunicado";
    const bool by_form = e.kind() == DomainError::Kind::validation ||
                         e.kind() == DomainError::Kind::conflict ||
                         ((action == "vincular" || notice_form || action == "aplicar-macro") &&
                          e.kind() == DomainError::Kind::not_found);
    if (!by_form) throw;
    auto errors = field_errors(e, kFormFields);
    if (action == "vincular" && e.kind() == DomainError::Kind::not_found) {
      errors = {{"outro", e.what()}};
    }
    if (notice_form && e.kind() == DomainError::Kind::not_found) {
      errors = {{"comunicado", e.what()}};
    }
    // A macro's step refused says why by the macro's own control.
    if (action == "aplicar-macro") errors = {{"macro", e.what()}};
    return agent_ticket_page(ctx, v, protocol, action, form, errors,
                             e.kind() == DomainError::Kind::conflict ? 409 : 422, "", how);
  }
  // Triage and routing say what they did, on the page they return to.
  const bool confirms = action == "triagem" || action == "encaminhar" || action == "aplicar-macro";
  const auto back =
      agent_ticket_url(t.protocol) + (confirms ? "?feito=" + action : "") + "#" + anchor;
  if (!how.fragment) return see_other(back);
  try {
    // The action's panel stays open, with nothing of the form sent back.
    return agent_ticket_page(ctx, v, protocol, action, Form{}, {}, 200,
                             done_notice(ctx, v, protocol, confirms ? action : ""), how);
  } catch (const DomainError& e) {
    // The ticket left what the agent may see (routed elsewhere): the whole
    // page is asked for, as without JavaScript, and says so.
    if (e.kind() != DomainError::Kind::not_found && e.kind() != DomainError::Kind::forbidden) {
      throw;
    }
    http::Response response{200, "text/html; charset=utf-8", "", {}};
    response.headers.emplace_back("HX-Redirect", back);
    return response;
  }
}

// "Triagem registrada: prioridade 4 (Média)." or "Encaminhado a SGSIS, sem
// responsável: …", from the ticket as it is now.
std::string done_notice(WebContext& ctx, const Visitor& v, const std::string& protocol,
                        const std::string& done) {
  if (done == "aplicar-macro") return text(ctx, "respostas.feito_macro");
  if (done != "triagem" && done != "encaminhar") return "";
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, protocol);
  if (done == "triagem") {
    std::string severity;
    for (const auto& band : ctx.desk.sla().sla_configuration(v.actor).severities) {
      if (t.priority >= band.from_priority && t.priority <= band.to_priority) severity = band.name;
    }
    auto notice = fill(text(ctx, "agente.feito_triagem"), std::to_string(t.priority));
    if (!severity.empty()) return fill(notice, severity);
    if (auto at = notice.find(" ({})"); at != std::string::npos) notice.erase(at, 5);
    return notice;
  }
  std::string unit;
  for (const auto& u : ctx.desk.directory().units(v.actor)) {
    if (t.unit_id == u.id) unit = u.code + " — " + u.name;
  }
  return fill(text(ctx, t.assignee_id ? "agente.feito_encaminhar"
                                      : "agente.feito_encaminhar_sem_responsavel"),
              unit);
}

// The form a template picked without JavaScript fills ("mensagem" or
// "resolver") and its text, from the query; ("", {}) when none was picked.
// The picker's words ride along as "busca".
std::pair<std::string, Form> chosen_template(WebContext& ctx, const Visitor& v,
                                             const http::Request& r) {
  for (auto [query, form_name, field] : {std::tuple{"resposta", "mensagem", "texto"},
                                         std::tuple{"solucao_padrao", "resolver", "solucao"}}) {
    const auto id = number(r.query_value(query).value_or(""));
    if (!id) continue;
    const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, r.params.at("protocol"));
    Form filled;
    filled.fields[field] = ctx.desk.answer_templates().fill(v.actor, *id, t.id);
    filled.fields["busca"] = r.query_value("busca").value_or("");
    return {form_name, filled};
  }
  // Words typed in the picker, sent without JavaScript: the picker narrows.
  Form typed;
  if (auto words = r.query_value("busca")) typed.fields["busca"] = *words;
  return {"", typed};
}

}  // namespace

void add_agent_ticket_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back(
      {"GET", "/atendimento/chamados/:protocol", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] {
           const auto v = require_agent(ctx, r);
           // The one notice arriving here: a message of the mail
           // quarantine became this ticket.
           const bool from_quarantine = r.query_value("aviso").value_or("") == "da-quarentena";
           const auto done =
               done_notice(ctx, v, r.params.at("protocol"), r.query_value("feito").value_or(""));
           // "?resposta=" / "?solucao_padrao=": a template chosen without
           // JavaScript comes filled in the reply box or the resolution form.
           const auto [form, filled] = chosen_template(ctx, v, r);
           auto response =
               agent_ticket_page(ctx, v, r.params.at("protocol"), form, filled, {}, 200,
                                 from_quarantine ? text(ctx, "agente.q_aviso_chamado") : done,
                                 ticket_page_request(r));
           remember_order(ctx, r, response);
           return response;
         });
       }});
  routes.push_back(
      {"POST", "/atendimento/chamados/:protocol/:action", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] { return post_action(ctx, r); });
       }});
}

}  // namespace guiche::web
