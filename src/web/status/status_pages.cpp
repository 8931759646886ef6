// The public status page (/status), a notice's page, the Atom feeds and the
// Statuspage-shaped JSON (docs/domain.md, "Incident communication"). No
// sign-in: a signed-in person also sees the incidents scoped to their own
// organization. Pages work without JavaScript.
#include <map>

#include "app/incidents/status_page.hpp"
#include "web/message_paragraphs.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"
#include "web/status/status_feed.hpp"
#include "web/status/status_json.hpp"
#include "web/status/subscription_form.hpp"

namespace guiche::web {
namespace {

std::optional<Person> viewer_of(WebContext& ctx, const http::Request& r) {
  auto v = current_visitor(ctx, r);
  return v ? std::optional<Person>(v->actor.person) : std::nullopt;
}

std::string state_text(WebContext& ctx, NoticeState s) {
  return text(ctx, "status.estado." + std::string(notice_state_code(s)));
}

nlohmann::json notice_view(WebContext& ctx, const app::PublicNotice& n, bool with_updates) {
  std::string names;
  for (const auto& name : n.component_names) names += (names.empty() ? "" : ", ") + name;
  nlohmann::json view = {
      {"titulo", n.notice.title},
      {"url", "/status/comunicados/" + std::to_string(n.notice.id)},
      {"situacao", state_text(ctx, n.state)},
      {"classe", n.open ? "aberto" : "encerrado"},
      {"componentes", names},
      {"orgao", n.organization_name},
      {"restrito", !n.organization_name.empty()},
      {"manutencao", n.notice.kind == NoticeKind::maintenance},
      {"quando", n.updates.empty() ? "" : format_local(ctx, n.updates.front().at)}};
  if (n.notice.starts_at && n.notice.ends_at) {
    view["janela"] =
        format_local(ctx, *n.notice.starts_at) + " – " + format_local(ctx, *n.notice.ends_at);
  }
  if (with_updates) {
    nlohmann::json updates = nlohmann::json::array();
    for (const auto& u : n.updates) {
      updates.push_back({{"titulo", u.title},
                         {"paragrafos", message_paragraphs(u.text)},
                         {"quando", format_local(ctx, u.at)},
                         {"situacao", state_text(ctx, u.state)}});
    }
    view["atualizacoes"] = updates;
  }
  return view;
}

http::Response status_page(WebContext& ctx, const http::Request& r) {
  const auto v = current_visitor(ctx, r);
  const auto s = ctx.desk.status_page().summary(viewer_of(ctx, r));
  std::vector<std::string> order;
  std::map<std::string, nlohmann::json> groups;
  int worst = 0;
  for (const auto& c : s.components) {
    const int level = c.status == "major_outage"        ? 3
                      : c.status == "partial_outage"    ? 2
                      : c.status == "under_maintenance" ? 1
                                                        : 0;
    worst = std::max(worst, level);
    if (!groups.contains(c.component.group_name)) {
      order.push_back(c.component.group_name);
      groups[c.component.group_name] = nlohmann::json::array();
    }
    groups[c.component.group_name].push_back(
        {{"nome", c.component.name},
         {"descricao", c.component.description},
         {"situacao", text(ctx, "status.componente." + c.status)},
         {"classe", c.status},
         {"feed", "/status/componentes/" + std::to_string(c.component.id) + "/feed.atom"}});
  }
  nlohmann::json group_list = nlohmann::json::array();
  for (const auto& name : order) group_list.push_back({{"nome", name}, {"itens", groups[name]}});
  nlohmann::json open = nlohmann::json::array(), planned = nlohmann::json::array(),
                 past = nlohmann::json::array();
  for (const auto& n : s.incidents) (n.open ? open : past).push_back(notice_view(ctx, n, n.open));
  for (const auto& n : s.maintenances) {
    (n.open ? planned : past).push_back(notice_view(ctx, n, false));
  }
  static const char* levels[] = {"operational", "under_maintenance", "partial_outage",
                                 "major_outage"};
  nlohmann::json view = {{"indicador", text(ctx, std::string("status.geral.") + levels[worst])},
                         {"indicador_classe", levels[worst]},
                         {"grupos", group_list},
                         {"sem_componentes", group_list.empty()},
                         {"abertos", open},
                         {"tem_abertos", !open.empty()},
                         {"manutencoes", planned},
                         {"tem_manutencoes", !planned.empty()},
                         {"historico", past},
                         {"tem_historico", !past.empty()},
                         {"atualizado", format_local(ctx, s.updated_at)}};
  // The subscription form (web/status/status_subscription_pages.cpp answers it).
  const auto token = subscription_token(r);
  view["assinatura"] = subscription_form(ctx, token, nullptr, {});
  auto response = page(ctx, v, 200, "status", "status.titulo", view);
  set_subscription_cookie(ctx, response, token);
  return response;
}

http::Response notice_page(WebContext& ctx, const http::Request& r) {
  const auto v = current_visitor(ctx, r);
  std::int64_t id = 0;
  try {
    id = std::stoll(r.params.at("id"));
  } catch (const std::exception&) {
    throw not_found("Comunicado não encontrado.");
  }
  const auto n = ctx.desk.status_page().notice(viewer_of(ctx, r), id);
  return page(ctx, v, 200, "status_comunicado", n.notice.title, notice_view(ctx, n, true));
}

StatusJsonPage json_page(WebContext& ctx) {
  const auto& config = ctx.desk.config();
  return {config.agency_name, config.public_url + "/status", config.time_zone};
}

http::Response json_answer(const nlohmann::json& body) {
  http::Response response;
  response.content_type = "application/json";
  response.body = body.dump();
  response.headers.emplace_back("Cache-Control", "public, max-age=30");
  response.headers.emplace_back("Access-Control-Allow-Origin", "*");
  return response;
}

http::Response atom(WebContext& ctx, const http::Request& r,
                    std::optional<std::int64_t> component_id) {
  const auto& config = ctx.desk.config();
  StatusFeed feed;
  feed.title = text(ctx, "status.titulo") + " — " + config.agency_name;
  feed.page_url = config.public_url + "/status";
  feed.self_url = config.public_url + r.path;
  feed.time_zone = config.time_zone;
  http::Response response;
  response.content_type = "application/atom+xml; charset=utf-8";
  response.body = status_atom(feed, ctx.desk.status_page().feed(component_id, 50), ctx.desk.now());
  response.headers.emplace_back("Cache-Control", "public, max-age=60");
  return response;
}

}  // namespace

void add_status_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/status", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return status_page(ctx, r); });
                    }});
  routes.push_back({"GET", "/status/comunicados/:id", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return notice_page(ctx, r); });
                    }});
  routes.push_back({"GET", "/status/feed.atom", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return atom(ctx, r, std::nullopt); });
                    }});
  routes.push_back({"GET", "/status/componentes/:id/feed.atom", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        std::int64_t id = 0;
                        try {
                          id = std::stoll(r.params.at("id"));
                        } catch (const std::exception&) {
                          throw not_found("Componente não encontrado.");
                        }
                        return atom(ctx, r, id);
                      });
                    }});
  using Builder = nlohmann::json (*)(const StatusJsonPage&, const app::StatusSummary&);
  for (auto [path, build] :
       {std::pair<const char*, Builder>{"/status/api/v2/summary.json", &status_summary_json},
        {"/status/api/v2/status.json", &status_indicator_json},
        {"/status/api/v2/incidents.json", &status_incidents_json},
        {"/status/api/v2/scheduled-maintenances.json", &status_maintenances_json}}) {
    routes.push_back({"GET", path, [&ctx, build](const http::Request& r) {
                        return guarded_page(ctx, r, [&] {
                          // The JSON API has no sign-in: general notices only.
                          (void)r;
                          return json_answer(
                              build(json_page(ctx), ctx.desk.status_page().summary(std::nullopt)));
                        });
                      }});
  }
}

}  // namespace guiche::web
