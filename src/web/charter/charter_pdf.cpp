// The charter in PDF (/carta.pdf), without sign-in: a cover (the unit, the
// title, when it was generated and the address of the living version),
// "quem somos", an index, each public service on its own pages with every
// field of Lei 13.460 art. 7 in order, and the deadlines table; "Página X de
// Y" at the foot of each page (the template's @page rules). It is our own
// HTML (carta_pdf.mustache, styles inline) printed in the background through
// app::CharterPdf, which keeps it until what it shows changes: the
// fingerprint is taken from the same document rendered without the
// generation date and the measured figures. Until the PDF of the current
// catalog exists the answer is 503 with Retry-After: a page that reloads
// itself for browsers, problem+json for anything else.
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "api/problem.hpp"
#include "app/charter/charter.hpp"
#include "web/charter/charter_view.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

constexpr int kRetryAfterSeconds = 5;

// The Host header, if it can only be a host name or address with a port.
std::optional<std::string> plain_host(const http::Request& r) {
  auto host = r.header("host");
  if (!host || host->empty() || host->size() > 255) return std::nullopt;
  for (char c : *host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' &&
        c != '[' && c != ']')
      return std::nullopt;
  }
  return host;
}

// The living charter's absolute address: from `serve --public-url`, else the
// host the request came to.
std::string living_address(WebContext& ctx, const http::Request& r) {
  std::string base = ctx.public_url;
  if (base.empty()) {
    const auto host = plain_host(r);
    base = host ? "http://" + *host : ctx.desk.config().public_url;
  }
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/carta";
}

struct Document {
  nlohmann::json view;
  std::vector<app::CharterService> services;
};

// Everything but the generation date and the figures.
Document document(WebContext& ctx, const http::Request& r) {
  Document d;
  d.services = ctx.desk.charter().services();
  std::vector<std::string> order;
  std::map<std::string, nlohmann::json> groups;
  nlohmann::json services = nlohmann::json::array();
  // The severity table's lines of every service, once each, and the services
  // with one deadline for every ticket.
  std::set<std::tuple<int, std::string, std::string, std::string>> bands;
  nlohmann::json single = nlohmann::json::array();
  for (std::size_t i = 0; i < d.services.size(); ++i) {
    const auto& s = d.services[i];
    const auto anchor = "servico-" + std::to_string(i + 1);
    const auto unit = s.unit_name.empty() ? text(ctx, "carta.sem_unidade") : s.unit_name;
    if (!groups.contains(unit)) {
      order.push_back(unit);
      groups[unit] = nlohmann::json::array();
    }
    groups[unit].push_back(
        {{"nome", s.service.name}, {"codigo", s.service.code}, {"ancora", anchor}});
    const auto service_bands = charter_bands_json(s);
    services.push_back({{"ancora", anchor},
                        {"nome", s.service.name},
                        {"codigo", s.service.code},
                        {"nomes_populares", popular_names_text(s.service)},
                        {"tem_nomes_populares", !s.service.popular_names.empty()},
                        {"unidade", s.unit_name},
                        {"tem_unidade", !s.unit_name.empty()},
                        {"campos", charter_fields_json(ctx, s)},
                        {"faixas", service_bands},
                        {"tem_faixas", !service_bands.empty()}});
    for (std::size_t b = 0; b < s.deadline.bands.size(); ++b) {
      const auto& line = service_bands[b];
      bands.insert({s.deadline.bands[b].from_priority, line["gravidade"].get<std::string>(),
                    line["prioridades"].get<std::string>(), line["prazo"].get<std::string>()});
    }
    if (s.deadline.bands.empty()) {
      single.push_back({{"nome", s.service.name},
                        {"codigo", s.service.code},
                        {"prazo", charter_deadline_text(s)}});
    }
  }
  nlohmann::json group_list = nlohmann::json::array();
  for (const auto& name : order) group_list.push_back({{"nome", name}, {"itens", groups[name]}});
  nlohmann::json table = nlohmann::json::array();
  for (const auto& [from, severity, priorities, deadline] : bands) {
    table.push_back({{"gravidade", severity}, {"prioridades", priorities}, {"prazo", deadline}});
  }
  d.view = {{"t", ctx.texts.catalog(page_language())},
            {"cabecalho", charter_header_json(ctx)},
            {"endereco_vivo", living_address(ctx, r)},
            {"gerado_em", ""},
            {"grupos", group_list},
            {"servicos", services},
            {"prazos", table},
            {"tem_prazos", !table.empty()},
            {"prazos_unicos",
             single.empty() ? nlohmann::json(false) : nlohmann::json{{"itens", single}}}};
  return d;
}

