#include "web/charter/charter_view.hpp"

#include <cmath>
#include <cstdio>

#include "domain/charter_month.hpp"
#include "web/decimal_comma.hpp"
#include "web/message_paragraphs.hpp"
#include "web/page.hpp"

namespace guiche::web {
namespace {

// The charter's window is in hora de Brasília (domain/charter_month.hpp),
// whatever the desk's time zone, so both ends are written in it.
std::string brasilia_text(Instant t, bool with_time) {
  using namespace std::chrono;
  const auto local = floor<minutes>(t + kCharterMonthOffset);
  const auto day = floor<days>(local);
  const hh_mm_ss clock{local - day};
  std::string out = format_date_br(year_month_day{day});
  if (!with_time) return out;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, " às %02d:%02d", static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()));
  return out + buffer;
}

std::string or_unknown(WebContext& ctx, const std::string& value) {
  return value.empty() ? text(ctx, "carta.nao_informado") : value;
}

// Wall time: "5 h", "3 dias".
std::string elapsed_text(WebContext& ctx, std::chrono::milliseconds ms) {
  const double hours = static_cast<double>(ms.count()) / 3'600'000.0;
  if (hours < 48) {
    return decimal_comma(hours, hours < 10 ? 1 : 0) + " " + text(ctx, "carta.numeros.horas");
  }
  return decimal_comma(hours / 24.0, 0) + " " + text(ctx, "carta.numeros.dias");
}

}  // namespace

std::string charter_deadline_text(const app::CharterService& s) {
  return sla::charter_deadline_text_pt(s.deadline);
}

std::vector<CharterField> charter_fields(WebContext& ctx, const app::CharterService& cs) {
  const auto& s = cs.service;
  auto field = [&](const char* key, const std::string& value) {
    return CharterField{
        key, text(ctx, std::string("carta.campos.") + key), or_unknown(ctx, value), {}};
  };
  std::vector<CharterField> out;
  out.push_back(field("o_que_e", s.description));
  out.push_back(field("quem_pode_utilizar", s.who_may_use));
  out.push_back(field("documentos_necessarios", s.required_documents));
  auto stages = field("etapas", "");
  stages.items = s.stages;
  if (!s.stages.empty()) {
    stages.value.clear();
    for (std::size_t i = 0; i < s.stages.size(); ++i) {
      stages.value += (i ? " | " : "") + std::to_string(i + 1) + ". " + s.stages[i];
    }
  }
  out.push_back(stages);
  out.push_back(field("custo", s.cost));
  std::string deadline = charter_deadline_text(cs);
  if (!s.max_deadline.empty()) deadline += ". " + s.max_deadline;
  out.push_back(field("prazo_maximo", deadline));
  out.push_back(field("canais_de_acesso", s.access_channels));
  out.push_back(field("canais_de_comunicacao", s.communication_channels));
  out.push_back(field("canais_de_manifestacao", s.complaint_channels));
  out.push_back(field("compromisso", s.commitment));
  return out;
}

nlohmann::json figures_view(WebContext& ctx, const app::ServiceFigures& f) {
  const std::string none = "—";
  return {{"volume", f.registered},
          {"resolvidos", f.resolved},
          {"no_prazo", f.in_time_share ? decimal_comma(*f.in_time_share * 100.0, 0) + " %" : none},
          {"mediana", f.median_resolution ? elapsed_text(ctx, *f.median_resolution) : none},
          {"satisfacao", f.mean_rating ? decimal_comma(*f.mean_rating, 1) : none},
          {"avaliacoes", f.ratings},
          {"desde", brasilia_text(f.since, false)},
          {"ate", brasilia_text(f.until, true)}};
}

nlohmann::json charter_fields_json(WebContext& ctx, const app::CharterService& s) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : charter_fields(ctx, s)) {
    out.push_back(
        {{"chave", f.key},
         {"rotulo", f.label},
         {"paragrafos", f.items.empty() ? message_paragraphs(f.value) : nlohmann::json::array()},
         {"etapas", f.items},
         {"tem_etapas", !f.items.empty()}});
  }
  return out;
}

nlohmann::json charter_header_json(WebContext& ctx) {
  const auto h = ctx.desk.charter().header();
  return {{"unidade", h.unit_name},
          {"quem_somos", message_paragraphs(h.who_we_are)},
          {"contatos", message_paragraphs(h.contacts)},
          {"tem_contatos", !h.contacts.empty()},
          {"endereco", h.address},
          {"tem_endereco", !h.address.empty()},
          {"site", h.website},
          {"tem_site", !h.website.empty()}};
}

nlohmann::json charter_bands_json(const app::CharterService& s) {
  nlohmann::json bands = nlohmann::json::array();
  for (const auto& b : s.deadline.bands) {
    bands.push_back({{"gravidade", b.severity},
                     {"prioridades",
                      b.from_priority == b.to_priority
                          ? std::to_string(b.from_priority)
                          : std::to_string(b.from_priority) + "–" + std::to_string(b.to_priority)},
                     {"prazo", sla::duration_text_pt(b.resolution)}});
  }
  return bands;
}

std::string popular_names_text(const Service& s) {
  std::string out;
  for (const auto& name : s.popular_names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string charter_service_path(const Service& s) {
  return "/carta/servicos/" + url_encode(s.code);
}

}  // namespace guiche::web
