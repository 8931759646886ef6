// The agent's queues (/atendimento): my unit, assigned to me, unassigned, at
// risk and breached, sorted by deadline; filters are GET parameters (work
// without JavaScript) and the table reloads itself as a fragment
// (/atendimento/tabela) when htmx asks, or when the live stream says a
// ticket the agent can see changed.
#include <algorithm>
#include <map>
#include <set>

#include "app/answers/answer_scope.hpp"
#include "app/directory/directory.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_following.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "web/agent/agent_bulk_view.hpp"
#include "web/agent/agent_common.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

const std::vector<std::string> kQueues = {"minha-unidade", "atribuidos", "sem-responsavel",
                                          "em-risco", "vencidos"};

// The units the agent works in, in grant order, without repeats.
std::vector<std::int64_t> own_units(const Person& p) {
  std::vector<std::int64_t> out;
  for (const auto& g : p.roles) {
    if (g.unit_id && std::find(out.begin(), out.end(), *g.unit_id) == out.end()) {
      out.push_back(*g.unit_id);
    }
  }
  return out;
}

struct QueueQuery {
  std::string queue = "minha-unidade";
  std::optional<std::int64_t> unit;
  std::string status;
  std::string text;
  std::string cursor;
};

QueueQuery read_query(const http::Request& r, const Person& me) {
  QueueQuery q;
  auto queue = r.query_value("fila").value_or("");
  if (std::find(kQueues.begin(), kQueues.end(), queue) != kQueues.end()) q.queue = queue;
  const auto units = own_units(me);
  const auto unit = r.query_value("unidade").value_or("");
  for (auto u : units) {
    if (std::to_string(u) == unit) q.unit = u;
  }
  if (!q.unit && !units.empty()) q.unit = units.front();
  q.status = r.query_value("situacao").value_or("");
  q.text = r.query_value("q").value_or("");
  q.cursor = r.query_value("apos").value_or("");
  return q;
}

// A tab's count is read up to this bound and shown as "50+" past it.
constexpr int kTabCountShown = 50;

// The units a queue of `unit` covers for `me`: the unit itself and those
// below it where `me` works (a unit manager's whole subtree, as the other
// tabs list it; an analyst's own unit).
std::vector<std::int64_t> units_covered(const Person& me, std::int64_t unit,
                                        const std::vector<Unit>& all) {
  std::vector<std::int64_t> out = {unit};
  bool manages = false;
  for (auto managed : me.units_with(Role::unit_manager)) {
    manages = manages || unit_is_within(all, unit, managed);
  }
  if (!manages) return out;
  for (const auto& u : all) {
    if (u.id != unit && unit_is_within(all, u.id, unit)) out.push_back(u.id);
  }
  return out;
}

store::TicketFilter filter_of(const QueueQuery& q, const Person& me, const std::vector<Unit>& all) {
  store::TicketFilter f;
  f.order = store::TicketOrder::deadline_first;
  f.text = q.text;
  f.cursor = q.cursor;
  if (auto s = parse_status(q.status)) {
    f.statuses = {*s};
  } else {
    for (auto s : {Status::new_, Status::triage, Status::assigned, Status::in_progress,
                   Status::pending_requester, Status::pending_third_party, Status::reopened}) {
      f.statuses.push_back(s);
    }
  }
  // A person without a unit (an admin) sees under "Minha unidade" all they may see.
  if (q.queue == "minha-unidade" && q.unit) f.unit_ids = units_covered(me, *q.unit, all);
  if (q.queue == "atribuidos") f.assignee_id = me.id;
  if (q.queue == "sem-responsavel") f.unassigned_only = true;
  if (q.queue == "em-risco") f.deadline = store::DeadlineState::at_risk;
  if (q.queue == "vencidos") f.deadline = store::DeadlineState::breached;
  return f;
}

std::string query_string(const QueueQuery& q, const std::string& queue,
                         const std::string& cursor = "") {
  std::string s = "?fila=" + url_encode(queue);
  if (q.unit) s += "&unidade=" + std::to_string(*q.unit);
  if (!q.status.empty()) s += "&situacao=" + url_encode(q.status);
  if (!q.text.empty()) s += "&q=" + url_encode(q.text);
  if (!cursor.empty()) s += "&apos=" + url_encode(cursor);
  return s;
}

// "Média" for priority 4, from the SLA configuration's severity bands.
std::string severity_name(const sla::SlaConfiguration& config, int priority) {
  for (const auto& band : config.severities) {
    if (priority >= band.from_priority && priority <= band.to_priority) return band.name;
  }
  return "";
}

