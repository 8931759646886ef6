// The staff's pages of incident communication (/atendimento/comunicados):
// the board of open notices (those with messages for ASCOM to publish
// first), the forms that report an incident or schedule a maintenance, and
// a notice's page with its timeline, the messages exactly as they will be
// sent, the steps the viewer may take (each previewable) and the linked
// tickets. Who may do what is decided by app::StatusNotices.
#include "app/incidents/notice_standing.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/incidents/notice_time.hpp"
#include "app/incidents/status_components.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "web/agent/agent_common.hpp"
#include "web/agent/agent_notice_view.hpp"
#include "web/date_input.hpp"
#include "web/page_routes.hpp"
#include "web/record_id.hpp"

namespace guiche::web {
namespace {

// A notice named on a staff page: the reporter follows theirs on the
// portal's page (/incidentes/:id), never here, where drafts are shown.
std::int64_t path_id(const Visitor& v, const http::Request& r) {
  auto id = record_id(r.params.at("id"));
  if (!id || !app::is_desk_staff(v.actor.person)) throw not_found("Comunicado não encontrado.");
  return *id;
}

// Notices after an action, by code (never text from the URL).
std::string notice_text(WebContext& ctx, const http::Request& r) {
  const auto code = r.query_value("aviso").value_or("");
  if (code == "feito" || code == "criado" || code == "vinculado" || code == "desvinculado") {
    return text(ctx, "comunicados.aviso_" + code);
  }
  return "";
}

// A local date and time typed in two fields, at the desk's time zone.
std::optional<Instant> local_input(WebContext& ctx, const Form& form, const std::string& prefix,
                                   const char* field, const char* what) {
  const auto day_text = form.value(prefix + "_data");
  const auto clock_text = form.value(prefix + "_hora");
  if (day_text.empty() && clock_text.empty()) return std::nullopt;
  const auto day = parse_date_input(day_text);
  const auto clock = parse_clock_input(clock_text);
  if (!day || !clock) {
    throw invalid_field(field, std::string("Informe ") + what +
                                   " como dd/mm/aaaa e HH:MM (por exemplo 20/12/2026 e 22:00).");
  }
  return app::local_instant(ctx.desk.config().time_zone, *day, *clock);
}

// The form's names for the use cases' fields.
const std::map<std::string, std::string> kNoticeFields = {{"component_ids", "componentes"},
                                                          {"title", "titulo"},
                                                          {"impact", "impacto"},
                                                          {"description", "descricao"},
                                                          {"organization_id", "orgao"},
                                                          {"starts_at", "inicio"},
                                                          {"ends_at", "fim"},
                                                          {"text", "texto"},
                                                          {"position", "cargo"}};

nlohmann::json errors_json(const std::map<std::string, std::string>& errors) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [field, message] : errors) out[field] = message;
  return out;
}

http::Response board_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  nlohmann::json drafts = nlohmann::json::array(), incidents = nlohmann::json::array(),
                 maintenances = nlohmann::json::array();
  for (const auto& n : ctx.desk.status_notices().board(v.actor)) {
    auto line = notice_line_view(ctx, n);
    if (n.has_drafts) drafts.push_back(line);
    (n.notice.kind == NoticeKind::incident ? incidents : maintenances).push_back(line);
  }
  nlohmann::json view = {{"rascunhos", drafts},         {"tem_rascunhos", !drafts.empty()},
                         {"incidentes", incidents},     {"tem_incidentes", !incidents.empty()},
                         {"manutencoes", maintenances}, {"tem_manutencoes", !maintenances.empty()}};
  return page(ctx, v, 200, "agente_comunicados", "comunicados.titulo", view);
}

