// A request seen by its requester (or the organization's manager): the
// confirmation right after sending (/chamados/{protocol}/registrado), and the
// request's page (/chamados/{protocol}) with the three views of a request — Listagem
// (the consolidated stages), Status (the fluxo vivo, also served alone as an
// htmx fragment at /chamados/{protocol}/fluxo) and Acessar (the form as
// sent) — and the forms its status allows (request_actions.cpp answers them).
#include "web/portal/request_pages.hpp"
#include "app/attachments/attachments.hpp"
#include "web/access_reads.hpp"

#include "app/access_policy.hpp"
#include "app/directory/directory.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/reopen_window.hpp"
#include "web/page_routes.hpp"
#include "web/request_view.hpp"
#include "web/service_form.hpp"

namespace guiche::web {
namespace {

std::string service_name(WebContext& ctx, const Visitor& v, std::int64_t id,
                         std::vector<FormField>* form) {
  for (const auto& s : ctx.desk.directory().services(v.actor)) {
    if (s.id != id) continue;
    if (form) *form = s.form;
    return s.code + " — " + s.name;
  }
  return "";
}

std::string answer_text(WebContext& ctx, const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return text(ctx, value.get<bool>() ? "portal.sim" : "portal.nao");
  return value.dump();
}

// The requester's receipt for files the desk's policy did not accept: each
// name and why (kept for the team, not downloadable); false when none.
nlohmann::json not_accepted_view(WebContext& ctx, const Visitor& v, const Ticket& t) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : ctx.desk.attachments().not_accepted(v.actor, t.id)) {
    items.push_back({{"nome", a.filename}, {"motivo", a.held_reason}});
  }
  if (items.empty()) return false;
  return {{"itens", items}};
}

// The deadline in force now, as the agent's page shows it (the resolution
// clock, moved by triage or by pauses), not the estimate given at registration.
std::optional<Instant> current_deadline(WebContext& ctx, const Visitor& v, const Ticket& t) {
  if (t.agreed_deadline) return t.agreed_deadline;
  if (t.category == Category::project) return std::nullopt;
  const auto timeline = ctx.desk.tickets().ticket_sla(v.actor, t.id);
  if (!timeline.applies || timeline.targets.empty()) return t.estimated_deadline;
  return timeline.targets.back().deadline;
}

std::string current_deadline_text(WebContext& ctx, const Visitor& v, const Ticket& t) {
  const auto at = current_deadline(ctx, v, t);
  return at ? local_when(ctx, *at) : text(ctx, "portal.a_combinar");
}

// When the deadline moved since registration: the first estimate and why it
// changed (a reclassification at triage, time waiting for the requester);
// false when it did not.
nlohmann::json first_estimate_view(WebContext& ctx, const Visitor& v, const Ticket& t,
                                   const std::vector<TicketEvent>& events) {
  if (!t.estimated_deadline || t.agreed_deadline) return false;
  const auto now = current_deadline(ctx, v, t);
  if (!now || local_when(ctx, *now) == local_when(ctx, *t.estimated_deadline)) return false;
  std::string why = "motivo_outro";
  for (const auto& e : events) {
    if (e.kind == EventKind::status_changed &&
        e.data.value("to", std::string()) == status_code(Status::pending_requester))
      why = "motivo_pausa";
  }
  for (const auto& e : events) {
    if (e.kind == EventKind::triaged &&
        (e.data.contains("impact") || e.data.contains("urgency") || e.data.contains("category") ||
         e.data.contains("service_id")))
      why = "motivo_triagem";
  }
  return {{"data", local_when(ctx, *t.estimated_deadline)},
          {"motivo", text(ctx, "portal.chamado." + why)}};
}

http::Response registered(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, r.params.at("protocol"));
  nlohmann::json view = {{"protocolo", t.protocol},
                         {"prazo", current_deadline_text(ctx, v, t)},
                         {"url", ticket_path(t.protocol)},
                         {"anexos_recusados", r.query_value("anexos") == "recusados"},
                         {"nao_aceitos", not_accepted_view(ctx, v, t)}};
  return page(ctx, v, 200, "registrado", "portal.registrado.titulo", view);
}

