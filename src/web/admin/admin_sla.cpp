// SLA configuration (/admin/sla): the impact × urgency → priority matrix, the
// severity bands, the policies and the selection rules, edited as tables and
// saved whole through the use case behind PUT /api/v1/sla/configuration
// (which validates it and recomputes every clock). Each error goes next to
// the cell it names. Above the form, the progress of the clocks' recompute
// the last change started (role=status), or how long the last one took.
#include "app/directory/directory.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_recompute.hpp"
#include "web/admin/admin_forms.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

std::string json_text(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "";
  return j.dump();
}

// The inputs of the SLA page for `config`, each table with one blank row
// more to add an item.
Fields fields_of(const sla::SlaConfiguration& config) {
  const auto j = sla::to_json(config);
  Fields f;
  f["alerta"] = json_text(j["warning_fraction"]);
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k)
      f["matriz-" + std::to_string(i) + "-" + std::to_string(k)] =
          std::to_string(config.priority_matrix[i][k]);
  const auto& ps = j["policies"];
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const auto p = "politica-" + std::to_string(i) + "-";
    f[p + "codigo"] = ps[i]["code"].get<std::string>();
    f[p + "rotulo"] = ps[i]["label"].get<std::string>();
    f[p + "primeira-unidade"] = ps[i]["first_response"]["unit"].get<std::string>();
    f[p + "primeira-qtd"] = json_text(ps[i]["first_response"]["amount"]);
    f[p + "solucao-unidade"] = ps[i]["resolution"]["unit"].get<std::string>();
    f[p + "solucao-qtd"] = json_text(ps[i]["resolution"]["amount"]);
    f[p + "pausa"] = ps[i]["pause_on_third_party"].get<bool>() ? "sim" : "";
    f[p + "calendario"] = ps[i]["calendar"].get<std::string>();
  }
  f["politicas"] = std::to_string(ps.size() + 1);
  for (std::size_t i = 0; i < config.severities.size(); ++i) {
    const auto& b = config.severities[i];
    const auto p = "faixa-" + std::to_string(i) + "-";
    f[p + "de"] = std::to_string(b.from_priority);
    f[p + "ate"] = std::to_string(b.to_priority);
    f[p + "nome"] = b.name;
    f[p + "politica"] = b.policy;
  }
  f["faixas"] = std::to_string(config.severities.size() + 1);
  for (std::size_t i = 0; i < config.rules.size(); ++i) {
    const auto& r = config.rules[i];
    const auto p = "regra-" + std::to_string(i) + "-";
    f[p + "servico"] = r.service_code.value_or("");
    f[p + "categoria"] = r.category ? std::string(category_code(*r.category)) : "";
    f[p + "severidade"] = r.severity.value_or("");
    f[p + "politica"] = r.policy;
  }
  f["regras"] = std::to_string(config.rules.size() + 1);
  return f;
}

