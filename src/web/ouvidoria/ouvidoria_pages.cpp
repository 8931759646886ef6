// The ouvidoria's pages (Role::ombudsman; app/manifestations/): the queue
// (/ouvidoria: the running ones by due date with their deadline warnings,
// or every one newest first), one manifestação with its actions (ask for a
// complement, extend, answer, archive, link a ticket; PRG), and the same
// page read-only for staff who reach it from a linked ticket — without the
// identity of a confidential author.
#include "app/manifestations/manifestations.hpp"
#include "web/access_reads.hpp"
#include "web/admin/admin_page.hpp"
#include "web/ouvidoria/manifestation_view.hpp"
#include "web/page_routes.hpp"
#include "web/record_id.hpp"

namespace guiche::web {
namespace {

constexpr int kPage = 50;

http::Response queue_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  auto& m = ctx.desk.manifestations();
  const bool all = r.query_value("todas").has_value();
  std::vector<app::ManifestationView> items;
  std::string more;
  if (all) {
    std::optional<std::int64_t> before;
    if (const auto b = r.query_value("antes")) before = record_id(*b);
    items = m.recent(v.actor, kPage + 1, before);
    if (items.size() > kPage) {
      items.pop_back();
      more = "/ouvidoria?todas=1&antes=" + std::to_string(items.back().manifestation.id);
    }
  } else {
    std::optional<store::QueueCursor> after;
    const auto due = r.query_value("apos_prazo");
    const auto id = r.query_value("apos_id");
    if (due && id && parse_date(*due)) after = store::QueueCursor{*due, record_id(*id).value_or(0)};
    items = m.queue(v.actor, kPage + 1, after);
    if (items.size() > kPage) {
      items.pop_back();
      const auto& last = items.back().manifestation;
      more = "/ouvidoria?apos_prazo=" + format_date(last.due_on) +
             "&apos_id=" + std::to_string(last.id);
    }
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& item : items) rows.push_back(manifestation_view(ctx, item));
  nlohmann::json view = {{"todas", all},
                         {"itens", rows},
                         {"tem_itens", !rows.empty()},
                         {"mais", more},
                         {"tem_mais", !more.empty()}};
  return page(ctx, v, 200, "ouvidoria_fila", "ouvidoria.fila.titulo", view);
}

http::Response detail_page(WebContext& ctx, const Visitor& v, std::int64_t id, int status,
                           const Errors& errors, const Form* sent, bool done) {
  const auto found = ctx.desk.manifestations().read(v.actor, id);
  // The author's identity shown is a read of their personal data (LGPD art. 37).
  const auto& shown = found.manifestation;
  if (shown.identity_shown && shown.manifestant.person_id) {
    note_page_read(ctx, v, *shown.manifestant.person_id, "manifestation", shown.id);
  }
  auto value = [&](const char* name) { return sent ? sent->value(name) : std::string(); };
  auto t = [&](const std::string& key) { return text(ctx, "ouvidoria.acoes." + key); };
  nlohmann::json view = {
      {"manifestacao", manifestation_view(ctx, found)},
      {"erros", error_summary(errors)},
      {"feito", done},
      {"campo_pergunta", text_area("pergunta", t("pergunta"), value("pergunta"), errors, true)},
      {"campo_motivo", text_area("motivo", t("motivo"), value("motivo"), errors, true)},
      {"campo_resposta", text_area("resposta", t("resposta"), value("resposta"), errors, true)},
      {"campo_chamado",
       text_input("chamado", t("protocolo_chamado"), value("chamado"), errors, "text", true)}};
  return page(ctx, v, status, "ouvidoria_manifestacao", found.manifestation.protocol, view);
}

const std::map<std::string, std::string> kOuvidoriaFields = {
    {"text", "_acao"}, {"reason", "motivo"}, {"protocol", "chamado"}};

http::Response act(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto id = number_param(r, "id");
  const Form f = read_form(r);
  check_csrf(v, f);
  const auto action = r.params.at("acao");
  auto& m = ctx.desk.manifestations();
  // Each form's text field, named so its error lands next to it.
  std::string field;
  try {
    if (action == "complemento") {
      field = "pergunta";
      m.request_complement(v.actor, id, f.value("pergunta"));
    } else if (action == "prorrogacao") {
      field = "motivo";
      m.extend(v.actor, id, f.value("motivo"));
    } else if (action == "resposta") {
      field = "resposta";
      m.answer(v.actor, id, f.value("resposta"));
    } else if (action == "arquivamento") {
      m.archive(v.actor, id);
    } else if (action == "chamado") {
      field = "chamado";
      m.link_ticket(v.actor, id, f.value("chamado"));
    } else {
      throw not_found("Página não encontrada.");
    }
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation && e.kind() != DomainError::Kind::conflict) {
      throw;
    }
    Errors errors;
    if (e.fields().empty() || field.empty()) {
      errors["_geral"] = e.what();
    } else {
      for (const auto& fe : e.fields()) errors[field] = fe.message;
    }
    return detail_page(ctx, v, id, e.kind() == DomainError::Kind::conflict ? 409 : 422, errors, &f,
                       false);
  }
  return see_other("/ouvidoria/manifestacoes/" + std::to_string(id) + "?feito=1");
}

}  // namespace

void add_ouvidoria_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/ouvidoria", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return queue_page(ctx, r); });
                    }});
  routes.push_back({"GET", "/ouvidoria/manifestacoes/:id", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_visitor(ctx, r);
                        return detail_page(ctx, v, number_param(r, "id"), 200, {}, nullptr,
                                           r.query_value("feito").has_value());
                      });
                    }});
  routes.push_back({"POST", "/ouvidoria/manifestacoes/:id/:acao", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return act(ctx, r); });
                    }});
}

}  // namespace guiche::web
