// Manifestações for anyone, no sign-in needed (app/manifestations/): the
// form (/manifestacoes/nova, also ?servico=CODE from the charter), the
// receipt with the protocol and the follow-up code shown once, and the
// tracking page (/manifestacoes/acompanhar) where the author reads the
// history and the answer and sends the complement asked for. The protocol
// and code travel only in POST bodies, never in URLs. No JavaScript.
#include "app/charter/charter.hpp"
#include "app/manifestations/manifestations.hpp"
#include "web/admin/admin_page.hpp"
#include "web/anonymous_form_token.hpp"
#include "web/ouvidoria/manifestation_view.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

constexpr const char* kCookie = "guiche_manifestacao";
constexpr const char* kPath = "/manifestacoes";

const std::map<std::string, std::string> kManifestationFields = {
    {"kind", "tipo"},
    {"service_code", "servico"},
    {"subject", "assunto"},
    {"description", "relato"},
    {"identification", "identificacao"},
    {"name", "nome"},
    {"email", "email"},
    {"phone", "telefone"},
    {"cpf", "cpf"},
    {"answer_channel", "canal"},
    {"text", "complemento"}};

std::string t(WebContext& ctx, const std::string& key) {
  return text(ctx, "ouvidoria." + key);
}

http::Response with_cookie(WebContext& ctx, http::Response response, const std::string& token) {
  set_anonymous_form_cookie(ctx, response, kCookie, kPath, token);
  return response;
}

nlohmann::json form_fields(WebContext& ctx, const Form& f, const Errors& e) {
  std::vector<std::pair<std::string, std::string>> kinds = {{"", ""}};
  for (const char* k : {"complaint", "report", "praise", "suggestion", "request_for_action"}) {
    kinds.emplace_back(k, t(ctx, std::string("tipos.") + k));
  }
  std::vector<std::pair<std::string, std::string>> services = {{"", t(ctx, "nova.servico_geral")}};
  for (const auto& s : ctx.desk.charter().services()) {
    services.emplace_back(s.service.code, s.service.name);
  }
  std::vector<std::pair<std::string, std::string>> identifications;
  for (const char* i : {"identified", "confidential", "anonymous"}) {
    identifications.emplace_back(i, t(ctx, std::string("identificacoes.") + i));
  }
  const std::vector<std::pair<std::string, std::string>> channels = {
      {"email", t(ctx, "nova.canal_email")}, {"tracking", t(ctx, "nova.canal_consulta")}};
  return nlohmann::json::array(
      {select_input("tipo", t(ctx, "nova.tipo"), f.value("tipo"), kinds, e, true),
       select_input("servico", t(ctx, "nova.servico"), f.value("servico"), services, e),
       text_input("assunto", t(ctx, "nova.assunto"), f.value("assunto"), e, "text", true),
       with_hint(text_area("relato", t(ctx, "nova.relato"), f.value("relato"), e, true),
                 t(ctx, "nova.relato_dica")),
       with_hint(select_input("identificacao", t(ctx, "nova.identificacao"),
                              f.value("identificacao"), identifications, e, true),
                 t(ctx, "nova.identificacao_dica")),
       text_input("nome", t(ctx, "nova.nome"), f.value("nome"), e),
       text_input("email", t(ctx, "nova.email"), f.value("email"), e, "email"),
       text_input("telefone", t(ctx, "nova.telefone"), f.value("telefone"), e, "tel"),
       text_input("cpf", t(ctx, "nova.cpf"), f.value("cpf"), e),
       select_input("canal", t(ctx, "nova.canal"), f.value("canal"), channels, e)});
}

http::Response form_page(WebContext& ctx, const http::Request& r, int status, const Form& sent,
                         const Errors& errors) {
  const auto token = anonymous_form_token(r, kCookie);
  nlohmann::json view = {{"csrf", token},
                         {"campos", form_fields(ctx, sent, errors)},
                         {"erros", error_summary(errors)},
                         {"dias", ctx.desk.manifestations().settings().answer_days}};
  return with_cookie(ctx,
                     page(ctx, current_visitor(ctx, r), status, "manifestacao_nova",
                          "ouvidoria.nova.titulo", view),
                     token);
}

http::Response new_form(WebContext& ctx, const http::Request& r) {
  Form f;
  f.fields["servico"] = r.query_value("servico").value_or("");
  f.fields["identificacao"] = "identified";
  if (const auto v = current_visitor(ctx, r)) {
    f.fields["nome"] = v->actor.person.name;
    if (!v->actor.person.emails.empty()) f.fields["email"] = v->actor.person.emails.front();
  }
  return form_page(ctx, r, 200, f, {});
}

