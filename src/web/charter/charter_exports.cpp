// The charter as data: /carta.json and /carta.csv, every public, active
// service with every field of Lei 13.460 art. 7. The JSON names its fields
// as the federal services catalog (Portal gov.br) does where it has one —
// nome, sigla, nomesPopulares, descricao, solicitantes, etapas,
// tempoTotalEstimado, orgao —
// and in plain Portuguese, the same style, where it has none
// (canaisDeComunicacao, canaisDeManifestacao, compromissoDeAtendimento,
// resultados). The CSV is UTF-8, one row per service, with a header row.
#include "app/charter/charter.hpp"
#include "web/charter/charter_view.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

// What `desde` and `ate` mean (app/charter/charter.hpp).
constexpr const char* kFiguresWindow =
    "os 12 meses completos anteriores ao mês atual e o mês atual até agora, em horário de "
    "Brasília (UTC−3)";

nlohmann::json service_json(WebContext& ctx, const app::CharterService& s) {
  const auto& sv = s.service;
  nlohmann::json stages = nlohmann::json::array();
  for (std::size_t i = 0; i < sv.stages.size(); ++i) {
    stages.push_back({{"titulo", "Etapa " + std::to_string(i + 1)}, {"descricao", sv.stages[i]}});
  }
  nlohmann::json deadline = {{"descricao", charter_deadline_text(s)},
                             {"complemento", sv.max_deadline},
                             {"aCombinar", s.deadline.agreed}};
  if (s.deadline.single) {
    deadline["max"] = s.deadline.single->amount;
    deadline["unidade"] = sla::unit_code(s.deadline.single->unit);
  }
  nlohmann::json bands = nlohmann::json::array();
  for (const auto& b : s.deadline.bands) {
    bands.push_back({{"gravidade", b.severity},
                     {"prioridadeDe", b.from_priority},
                     {"prioridadeAte", b.to_priority},
                     {"max", b.resolution.amount},
                     {"unidade", sla::unit_code(b.resolution.unit)}});
  }
  deadline["porGravidade"] = bands;
  const auto f = ctx.desk.charter().figures(sv.id);
  nlohmann::json results = {{"desde", to_millis(f.since)}, {"ate", to_millis(f.until)},
                            {"janela", kFiguresWindow},    {"volume", f.registered},
                            {"resolvidos", f.resolved},    {"avaliacoes", f.ratings}};
  results["percentualNoPrazo"] =
      f.in_time_share ? nlohmann::json(*f.in_time_share * 100.0) : nlohmann::json(nullptr);
  results["medianaResolucaoHoras"] =
      f.median_resolution
          ? nlohmann::json(static_cast<double>(f.median_resolution->count()) / 3'600'000.0)
          : nlohmann::json(nullptr);
  results["mediaEstrelas"] =
      f.mean_rating ? nlohmann::json(*f.mean_rating) : nlohmann::json(nullptr);
  return {
      {"sigla", sv.code},
      {"nome", sv.name},
      {"nomesPopulares", sv.popular_names},
      {"descricao", sv.description},
      {"solicitantes", nlohmann::json::array({{{"tipo", std::string(audience_code(sv.audience))},
                                               {"requisitos", sv.who_may_use}}})},
      {"documentosNecessarios", sv.required_documents},
      {"etapas", stages},
      {"custo", sv.cost},
      {"gratuito", sv.cost.empty() ? nlohmann::json(nullptr) : nlohmann::json(false)},
      {"tempoTotalEstimado", deadline},
      {"canaisDeAcesso", sv.access_channels},
      {"canaisDeComunicacao", sv.communication_channels},
      {"canaisDeManifestacao", sv.complaint_channels},
      {"compromissoDeAtendimento", sv.commitment},
      {"orgao", {{"nomeOrgao", s.unit_name}}},
      {"url", charter_service_path(sv)},
      {"resultados", results}};
}

http::Response charter_json(WebContext& ctx) {
  const auto h = ctx.desk.charter().header();
  nlohmann::json services = nlohmann::json::array();
  for (const auto& s : ctx.desk.charter().services()) services.push_back(service_json(ctx, s));
  nlohmann::json body = {{"unidade",
                          {{"nome", h.unit_name},
                           {"quemSomos", h.who_we_are},
                           {"contatos", h.contacts},
                           {"endereco", h.address},
                           {"site", h.website}}},
                         {"geradoEm", to_millis(ctx.desk.now())},
                         {"servicos", services}};
  http::Response out;
  out.content_type = "application/json; charset=utf-8";
  out.body = body.dump(2);
  return out;
}

// RFC 4180: quoted when it holds a comma, quote or line break.
std::string csv_cell(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

http::Response charter_csv(WebContext& ctx) {
  const auto services = ctx.desk.charter().services();
  std::string body;
  auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) body += (i ? "," : "") + csv_cell(cells[i]);
    body += "\r\n";
  };
  std::vector<std::string> head = {"codigo", "nome", "nomes_populares", "unidade"};
  if (!services.empty()) {
    for (const auto& f : charter_fields(ctx, services.front())) head.push_back(f.key);
  } else {
    for (const char* k : {"o_que_e", "quem_pode_utilizar", "documentos_necessarios", "etapas",
                          "custo", "prazo_maximo", "canais_de_acesso", "canais_de_comunicacao",
                          "canais_de_manifestacao", "compromisso"})
      head.push_back(k);
  }
  row(head);
  for (const auto& s : services) {
    std::vector<std::string> cells = {s.service.code, s.service.name, popular_names_text(s.service),
                                      s.unit_name};
    for (const auto& f : charter_fields(ctx, s)) cells.push_back(f.value);
    row(cells);
  }
  http::Response out;
  out.content_type = "text/csv; charset=utf-8";
  out.body = body;
  out.headers.push_back({"Content-Disposition", "inline; filename=\"carta-de-servicos.csv\""});
  return out;
}

}  // namespace

void add_charter_exports(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/carta.json", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return charter_json(ctx); });
                    }});
  routes.push_back({"GET", "/carta.csv", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return charter_csv(ctx); });
                    }});
}

}  // namespace guiche::web