// The form of a new incident or maintenance; `sent` and `errors` come back
// from a refused form.
http::Response new_page(WebContext& ctx, const Visitor& v, bool maintenance, const Form& sent,
                        const std::map<std::string, std::string>& errors, int status) {
  std::vector<std::string> chosen;
  for (const auto& [key, value] : sent.fields) {
    if (key.starts_with("componente_")) chosen.push_back(key.substr(11));
  }
  std::vector<std::string> order;
  std::map<std::string, nlohmann::json> groups;
  for (const auto& c : ctx.desk.status_components().components()) {
    if (!groups.contains(c.group_name)) {
      order.push_back(c.group_name);
      groups[c.group_name] = nlohmann::json::array();
    }
    const auto id = std::to_string(c.id);
    groups[c.group_name].push_back(
        {{"id", id},
         {"nome", c.name},
         {"marcado", std::find(chosen.begin(), chosen.end(), id) != chosen.end()}});
  }
  nlohmann::json group_list = nlohmann::json::array();
  for (const auto& name : order) group_list.push_back({{"nome", name}, {"itens", groups[name]}});
  nlohmann::json organizations = nlohmann::json::array();
  const auto scopes = ctx.desk.status_notices().scope_organizations(v.actor);  // staff only
  if (!maintenance) {
    for (const auto& o : scopes) {
      const auto id = std::to_string(o.id);
      organizations.push_back({{"id", id},
                               {"nome", o.acronym.empty() ? o.name : o.acronym + " — " + o.name},
                               {"marcado", sent.value("orgao") == id}});
    }
  }
  nlohmann::json view = {{"manutencao", maintenance},
                         {"tipo", maintenance ? "manutencao" : "incidente"},
                         {"grupos", group_list},
                         {"orgaos", organizations},
                         {"titulo_valor", sent.value("titulo")},
                         {"impacto", sent.value("impacto")},
                         {"descricao", sent.value("descricao")},
                         {"inicio_data", sent.value("inicio_data")},
                         {"inicio_hora", sent.value("inicio_hora")},
                         {"fim_data", sent.value("fim_data")},
                         {"fim_hora", sent.value("fim_hora")},
                         {"erros", errors_json(errors)},
                         {"tem_erros", !errors.empty()}};
  const auto& zone = ctx.desk.config().time_zone;
  view["fuso"] =
      fill(text(ctx, "comunicados.fuso"),
           app::zone_name_pt(zone, std::chrono::time_point_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now())));
  return page(ctx, v, status, "agente_comunicado_novo",
              maintenance ? "comunicados.nova_manutencao" : "comunicados.novo_incidente", view);
}

http::Response create_notice(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  const bool maintenance = form.value("tipo") == "manutencao";
  std::vector<std::int64_t> components;
  for (const auto& [key, value] : form.fields) {
    if (!key.starts_with("componente_")) continue;
    if (auto id = record_id(key.substr(11))) components.push_back(*id);
  }
  try {
    app::NoticeView created;
    if (maintenance) {
      app::ScheduleMaintenance s{components, form.value("titulo"), form.value("impacto"),
                                 local_input(ctx, form, "inicio", "starts_at", "o início"),
                                 local_input(ctx, form, "fim", "ends_at", "o término")};
      created = ctx.desk.status_notices().schedule_maintenance(v.actor, s);
    } else {
      app::ReportIncident report{components, form.value("titulo"), form.value("impacto"),
                                 form.value("descricao"), record_id(form.value("orgao"))};
      created = ctx.desk.status_notices().report_incident(v.actor, report);
    }
    return see_other(staff_notice_url(created.notice.id) + "?aviso=criado");
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return new_page(ctx, v, maintenance, form, field_errors(e, kNoticeFields), 422);
  }
}

http::Response notice_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                           std::int64_t id, const std::map<std::string, std::string>& sent,
                           const std::optional<NoticeMessage>& preview, int status,
                           const nlohmann::json& extra = nlohmann::json::object()) {
  const auto n = ctx.desk.status_notices().notice(v.actor, id);
  auto view = staff_notice_view(ctx, v, n, sent, preview);
  view.update(extra);
  view["aviso"] = notice_text(ctx, r);
  view["tem_aviso"] = !view["aviso"].get<std::string>().empty();
  return page(ctx, v, status, "agente_comunicado", n.notice.title, view);
}

