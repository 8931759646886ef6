// Minha Área (/minha-area): the visitor's requests and, for an organization's
// manager, a second tab with the organization's; filters by status, period
// and text as GET parameters, the search by protocol number, and keyset pages
// as the API has them. What each list may hold is the desk's decision (its
// visibility rules); the page only says which list it wants.

#include "app/directory/directory.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/protocol_number.hpp"
#include "web/page_routes.hpp"
#include "web/portal/request_pages.hpp"
#include "web/request_view.hpp"

namespace guiche::web {
namespace {

constexpr int kPageSize = 20;

struct Filters {
  bool organization_tab = false;
  std::string protocol;
  std::string text;
  std::string status;  // "", "abertos", "concluidos"
  std::string period;  // "", "7", "30", "90", "365" (days)
  std::string cursor;
};

std::string trimmed(std::string s) {
  s.erase(0, s.find_first_not_of(' '));
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

Filters filters_of(const http::Request& r, bool manager) {
  Filters f;
  f.organization_tab = manager && r.query_value("aba") == "orgao";
  f.protocol = trimmed(r.query_value("protocolo").value_or(""));
  f.text = trimmed(r.query_value("q").value_or(""));
  f.status = r.query_value("situacao").value_or("");
  if (f.status != "abertos" && f.status != "concluidos") f.status.clear();
  f.period = r.query_value("periodo").value_or("");
  if (f.period != "7" && f.period != "30" && f.period != "90" && f.period != "365")
    f.period.clear();
  f.cursor = r.query_value("cursor").value_or("");
  return f;
}

// The page's address with these filters (and `cursor`, for the next page).
std::string url_of(const Filters& f, const std::string& cursor) {
  std::string q;
  auto add = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    q += (q.empty() ? "?" : "&") + std::string(name) + "=" + url_encode(value);
  };
  add("aba", f.organization_tab ? "orgao" : "");
  add("situacao", f.status);
  add("periodo", f.period);
  add("q", f.text);
  add("cursor", cursor);
  return "/minha-area" + q;
}

store::TicketFilter ticket_filter(WebContext& ctx, const Visitor& v, const Filters& f) {
  store::TicketFilter filter;
  if (f.organization_tab) {
    filter.organization_id = v.actor.person.organization_id;
  } else {
    filter.requester_id = v.actor.id();
  }
  if (f.status == "abertos") {
    filter.statuses = {Status::new_,
                       Status::triage,
                       Status::assigned,
                       Status::in_progress,
                       Status::pending_requester,
                       Status::pending_third_party,
                       Status::reopened};
  } else if (f.status == "concluidos") {
    filter.statuses = {Status::resolved, Status::closed, Status::cancelled};
  }
  if (!f.period.empty()) {
    filter.created_from = std::chrono::time_point_cast<std::chrono::milliseconds>(
        ctx.desk.now() - std::chrono::days(std::stoi(f.period)));
  }
  filter.text = f.text;
  filter.cursor = f.cursor;
  filter.limit = kPageSize;
  return filter;
}

// A protocol as quoted (AAAA-NNNNNN, a shorter "2026-123", the e-mail
// subject's "[SA 2026-000123]": domain/protocol_number.hpp), written in full.
// nullopt: not one.
std::optional<std::string> protocol_of(const std::string& q) {
  const auto number = parse_protocol(q);
  if (!number) return std::nullopt;
  return format_protocol(number->year, number->sequence);
}

nlohmann::json options(WebContext& ctx, const std::string& chosen,
                       const std::vector<std::pair<std::string, std::string>>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [value, key] : values) {
    out.push_back({{"valor", value},
                   {"rotulo", text(ctx, "portal.minha_area." + key)},
                   {"marcada", value == chosen}});
  }
  return out;
}

http::Response my_area(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto& me = v.actor.person;
  const bool manager = me.has_role(Role::org_manager) && me.organization_id.has_value();
  const Filters f = filters_of(r, manager);
  std::vector<Ticket> tickets;
  std::string next;
  std::string error;
  if (!f.protocol.empty()) {
    // Whatever the tab: the desk shows the request if the visitor may see it.
    if (auto protocol = protocol_of(f.protocol)) {
      try {
        tickets.push_back(ctx.desk.tickets().ticket_by_protocol(v.actor, *protocol));
      } catch (const DomainError& e) {
        if (e.kind() != DomainError::Kind::not_found) throw;
      }
    } else {
      error = text(ctx, "portal.minha_area.protocolo_formato");
    }
  } else {
    auto page = ctx.desk.tickets().list_tickets(v.actor, ticket_filter(ctx, v, f));
    tickets = std::move(page.tickets);
    next = page.next_cursor;
  }
  std::map<std::int64_t, std::string> names;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : tickets) {
    nlohmann::json item = {{"protocolo", t.protocol},
                           {"url", ticket_path(t.protocol)},
                           {"assunto", short_subject(t.subject)},
                           {"assunto_completo", t.subject},
                           {"situacao", status_text(ctx, t.status)},
                           {"aberto", status_is_open(t.status)},
                           {"registrado_em", local_when(ctx, t.created_at)}};
    if (f.organization_tab) {
      if (!names.count(t.requester_id)) {
        try {
          names[t.requester_id] = ctx.desk.directory().person(v.actor, t.requester_id).name;
        } catch (const DomainError& e) {
          if (e.kind() != DomainError::Kind::not_found) throw;
          names[t.requester_id] = "";
        }
      }
      item["solicitante"] = names[t.requester_id];
    }
    items.push_back(item);
  }
  const bool filtered = !f.text.empty() || !f.status.empty() || !f.period.empty();
  nlohmann::json view = {
      {"gestor", manager},
      {"aba_orgao", f.organization_tab},
      {"url_meus", "/minha-area"},
      {"url_orgao", "/minha-area?aba=orgao"},
      {"protocolo", f.protocol},
      {"q", f.text},
      {"situacoes", options(ctx, f.status,
                            {{"", "situacao_todos"},
                             {"abertos", "situacao_abertos"},
                             {"concluidos", "situacao_concluidos"}})},
      {"periodos", options(ctx, f.period,
                           {{"", "periodo_todos"},
                            {"7", "periodo_7"},
                            {"30", "periodo_30"},
                            {"90", "periodo_90"},
                            {"365", "periodo_365"}})},
      {"chamados", items},
      {"nenhum", items.empty() && error.empty()},
      {"buscou_protocolo", !f.protocol.empty()},
      {"filtrou", filtered || !f.protocol.empty()},
      {"url_limpar", f.organization_tab ? "/minha-area?aba=orgao" : "/minha-area"}};
  if (!error.empty()) view["erro_protocolo"] = error;
  if (!next.empty()) view["url_proxima"] = url_of(f, next);
  if (!f.cursor.empty()) view["url_primeira"] = url_of(f, "");
  view["paginacao"] = !next.empty() || !f.cursor.empty();
  return page(ctx, v, error.empty() ? 200 : 422, "minha_area", "portal.minha_area.titulo", view);
}

}  // namespace

void add_my_area_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/minha-area", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return my_area(ctx, r); });
                    }});
}

}  // namespace guiche::web