http::Response submit(WebContext& ctx, const http::Request& r) {
  const Form f = read_form(r);
  if (!anonymous_form_ok(r, f, kCookie)) {
    return form_page(ctx, r, 403, f, {{"_geral", t(ctx, "nova.expirou")}});
  }
  app::ManifestationForm m;
  m.kind = f.value("tipo");
  m.service_code = f.value("servico");
  m.subject = f.value("assunto");
  m.description = f.value("relato");
  m.identification = f.value("identificacao");
  m.name = f.value("nome");
  m.email = f.value("email");
  m.phone = f.value("telefone");
  m.cpf = f.value("cpf");
  m.answer_channel = f.value("canal");
  if (m.identification == "anonymous") m.answer_channel = "tracking";
  const auto v = current_visitor(ctx, r);
  try {
    const auto got = ctx.desk.manifestations().register_manifestation(
        v ? std::optional(v->actor) : std::nullopt, m);
    const auto& x = got.manifestation;
    nlohmann::json view = {{"protocolo", x.protocol},
                           {"codigo", got.tracking_code},
                           {"prazo", date_br(x.due_on)},
                           {"por_email", x.answer_channel == AnswerChannel::email}};
    return page(ctx, v, 201, "manifestacao_registrada", "ouvidoria.registrada.titulo", view);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return form_page(ctx, r, 422, f, field_errors(e, kManifestationFields));
  }
}

http::Response tracking_page(WebContext& ctx, const http::Request& r, int status, const Form& sent,
                             const std::string& error,
                             const std::optional<app::ManifestationView>& found,
                             const Errors& complement_errors = {}, bool complemented = false) {
  const auto token = anonymous_form_token(r, kCookie);
  nlohmann::json view = {
      {"csrf", token}, {"protocolo", sent.value("protocolo")}, {"codigo", sent.value("codigo")},
      {"erro", error}, {"tem_erro", !error.empty()},           {"complementada", complemented}};
  if (found) {
    view["manifestacao"] = manifestation_view(ctx, *found);
    view["campo_complemento"] = text_area("complemento", t(ctx, "consulta.complemento"),
                                          sent.value("complemento"), complement_errors, true);
  }
  return with_cookie(ctx,
                     page(ctx, current_visitor(ctx, r), status, "manifestacao_acompanhar",
                          "ouvidoria.acompanhar.titulo", view),
                     token);
}

http::Response look_up(WebContext& ctx, const http::Request& r, bool complement) {
  const Form f = read_form(r);
  if (!anonymous_form_ok(r, f, kCookie)) {
    return tracking_page(ctx, r, 403, f, t(ctx, "nova.expirou"), std::nullopt);
  }
  auto& m = ctx.desk.manifestations();
  const auto protocol = f.value("protocolo");
  const auto code = f.value("codigo");
  try {
    if (complement) {
      try {
        const auto v = m.complement(protocol, code, f.value("complemento"), r.remote_address);
        Form shown = f;
        shown.fields.erase("complemento");
        return tracking_page(ctx, r, 200, shown, "", v, {}, true);
      } catch (const DomainError& e) {
        if (e.kind() != DomainError::Kind::validation && e.kind() != DomainError::Kind::conflict) {
          throw;
        }
        const auto v = m.track(protocol, code, r.remote_address);
        Errors errors = field_errors(e, kManifestationFields);
        if (e.kind() == DomainError::Kind::conflict) errors = {{"complemento", e.what()}};
        return tracking_page(ctx, r, e.kind() == DomainError::Kind::conflict ? 409 : 422, f, "", v,
                             errors);
      }
    }
    return tracking_page(ctx, r, 200, f, "", m.track(protocol, code, r.remote_address));
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::not_found) {
      return tracking_page(ctx, r, 404, f, e.what(), std::nullopt);
    }
    if (e.kind() == DomainError::Kind::rate_limited) {
      return tracking_page(ctx, r, 429, f, e.what(), std::nullopt);
    }
    throw;
  }
}

}  // namespace

void add_manifestation_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  auto add = [&](const char* method, const char* path,
                 std::function<http::Response(const http::Request&)> fn) {
    routes.push_back({method, path, [&ctx, fn](const http::Request& r) {
                        return guarded_page(ctx, r, [&] { return fn(r); });
                      }});
  };
  add("GET", "/manifestacoes",
      [](const http::Request&) { return see_other("/manifestacoes/nova"); });
  add("GET", "/manifestacoes/nova", [&ctx](const http::Request& r) { return new_form(ctx, r); });
  add("POST", "/manifestacoes/nova", [&ctx](const http::Request& r) { return submit(ctx, r); });
  add("GET", "/manifestacoes/acompanhar", [&ctx](const http::Request& r) {
    return tracking_page(ctx, r, 200, Form{}, "", std::nullopt);
  });
  add("POST", "/manifestacoes/acompanhar",
      [&ctx](const http::Request& r) { return look_up(ctx, r, false); });
  add("POST", "/manifestacoes/acompanhar/complemento",
      [&ctx](const http::Request& r) { return look_up(ctx, r, true); });
}

}  // namespace guiche::web
