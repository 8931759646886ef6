// A client organization's manager tells the desk of a possible incident
// through the portal (norm NPI-007, 5.2.1.1: /incidentes/informar), and
// follows it on its own page: where it stands and the messages it was sent
// (the receipt 6.1, then what ASCOM published). Drafts and the team's
// internal steps stay with the staff. Who may report is decided by
// app::StatusNotices; the desk's staff use their own board.
#include "app/incidents/notice_standing.hpp"
#include "app/incidents/status_components.hpp"
#include "web/agent/agent_notice_view.hpp"
#include "web/page_routes.hpp"
#include "web/record_id.hpp"

namespace guiche::web {
namespace {

const std::string kReport = "/incidentes/informar";

std::string report_url(std::int64_t id) {
  return "/incidentes/" + std::to_string(id);
}

http::Response form_page(WebContext& ctx, const Visitor& v, const Form& sent,
                         const std::map<std::string, std::string>& errors, int status) {
  // The use case decides again on sending; this spares others a form they cannot send.
  if (!v.actor.person.has_role(Role::org_manager) && !app::is_desk_staff(v.actor.person)) {
    throw forbidden("Somente o gestor de um órgão cliente ou a equipe informam incidentes.");
  }
  nlohmann::json components = nlohmann::json::array();
  for (const auto& c : ctx.desk.status_components().components()) {
    const auto id = std::to_string(c.id);
    components.push_back({{"id", id},
                          {"nome", c.name},
                          {"grupo", c.group_name},
                          {"marcado", !sent.value("componente_" + id).empty()}});
  }
  nlohmann::json errors_view = nlohmann::json::object();
  for (const auto& [field, message] : errors) errors_view[field] = message;
  nlohmann::json view = {{"componentes", components},
                         {"descricao", sent.value("descricao")},
                         {"erros", errors_view},
                         {"tem_erros", !errors.empty()}};
  return page(ctx, v, status, "informar_incidente", "comunicados.informar_titulo", view);
}

http::Response report(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  app::ReportIncident report;
  for (const auto& [key, value] : form.fields) {
    if (!key.starts_with("componente_")) continue;
    if (auto id = record_id(key.substr(11))) report.component_ids.push_back(*id);
  }
  report.description = form.value("descricao");
  try {
    if (report.description.empty()) {
      throw invalid_field("description", "Descreva o que está acontecendo.");
    }
    const auto n = ctx.desk.status_notices().report_incident(v.actor, report);
    return see_other(report_url(n.notice.id));
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return form_page(
        ctx, v, form,
        field_errors(e, {{"component_ids", "componentes"}, {"description", "descricao"}}), 422);
  }
}

// The reporter's view: the state in plain words and the messages sent out.
http::Response report_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto id = record_id(r.params.at("id"));
  if (!id) throw not_found("Comunicado não encontrado.");
  const auto n = ctx.desk.status_notices().notice(v.actor, *id);
  std::string names, description;
  for (const auto& c : n.components) names += (names.empty() ? "" : ", ") + c.name;
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& e : n.events) {
    if (e.action == NoticeAction::report) description = data_text(e, "text");
    const bool sent = e.message && (e.action == NoticeAction::acknowledge || e.published_at);
    if (!sent) continue;
    auto m = message_view(*e.message);
    m["quando"] = format_local(ctx, e.published_at.value_or(e.at));
    messages.push_back(m);
  }
  const auto state = n.notice.public_state.value_or(
      n.notice.state == NoticeState::reported ? NoticeState::reported : NoticeState::acknowledged);
  nlohmann::json view = {
      {"titulo_relato", n.notice.title},
      {"situacao", text(ctx, "status.estado." + std::string(notice_state_code(state)))},
      {"componentes", names},
      {"descricao", description},
      {"registrado", format_local(ctx, n.notice.created_at)},
      {"mensagens", messages},
      {"tem_mensagens", !messages.empty()},
      {"publico", n.notice.public_state.has_value() && !n.notice.organization_id},
      {"url_publica", "/status/comunicados/" + std::to_string(n.notice.id)}};
  return page(ctx, v, 200, "incidente", n.notice.title, view);
}

}  // namespace

void add_incident_report_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", kReport, [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        return form_page(ctx, require_visitor(ctx, r), Form{}, {}, 200);
                      });
                    }});
  routes.push_back({"POST", kReport, [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return report(ctx, r); });
                    }});
  routes.push_back({"GET", "/incidentes/:id", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return report_page(ctx, r); });
                    }});
}

}  // namespace guiche::web