http::Response take_step(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto id = path_id(v, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  std::map<std::string, std::string> sent = form.fields;
  sent.erase("csrf");
  try {
    const auto action = parse_notice_action(form.value("acao"));
    if (!action || *action == NoticeAction::report || *action == NoticeAction::schedule) {
      throw invalid_field("acao", "Ação desconhecida para um comunicado.");
    }
    app::NoticeStep step;
    step.action = *action;
    step.text = form.value("texto");
    step.position = form.value("cargo");
    step.impact = form.value("impacto");
    step.organization_id = record_id(form.value("orgao"));
    if (*action == NoticeAction::reschedule) {
      step.starts_at = local_input(ctx, form, "inicio", "starts_at", "o novo início");
      step.ends_at = local_input(ctx, form, "fim", "ends_at", "o novo término");
    }
    if (!form.value("previa").empty()) {
      const auto message = ctx.desk.status_notices().preview(v.actor, id, step);
      return notice_page(ctx, v, r, id, sent, message, 200);
    }
    ctx.desk.status_notices().act(v.actor, id, step);
    return see_other(staff_notice_url(id) + "?aviso=feito#linha-do-tempo");
  } catch (const DomainError& e) {
    const bool by_form =
        e.kind() == DomainError::Kind::validation || e.kind() == DomainError::Kind::conflict;
    if (!by_form) throw;
    for (const auto& [field, message] : field_errors(e, kNoticeFields))
      sent["erro_" + field] = message;
    return notice_page(ctx, v, r, id, sent, std::nullopt,
                       e.kind() == DomainError::Kind::conflict ? 409 : 422);
  }
}

// Links an SA named by its protocol, as the requester or the team quotes it.
http::Response link_ticket(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto id = path_id(v, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  try {
    const auto protocol = form.value("protocolo");
    if (protocol.empty()) throw invalid_field("protocol", "Informe o número da SA.");
    const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, protocol);
    ctx.desk.notice_tickets().link_ticket(v.actor, id, t.id);
  } catch (const DomainError& e) {
    const bool by_form = e.kind() == DomainError::Kind::validation ||
                         e.kind() == DomainError::Kind::not_found ||
                         e.kind() == DomainError::Kind::conflict;
    if (!by_form) throw;
    return notice_page(ctx, v, r, id,
                       {{"protocolo", form.value("protocolo")},
                        {"erro_vincular", e.kind() == DomainError::Kind::not_found
                                              ? "SA não encontrada: confira o número."
                                              : std::string(e.what())}},
                       std::nullopt, e.kind() == DomainError::Kind::not_found ? 404 : 422);
  }
  return see_other(staff_notice_url(id) + "?aviso=vinculado#chamados");
}

http::Response unlink_ticket(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto id = path_id(v, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  const auto ticket = record_id(r.params.at("ticket"));
  if (!ticket) throw not_found("Chamado não encontrado.");
  ctx.desk.notice_tickets().unlink_ticket(v.actor, id, *ticket);
  return see_other(staff_notice_url(id) + "?aviso=desvinculado#chamados");
}

// Resolves the linked SAs still open with one note, and shows what became of each.
http::Response resolve_tickets(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto id = path_id(v, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  app::ResolveLinkedReport report;
  try {
    report = ctx.desk.notice_tickets().resolve_linked_tickets(v.actor, id, form.value("nota"));
  } catch (const DomainError& e) {
    const bool by_form =
        e.kind() == DomainError::Kind::validation || e.kind() == DomainError::Kind::conflict;
    if (!by_form) throw;
    return notice_page(ctx, v, r, id, {{"nota", form.value("nota")}, {"erro_resolver", e.what()}},
                       std::nullopt, e.kind() == DomainError::Kind::conflict ? 409 : 422);
  }
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& t : report.tickets) {
    if (t.result == app::LinkedTicketOutcome::Result::failed) {
      failures.push_back({{"protocolo", t.ticket.protocol}, {"motivo", t.reason}});
    }
  }
  nlohmann::json outcome = {
      {"resolvidos", fill(text(ctx, "comunicados.resolvidos"), std::to_string(report.resolved))},
      {"falhas", failures},
      {"tem_falhas", !failures.empty()}};
  return notice_page(ctx, v, r, id, {}, std::nullopt, 200, {{"resultado", outcome}});
}

}  // namespace

void add_agent_notice_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", kNoticeBoard, [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return board_page(ctx, r); });
                    }});
  routes.push_back({"GET", kNoticeBoard + "/novo", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_visitor(ctx, r);
                        const bool maintenance = r.query_value("tipo").value_or("") == "manutencao";
                        return new_page(ctx, v, maintenance, Form{}, {}, 200);
                      });
                    }});
  routes.push_back({"POST", kNoticeBoard, [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return create_notice(ctx, r); });
                    }});
  routes.push_back({"GET", kNoticeBoard + "/:id", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_visitor(ctx, r);
                        return notice_page(ctx, v, r, path_id(v, r), {}, std::nullopt, 200);
                      });
                    }});
  routes.push_back({"POST", kNoticeBoard + "/:id/passos", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return take_step(ctx, r); });
                    }});
  routes.push_back({"POST", kNoticeBoard + "/:id/chamados", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return link_ticket(ctx, r); });
                    }});
  routes.push_back(
      {"POST", kNoticeBoard + "/:id/chamados/:ticket/desvincular", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] { return unlink_ticket(ctx, r); });
       }});
  routes.push_back(
      {"POST", kNoticeBoard + "/:id/resolver-chamados", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] { return resolve_tickets(ctx, r); });
       }});
}

}  // namespace guiche::web