std::string printed_html(WebContext& ctx, Document d) {
  d.view["gerado_em"] = format_local(ctx, ctx.desk.now());
  auto& services = d.view["servicos"];
  for (std::size_t i = 0; i < d.services.size(); ++i) {
    services[i]["numeros"] =
        figures_view(ctx, ctx.desk.charter().figures(d.services[i].service.id));
  }
  return ctx.templates.render("carta_pdf", d.view);
}

http::Response not_yet(WebContext& ctx, const http::Request& r, app::CharterPdf::State state) {
  const bool generating = state == app::CharterPdf::State::generating;
  const bool failed = state == app::CharterPdf::State::failed;
  const std::string key = generating ? "carta.pdf.gerando"
                          : failed   ? "carta.pdf.falhou"
                                     : "carta.pdf.indisponivel";
  const std::string title =
      generating ? "carta.pdf.gerando_titulo" : "carta.pdf.indisponivel_titulo";
  http::Response out;
  const auto accept = r.header("accept").value_or("");
  if (accept.find("text/html") != std::string::npos) {
    nlohmann::json view = {{"mensagem", text(ctx, key)},
                           {"tipo", generating ? "info" : "warning"},
                           {"tentar", !generating && failed}};
    if (generating) view["recarregar"] = kRetryAfterSeconds;
    out = page(ctx, current_visitor(ctx, r), 503, "carta_pdf_aguarde", title, view);
  } else {
    out = api::problem(503, text(ctx, title), text(ctx, key));
  }
  if (generating) out.headers.emplace_back("Retry-After", std::to_string(kRetryAfterSeconds));
  if (failed) {
    out.headers.emplace_back("Retry-After",
                             std::to_string(app::CharterPdf::kRetryAfterFailure.count()));
  }
  out.headers.emplace_back("Cache-Control", "no-store");
  return out;
}

http::Request without_language_cookie(const http::Request& r) {
  http::Request out = r;
  const auto it = out.headers.find("cookie");
  if (it == out.headers.end()) return out;
  std::string kept;
  std::size_t at = 0;
  while (at <= it->second.size()) {
    auto end = it->second.find(';', at);
    if (end == std::string::npos) end = it->second.size();
    auto pair = it->second.substr(at, end - at);
    pair.erase(0, pair.find_first_not_of(' '));
    if (!pair.empty() && pair.rfind(std::string(kLanguageCookie) + "=", 0) != 0)
      kept += (kept.empty() ? "" : "; ") + pair;
    at = end + 1;
  }
  it->second = kept;
  return out;
}

http::Response charter_pdf(WebContext& ctx, const http::Request& r) {
  auto& pdf = ctx.desk.charter().pdf();
  auto d = document(ctx, r);
  const auto content = ctx.templates.render("carta_pdf", d.view);
  const auto answer = pdf.get(content, [&] { return printed_html(ctx, std::move(d)); });
  if (answer.state != app::CharterPdf::State::ready) return not_yet(ctx, r, answer.state);
  const std::string etag = "\"" + answer.fingerprint + "\"";
  http::Response out;
  out.content_type = "application/pdf";
  out.body = *answer.pdf;
  out.headers.emplace_back("Content-Disposition", "inline; filename=\"carta-de-servicos.pdf\"");
  out.headers.emplace_back("ETag", etag);
  out.headers.emplace_back("Cache-Control", "no-cache");
  return out;
}

}  // namespace

void add_charter_pdf(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/carta.pdf", [&ctx](const http::Request& r) {
                      // In pt-BR whatever the visitor's language: one PDF for everyone.
                      const auto in_portuguese = without_language_cookie(r);
                      return guarded_page(ctx, in_portuguese,
                                          [&] { return charter_pdf(ctx, in_portuguese); });
                    }});
}

}  // namespace guiche::web