// The error of `field` if the refused form was `form`, else "".
std::string error_in(const SentForm& sent, const std::string& form, const std::string& field) {
  if (sent.name != form) return "";
  auto it = sent.errors.find(field);
  return it == sent.errors.end() ? "" : it->second;
}

// The same, for a template section: false when there is none.
nlohmann::json error_view(const SentForm& sent, const std::string& form, const std::string& field) {
  return optional_text(error_in(sent, form, field));
}

std::string value_in(const SentForm& sent, const std::string& form, const std::string& field) {
  return sent.name == form ? sent.values.value(field) : "";
}

// The forms the ticket's status allows its requester side; the desk checks
// each again when it is sent.
void add_forms(WebContext& ctx, const Visitor& v, const Ticket& t, const SentForm& sent,
               nlohmann::json& view) {
  if (!app::is_requester_side(v.actor.person, t)) return;
  const auto base = ticket_path(t.protocol);
  if (status_is_open(t.status)) {
    view["resposta"] = {{"acao", base + "/resposta"},
                        {"texto", value_in(sent, "resposta", "texto")},
                        {"erro_texto", error_view(sent, "resposta", "texto")},
                        {"zona", attachment_zone(ctx, "resposta-anexos",
                                                 text(ctx, "portal.chamado.resposta_anexos"),
                                                 error_in(sent, "resposta", "anexos"))}};
  }
  if (!status_is_final(t.status)) {
    view["arquivos"] = {{"acao", base + "/arquivos"},
                        {"zona", attachment_zone(ctx, "arquivos-anexos",
                                                 text(ctx, "portal.chamado.anexar_arquivos"),
                                                 error_in(sent, "arquivos", "anexos"))}};
  }
  if ((t.status == Status::resolved || t.status == Status::closed) && !t.rating) {
    const auto chosen = value_in(sent, "avaliacao", "nota");
    nlohmann::json stars = nlohmann::json::array();
    std::string glyphs;
    for (int n = 1; n <= 5; ++n) {
      glyphs += "★";
      stars.push_back({{"valor", n},
                       {"marcada", chosen == std::to_string(n)},
                       {"simbolos", glyphs},
                       {"rotulo", std::to_string(n) + " " +
                                      text(ctx, n == 1 ? "portal.chamado.estrela"
                                                       : "portal.chamado.estrelas")}});
    }
    view["avaliacao"] = {{"acao", base + "/avaliacao"},
                         {"estrelas", stars},
                         {"comentario", value_in(sent, "avaliacao", "comentario")},
                         {"erro_nota", error_view(sent, "avaliacao", "nota")},
                         {"erro_comentario", error_view(sent, "avaliacao", "comentario")}};
  }
  if (t.rating) {
    view["avaliado"] = {{"nota", *t.rating}, {"comentario", optional_text(t.rating_comment)}};
  }
  // The requester may give up while the request waits for triage.
  if (may_transition(t.status, Status::cancelled, Side::requester)) {
    view["cancelamento"] = {{"acao", base + "/cancelamento"},
                            {"motivo", value_in(sent, "cancelamento", "motivo")},
                            {"erro_motivo", error_view(sent, "cancelamento", "motivo")}};
  }
  const auto window = ctx.desk.config().reopen_window;
  if (reopen_window_open(t, ctx.desk.now(), window)) {
    view["reabertura"] = {{"acao", base + "/reabertura"},
                          {"ate", local_when(ctx, *reopen_window_end(t, window))},
                          {"motivo", value_in(sent, "reabertura", "motivo")},
                          {"erro_motivo", error_view(sent, "reabertura", "motivo")}};
  }
}

nlohmann::json timeline_fragment_view(WebContext& ctx, const Ticket& t,
                                      const std::vector<TicketEvent>& events) {
  return {{"url_fluxo", ticket_path(t.protocol) + "/fluxo"},
          {"eventos", timeline_view(ctx, events)}};
}