nlohmann::json table_view(WebContext& ctx, const Visitor& v, const QueueQuery& q,
                          const std::vector<Unit>& units) {
  const auto page = ctx.desk.tickets().list_tickets(v.actor, filter_of(q, v.actor.person, units));
  const auto config = ctx.desk.sla().sla_configuration(v.actor);
  std::map<std::int64_t, std::string> unit_names;
  for (const auto& u : units) unit_names[u.id] = u.code;
  // The unit column only where the page's tickets lie in more than one unit.
  std::set<std::int64_t> units_listed;
  for (const auto& t : page.tickets) units_listed.insert(t.unit_id.value_or(0));
  const Instant now = ctx.desk.now();
  // The requesters' names in one read, not one per row.
  std::vector<std::int64_t> requesters;
  for (const auto& t : page.tickets) requesters.push_back(t.requester_id);
  const auto names = ctx.desk.directory().person_names(v.actor, requesters);
  auto name_of = [&](std::int64_t id) {
    const auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
  };
  nlohmann::json rows = nlohmann::json::array();
  // The page's clocks in one read, not one per row.
  const auto standings = ctx.desk.tickets().deadline_standings(v.actor, page.tickets);
  const auto replied = ctx.desk.tickets().requester_wrote_since_seen(v.actor, page.tickets);
  for (std::size_t i = 0; i < page.tickets.size(); ++i) {
    const auto& t = page.tickets[i];
    const auto& standing = standings[i];
    std::string remaining = text(ctx, "agente.sem_prazo");
    if (standing.paused) {
      remaining = text(ctx, "agente.pausado");
    } else if (standing.has_deadline) {
      remaining = remaining_text(ctx, standing.deadline, standing.left, now);
    }
    const bool overdue = standing.overdue;
    const bool paused = standing.paused;
    rows.push_back({{"id", std::to_string(t.id)},
                    {"rotulo_selecao", fill(text(ctx, "respostas.selecionar_chamado"), t.protocol)},
                    {"protocolo", t.protocol},
                    {"url", agent_ticket_url(t.protocol)},
                    {"assunto", short_subject(t.subject)},
                    {"assunto_completo", t.subject},
                    {"solicitante", name_of(t.requester_id)},
                    {"situacao", agent_status_text(ctx, t)},
                    {"prioridade", t.priority},
                    {"gravidade", severity_name(config, t.priority)},
                    {"nova_resposta", static_cast<bool>(replied[i])},
                    {"unidade", t.unit_id ? unit_names[*t.unit_id] : ""},
                    {"restante", remaining},
                    {"vencido", overdue},
                    {"pausado", paused}});
  }
  nlohmann::json view = {
      {"linhas", rows}, {"vazia", rows.empty()}, {"coluna_unidade", units_listed.size() > 1}};
  if (!page.next_cursor.empty()) {
    view["proxima"] = "/atendimento" + query_string(q, q.queue, page.next_cursor);
  }
  return view;
}

nlohmann::json page_view(WebContext& ctx, const Visitor& v, const QueueQuery& q,
                         const std::vector<Unit>& all) {
  nlohmann::json tabs = nlohmann::json::array();
  for (const auto& queue : kQueues) {
    // Each tab's count, with the filters of the page, bounded: "50+".
    QueueQuery of_tab = q;
    of_tab.queue = queue;
    of_tab.cursor.clear();
    const auto n = ctx.desk.tickets().count_tickets_up_to(
        v.actor, filter_of(of_tab, v.actor.person, all), kTabCountShown + 1);
    tabs.push_back({{"nome", text(ctx, "agente.fila_" + queue)},
                    {"url", "/atendimento" + query_string(q, queue)},
                    {"contagem",
                     n > kTabCountShown ? std::to_string(kTabCountShown) + "+" : std::to_string(n)},
                    {"atual", queue == q.queue}});
  }
  nlohmann::json units = nlohmann::json::array();
  const auto mine = own_units(v.actor.person);
  for (const auto& u : all) {
    if (std::find(mine.begin(), mine.end(), u.id) == mine.end()) continue;
    units.push_back({{"id", std::to_string(u.id)},
                     {"nome", u.code + " — " + u.name},
                     {"marcada", q.unit == u.id}});
  }
  nlohmann::json statuses = nlohmann::json::array();
  for (auto s : {Status::new_, Status::triage, Status::assigned, Status::in_progress,
                 Status::pending_requester, Status::pending_third_party, Status::reopened}) {
    const std::string code(status_code(s));
    statuses.push_back(
        {{"codigo", code}, {"nome", status_text(ctx, s)}, {"marcada", code == q.status}});
  }
  nlohmann::json view = table_view(ctx, v, q, all);
  view["abas"] = tabs;
  view["fila"] = q.queue;
  view["fila_nome"] = text(ctx, "agente.fila_" + q.queue);
  view["unidades"] = units;
  view["varias_unidades"] = units.size() > 1;
  view["situacoes"] = statuses;
  view["q"] = q.text;
  view["tabela_url"] = "/atendimento/tabela" + query_string(q, q.queue);
  view["pode_registrar"] = v.actor.person.has_role(Role::attendant);
  view["pode_quarentena"] = ctx.desk.mail().may_work_mail_quarantine(v.actor);
  // Unread notifications, bounded like the tabs' counts ("50+").
  if (const int unread = ctx.desk.following().unread(v.actor, 51)) {
    view["notificacoes_nao_lidas"] = unread > 50 ? "50+" : std::to_string(unread);
  }
  // Bulk actions (issue 19, item 4): the bar whose form the rows' checkboxes belong to.
  view["lote"] = bulk_bar_view(ctx, v, "/atendimento" + query_string(q, q.queue));
  view["pode_manter_respostas"] = app::keeps_any_answers(v.actor.person);
  return view;
}

}  // namespace

void add_agent_queue_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/atendimento", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_agent(ctx, r);
                        const auto q = read_query(r, v.actor.person);
                        return page(ctx, v, 200, "agente_fila", "agente.fila_titulo",
                                    page_view(ctx, v, q, ctx.desk.directory().units(v.actor)));
                      });
                    }});
  // The table alone, for htmx (filters and live refresh).
  routes.push_back({"GET", "/atendimento/tabela", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_agent(ctx, r);
                        const auto q = read_query(r, v.actor.person);
                        return fragment(ctx, v, 200, "_agente_tabela",
                                        table_view(ctx, v, q, ctx.desk.directory().units(v.actor)));
                      });
                    }});
}

}  // namespace guiche::web
