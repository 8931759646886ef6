// Bulk actions on the queues (issue 19, item 4; app/tickets/bulk_actions.hpp):
// the queue's rows carry checkboxes (chamado_{id}) of the form #form-lote
// above the table, which posts to /atendimento/lote with the action chosen;
// the answer is a page that lists the tickets changed and, with why, those
// skipped, and leads back to the queue. Works without JavaScript;
// web/static/lote.js adds "select all on the page" and keeps the choice
// across the table's live refreshes.
#include <algorithm>
#include <charconv>

#include "app/answers/macros.hpp"
#include "app/directory/directory.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/tickets/bulk_actions.hpp"
#include "web/agent/agent_bulk_view.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

std::optional<std::int64_t> bulk_number(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

app::BulkAction bulk_action_of(WebContext& ctx, const Visitor& v, const Form& form) {
  app::BulkAction a;
  const auto chosen = form.value("acao");
  auto required = [&](const char* field) {
    auto id = bulk_number(form.value(field));
    if (!id) throw invalid_field(field, text(ctx, "respostas.lote_escolha_acao"));
    return *id;
  };
  if (chosen == "atribuir-a-mim" || chosen == "tirar-responsavel") {
    a.kind = app::BulkAction::Kind::assign;
    if (chosen == "atribuir-a-mim") a.assignee_id = v.actor.id();
  } else if (chosen == "encaminhar") {
    a.kind = app::BulkAction::Kind::route;
    a.unit_id = required("unidade");
  } else if (chosen == "situacao") {
    a.kind = app::BulkAction::Kind::status;
    const auto s = parse_status(form.value("situacao"));
    if (!s) throw invalid_field("situacao", text(ctx, "respostas.lote_escolha_acao"));
    a.status = *s;
  } else if (chosen == "comunicado") {
    a.kind = app::BulkAction::Kind::notice;
    a.notice_id = required("comunicado");
  } else if (chosen == "macro") {
    a.kind = app::BulkAction::Kind::macro;
    a.macro_id = required("macro");
  } else {
    throw invalid_field("acao", text(ctx, "respostas.lote_escolha_acao"));
  }
  return a;
}

}  // namespace

nlohmann::json bulk_bar_view(WebContext& ctx, const Visitor& v, const std::string& back) {
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : ctx.desk.directory().units(v.actor)) {
    if (u.active)
      units.push_back({{"id", std::to_string(u.id)}, {"nome", u.code + " — " + u.name}});
  }
  nlohmann::json statuses = nlohmann::json::array();
  for (auto s : {Status::in_progress, Status::pending_third_party, Status::assigned}) {
    statuses.push_back({{"codigo", std::string(status_code(s))}, {"nome", status_text(ctx, s)}});
  }
  nlohmann::json notices = nlohmann::json::array();
  for (const auto& n : ctx.desk.notice_tickets().linkable_notices(v.actor)) {
    notices.push_back(
        {{"id", std::to_string(n.id)}, {"nome", "#" + std::to_string(n.id) + " — " + n.title}});
  }
  nlohmann::json macros = nlohmann::json::array();
  for (const auto& m : ctx.desk.macros().offered(v.actor)) {
    macros.push_back({{"id", std::to_string(m.id)}, {"nome", m.name}});
  }
  return {{"unidades", units},      {"situacoes", statuses},
          {"comunicados", notices}, {"tem_comunicados", !notices.empty()},
          {"macros", macros},       {"tem_macros", !macros.empty()},
          {"voltar", back}};
}

void add_agent_bulk_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back(
      {"POST", "/atendimento/lote", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] {
           const auto v = require_agent(ctx, r);
           const Form form = read_form(r);
           check_csrf(v, form);
           const auto back = safe_return_path(form.value("voltar"), "/atendimento");
           std::vector<std::int64_t> ids;
           for (const auto& [name, value] : form.fields) {
             if (name.rfind("chamado_", 0) != 0 || value.empty()) continue;
             if (auto id = bulk_number(name.substr(8))) ids.push_back(*id);
           }
           // The fields come by name ("chamado_100" before "chamado_74"): by id, as registered.
           std::sort(ids.begin(), ids.end());
           nlohmann::json view = {{"voltar", back}};
           try {
             if (ids.empty())
               throw invalid_field("chamados", text(ctx, "respostas.lote_escolha_chamados"));
             const auto report = ctx.desk.bulk().apply(v.actor, ids, bulk_action_of(ctx, v, form));
             nlohmann::json done = nlohmann::json::array();
             nlohmann::json skipped = nlohmann::json::array();
             for (const auto& o : report.tickets) {
               const auto name = o.protocol.empty()
                                     ? fill(text(ctx, "respostas.lote_chamado_oculto"),
                                            std::to_string(o.ticket_id))
                                     : o.protocol;
               nlohmann::json item = {
                   {"protocolo", name},
                   {"url", o.protocol.empty() ? "" : agent_ticket_url(o.protocol)},
                   {"tem_url", !o.protocol.empty()},
                   {"motivo", o.reason}};
               (o.done ? done : skipped).push_back(item);
             }
             auto summary =
                 fill(text(ctx, "respostas.lote_resultado"), std::to_string(report.done));
             summary = fill(summary, std::to_string(report.tickets.size()));
             view.update({{"resumo", summary},
                          {"feitos", done},
                          {"tem_feitos", !done.empty()},
                          {"pulados", skipped},
                          {"tem_pulados", !skipped.empty()}});
             return page(ctx, v, 200, "agente_lote", "respostas.lote_titulo", view);
           } catch (const DomainError& e) {
             if (e.kind() != DomainError::Kind::validation) throw;
             view["erro"] = e.what();
             return page(ctx, v, 422, "agente_lote", "respostas.lote_titulo", view);
           }
         });
       }});
}

}  // namespace guiche::web