// GET /chamados/{protocol}/fluxo: the timeline alone, for htmx to swap in
// when the live channel says the request changed.
http::Response timeline_fragment(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, r.params.at("protocol"));
  return fragment(ctx, v, 200, "_fluxo",
                  timeline_fragment_view(ctx, t, ctx.desk.tickets().history(v.actor, t.id)));
}

}  // namespace

http::Response request_page(WebContext& ctx, const Visitor& v, const std::string& protocol,
                            const SentForm& sent, int status, const std::string& done) {
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, protocol);
  // The requester's own reads are not logged; their organization manager's are.
  note_page_read(ctx, v, t.requester_id, "ticket", t.id);
  const auto events = ctx.desk.tickets().history(v.actor, t.id);
  std::vector<FormField> form;
  const auto service = service_name(ctx, v, t.service_id, &form);
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& f : form) {
    if (!t.form_answers.contains(f.key)) continue;
    answers.push_back({{"rotulo", f.label},
                       {"valor", answer_for_display(f, answer_text(ctx, t.form_answers[f.key]))}});
  }
  nlohmann::json view = {
      {"protocolo", t.protocol},
      {"assunto", t.subject},
      {"descricao", t.description},
      {"servico", service},
      {"categoria",
       text(ctx, "portal.categorias." + std::string(category_code(t.category)) + ".rotulo")},
      {"situacao", status_text(ctx, t.status)},
      {"aberto", status_is_open(t.status)},
      {"pendente", t.status == Status::pending_requester},
      {"registrado_em", local_when(ctx, t.created_at)},
      {"prazo", current_deadline_text(ctx, v, t)},
      {"prazo_inicial", first_estimate_view(ctx, v, t, events)},
      {"respostas", answers},
      {"etapas", stages_view(ctx, t, events)},
      {"fluxo", timeline_fragment_view(ctx, t, events)},
      {"ao_vivo", "/ao-vivo/chamados/" + url_encode(t.protocol)},
      {"nao_aceitos", not_accepted_view(ctx, v, t)}};
  if (t.requester_id != v.actor.id()) {
    try {
      view["solicitante"] = ctx.desk.directory().person(v.actor, t.requester_id).name;
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::not_found) throw;
    }
  }
  if (!done.empty()) view["feito"] = text(ctx, "portal.chamado.feito_" + done);
  add_forms(ctx, v, t, sent, view);
  // A form refused because the request moved on (evaluated or reopened in
  // another tab) is no longer on the page: its message goes on top.
  if (!sent.name.empty() && !view.contains(sent.name)) {
    std::string message;
    for (const auto& [field, text] : sent.errors) message += (message.empty() ? "" : " ") + text;
    view["erro_geral"] = optional_text(message);
  }
  return page(ctx, v, status, "chamado", text(ctx, "portal.chamado.titulo") + " " + t.protocol,
              view);
}

void add_request_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/chamados/:protocol/registrado", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return registered(ctx, r); });
                    }});
  routes.push_back({"GET", "/chamados/:protocol/fluxo", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return timeline_fragment(ctx, r); });
                    }});
  routes.push_back({"GET", "/chamados/:protocol", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_visitor(ctx, r);
                        auto done = r.query_value("feito").value_or("");
                        // Only the names the page knows become a message.
                        if (done != "resposta" && done != "arquivos" && done != "avaliacao" &&
                            done != "reabertura" && done != "cancelamento")
                          done.clear();
                        SentForm none;
                        if (r.query_value("anexos") == "recusados") {
                          none.name = "resposta";
                          none.errors["anexos"] = text(ctx, "portal.chamado.anexos_recusados");
                        }
                        return request_page(ctx, v, r.params.at("protocol"), none, 200, done);
                      });
                    }});
  add_my_area_pages(ctx, routes);
  add_my_data_pages(ctx, routes);
  add_request_actions(ctx, routes);
}

}  // namespace guiche::web
