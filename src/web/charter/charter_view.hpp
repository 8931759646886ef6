#pragma once
// What the charter's faces (/carta, a service's page, /carta.json,
// /carta.csv) say of a service: the fields of Lei 13.460 art. 7 in the order
// of seed 003's charter, the derived maximum deadline, and the measured
// figures, from one place so every face says the same.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/charter/charter.hpp"
#include "web/web_context.hpp"

namespace guiche::web {

struct CharterField {
  std::string key;                 // "o_que_e", "prazo_maximo", ...
  std::string label;               // in the page's language
  std::string value;               // "Não informado" when the service says nothing
  std::vector<std::string> items;  // the stages, one each; empty for the other fields
};

// The art. 7 fields of `s`, in order. The deadline is the SLA configuration's
// (sla/charter_deadline.hpp) followed by the service's own text, if any.
std::vector<CharterField> charter_fields(WebContext& ctx, const app::CharterService& s);

// The deadline alone: "6 horas úteis" or the severity table as text.
std::string charter_deadline_text(const app::CharterService& s);

// The figures as texts of the page's language (volume, share in time, median,
// stars), each "—" when there is nothing to measure.
nlohmann::json figures_view(WebContext& ctx, const app::ServiceFigures& f);

// The fields as the templates show them (_carta_campos.mustache): label,
// paragraphs, stages.
nlohmann::json charter_fields_json(WebContext& ctx, const app::CharterService& s);

// The unit's header as _carta_cabecalho.mustache shows it.
nlohmann::json charter_header_json(WebContext& ctx);

// The severity table's lines of the service's deadline (none when single):
// gravidade, prioridades ("2–3"), prazo.
nlohmann::json charter_bands_json(const app::CharterService& s);
// Its popular names as one text ("VPN, Acesso de casa"); "" when it has none.
std::string popular_names_text(const Service& s);

// The service's own page.
std::string charter_service_path(const Service& s);

}  // namespace guiche::web