std::size_t count_of(const Fields& f, const char* name) {
  auto it = f.find(name);
  if (it == f.end() || it->second.empty() || it->second.size() > 3 ||
      it->second.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  return std::min<std::size_t>(std::stoul(it->second), 200);
}

// 1234567 -> "1.234.567" (the separator is the language's).
std::string grouped(std::int64_t n, const std::string& separator) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

// "< 1 s", "42 s", "3 min 05 s", "2 h 07 min".
std::string sla_duration_text(std::chrono::milliseconds d) {
  const auto s = std::max<std::int64_t>(0, d.count() / 1000);
  auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  if (s == 0) return "< 1 s";
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min " + two(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + two(s % 3600 / 60) + " min";
}

std::string filled(std::string text, const std::vector<std::pair<std::string, std::string>>& vs) {
  for (const auto& [name, value] : vs) {
    const auto key = "{" + name + "}";
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  }
  return text;
}

// The notice of the recompute: running, or the last one finished; nothing if none ever ran.
nlohmann::json recompute_notice(WebContext& ctx, const Visitor& v) {
  const auto job = ctx.desk.sla_recompute().job(v.actor);
  if (!job) return nullptr;
  const auto t = [&](const std::string& key) { return text(ctx, "admin.sla." + key); };
  const auto sep = t("milhar");
  const auto tickets = [&](std::int64_t n) { return t(n == 1 ? "chamado" : "chamados"); };
  if (!job->finished_at) {
    return {{"classe", "info"},
            {"texto",
             filled(t("recalculando"), {{"motivo", job->reason},
                                        {"feitos", grouped(job->done, sep)},
                                        {"total", grouped(job->total, sep)},
                                        {"chamados", tickets(job->total)},
                                        {"pct", std::to_string(app::SlaRecompute::percent(*job))},
                                        {"inicio", format_local(ctx, job->started_at)}})}};
  }
  return {
      {"classe", "success"},
      {"texto",
       filled(t("recalculado"),
              {{"motivo", job->reason},
               {"feitos", grouped(job->done, sep)},
               {"chamados", tickets(job->done)},
               {"duracao", sla_duration_text(std::chrono::duration_cast<std::chrono::milliseconds>(
                               *job->finished_at - job->started_at))},
               {"fim", format_local(ctx, *job->finished_at)}})}};
}

http::Response sla_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                        const sla::SlaConfiguration& config, const Fields& f, const Errors& e,
                        int status) {
  const auto t = [&](const std::string& key) { return text(ctx, "admin.sla." + key); };
  const auto get = [&](const std::string& id) {
    auto it = f.find(id);
    return it == f.end() ? std::string() : it->second;
  };
  Options priorities;
  for (int p = 1; p <= 9; ++p) priorities.emplace_back(std::to_string(p), std::to_string(p));
  nlohmann::json matrix = nlohmann::json::array();
  for (int i = 0; i < 3; ++i) {
    nlohmann::json cells = nlohmann::json::array();
    for (int k = 0; k < 3; ++k) {
      const auto id = "matriz-" + std::to_string(i) + "-" + std::to_string(k);
      cells.push_back(hidden_label(select_input(id,
                                                t("impacto") + " " + std::to_string(i + 1) + ", " +
                                                    t("urgencia") + " " + std::to_string(k + 1),
                                                get(id), priorities, e)));
    }
    matrix.push_back({{"impacto", t("nivel_" + std::to_string(i + 1))}, {"celulas", cells}});
  }
  Options units;
  for (const char* u : {"business-hours", "business-days", "calendar-hours"})
    units.emplace_back(u, t(std::string("unidade_") + u));
  Options calendars = {{"desk", t("calendario_desk")},
                       {"organization", t("calendario_organization")}};
  Options policy_codes = {{"", t("escolha")}};
  for (const auto& p : config.policies) policy_codes.emplace_back(p.code, p.code);
  Options severity_names = {{"", t("qualquer")}};
  for (const auto& b : config.severities) severity_names.emplace_back(b.name, b.name);
  Options categories = {{"", t("qualquer")}};
  for (auto c : ctx.desk.directory().categories(v.actor))
    categories.emplace_back(category_code(c),
                            text(ctx, "admin.categoria." + std::string(category_code(c))));

  // One row of a table: its inputs, each labelled for screen readers with the row number.
  auto row =
      [&](const std::string& prefix, std::size_t i,
          const std::vector<std::function<nlohmann::json(const std::string&, const std::string&)>>&
              cells) {
        const auto p = prefix + "-" + std::to_string(i) + "-";
        const auto n = " (" + t("linha") + " " + std::to_string(i + 1) + ")";
        nlohmann::json out = nlohmann::json::array();
        for (const auto& cell : cells) out.push_back(hidden_label(cell(p, n)));
        return nlohmann::json{{"celulas", out}};
      };
  using Cell = std::function<nlohmann::json(const std::string&, const std::string&)>;
  auto input = [&](const char* suffix, const char* label, const char* type = "text") -> Cell {
    return [&, suffix, label, type](const std::string& p, const std::string& n) {
      return text_input(p + suffix, t(label) + n, get(p + suffix), e, type);
    };
  };
  auto choice = [&](const char* suffix, const char* label, const Options& options) -> Cell {
    return [&, suffix, label](const std::string& p, const std::string& n) {
      return select_input(p + suffix, t(label) + n, get(p + suffix), options, e);
    };
  };
  auto box = [&](const char* suffix, const char* label) -> Cell {
    return [&, suffix, label](const std::string& p, const std::string& n) {
      return check_input(p + suffix, t(label) + n, get(p + suffix) == "sim", e);
    };
  };
  nlohmann::json policies = nlohmann::json::array();
  for (std::size_t i = 0; i < count_of(f, "politicas"); ++i) {
    policies.push_back(row(
        "politica", i,
        {input("codigo", "codigo"), input("rotulo", "rotulo"),
         input("primeira-qtd", "primeira_qtd"),
         choice("primeira-unidade", "primeira_unidade", units), input("solucao-qtd", "solucao_qtd"),
         choice("solucao-unidade", "solucao_unidade", units), box("pausa", "pausa"),
         choice("calendario", "calendario", calendars), box("remover", "remover")}));
  }
  nlohmann::json bands = nlohmann::json::array();
  for (std::size_t i = 0; i < count_of(f, "faixas"); ++i) {
    bands.push_back(row("faixa", i,
                        {input("de", "de"), input("ate", "ate"), input("nome", "nome"),
                         choice("politica", "politica", policy_codes), box("remover", "remover")}));
  }
  nlohmann::json rules = nlohmann::json::array();
  for (std::size_t i = 0; i < count_of(f, "regras"); ++i) {
    rules.push_back(row("regra", i,
                        {input("servico", "servico"), choice("categoria", "categoria", categories),
                         choice("severidade", "severidade", severity_names),
                         choice("politica", "politica", policy_codes), box("remover", "remover")}));
  }
  nlohmann::json view = {
      {"alerta", with_hint(text_input("alerta", t("alerta"), get("alerta"), e), t("alerta_dica"))},
      {"matriz", matrix},
      {"politicas", policies},
      {"n_politicas", policies.size()},
      {"faixas", bands},
      {"n_faixas", bands.size()},
      {"regras", rules},
      {"n_regras", rules.size()},
      {"erros", error_summary(e)},
      {"recalculo", recompute_notice(ctx, v)}};
  return admin_page(ctx, v, r, status, "admin_sla", "admin.sla.titulo", view);
}

http::Response save_policies(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  const auto posted = sla_document_from(form.fields);
  try {
    ctx.desk.sla().update_sla_configuration(v.actor, posted.document);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return sla_page(ctx, v, r, ctx.desk.sla().sla_configuration(v.actor), form.fields,
                    field_errors(e, posted.input_of), 422);
  }
  return see_other("/admin/sla?salvo=1");
}

}  // namespace

void add_admin_sla(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/sla", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    const auto config = ctx.desk.sla().sla_configuration(v.actor);
    return sla_page(ctx, v, r, config, fields_of(config), {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/sla",
                  [&ctx](const http::Request& r) { return save_policies(ctx, r); });
}

}  // namespace guiche::web
