#include "web/page.hpp"
#include "observability/log.hpp"
#include "support/random_hex.hpp"

#include <date/tz.h>

#include "api/caller.hpp"
#include "app/access_policy.hpp"
#include "app/accounts/accounts.hpp"
#include "app/incidents/notice_standing.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/reports/report_access.hpp"
#include "app/reports/reports.hpp"
#include "support/hmac_sha256.hpp"

namespace guiche::web {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
               hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Each request is answered on one thread from start to end, so the language
// chosen for it can live here instead of in every handler's parameters.
thread_local std::string current_language = kDefaultLanguage;
// The client address of the page being answered (the access log names it).
thread_local std::string current_address;

std::string language_of(WebContext& ctx, const http::Request& r) {
  auto chosen = r.cookie(kLanguageCookie);
  return chosen && ctx.texts.has(*chosen) ? *chosen : kDefaultLanguage;
}

http::Response error_page(WebContext& ctx, const http::Request& r, int status,
                          const std::string& title, const std::string& message) {
  return page(ctx, current_visitor(ctx, r), status, "erro", title, {{"mensagem", message}});
}

}  // namespace

std::optional<Visitor> current_visitor(WebContext& ctx, const http::Request& r) {
  auto cookie = r.cookie(api::kSessionCookie);
  if (!cookie) return std::nullopt;
  auto session = ctx.desk.accounts().session(*cookie);
  if (!session) return std::nullopt;
  http::note_logged_person(session->first.id());
  return Visitor{session->first, session->second};
}

Visitor require_visitor(WebContext& ctx, const http::Request& r, bool allow_initial_password) {
  auto v = current_visitor(ctx, r);
  if (!v) throw Redirect{"/entrar?volta=" + url_encode(r.path)};
  if (v->actor.person.must_change_password && !allow_initial_password) {
    throw Redirect{"/primeiro-acesso"};
  }
  return *v;
}

std::string Form::value(const std::string& name) const {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

Form read_form(const http::Request& r) {
  Form form;
  const auto type = r.header("content-type").value_or("");
  if (http::is_multipart_form_data(type)) {
    auto parts = http::parse_multipart(type, r.body);
    if (!parts) throw malformed("Formulário malformado.");
    for (auto& part : *parts) {
      if (part.filename) {
        if (!part.filename->empty() || !part.bytes.empty()) form.files.push_back(std::move(part));
      } else {
        form.fields[part.name] = part.bytes;
      }
    }
    return form;
  }
  std::size_t pos = 0;
  const auto& body = r.body;
  while (pos < body.size()) {
    auto end = body.find('&', pos);
    if (end == std::string::npos) end = body.size();
    const auto pair = body.substr(pos, end - pos);
    const auto eq = pair.find('=');
    if (eq != std::string::npos)
      form.fields[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
    pos = end + 1;
  }
  return form;
}

void check_csrf(const Visitor& v, const Form& form) {
  const auto token = form.value("csrf");
  if (!equal_in_constant_time(token, v.csrf)) {
    throw DomainError(DomainError::Kind::forbidden,
                      "O formulário expirou ou não veio desta página. Recarregue e tente de novo.");
  }
}

std::string random_token() {
  return random_hex(16);
}

std::map<std::string, std::string> field_errors(const DomainError& e,
                                                const std::map<std::string, std::string>& rename) {
  std::map<std::string, std::string> out;
  for (const auto& f : e.fields()) {
    auto it = rename.find(f.field);
    const std::string name = it == rename.end() ? "_geral" : it->second;
    auto& text = out[name];
    text += (text.empty() ? "" : " ") + f.message;
  }
  if (out.empty()) out["_geral"] = e.what();
  return out;
}

const std::string& page_language() {
  return current_language;
}

const std::string& page_address() {
  return current_address;
}

std::string text(WebContext& ctx, const std::string& dotted_key) {
  return ctx.texts.text(current_language, dotted_key);
}

std::string safe_return_path(const std::string& to, const std::string& fallback) {
  if (to.size() < 2 || to[0] != '/' || to[1] == '/' || to[1] == '\\') return fallback;
  return to;
}

namespace {

// The keys every page and fragment gets: language, assets, visitor (the
// texts, `t`, come shared: WebContext::shared_texts).
void add_page_keys(WebContext& ctx, const std::optional<Visitor>& v, nlohmann::json& view) {
  view["idioma"] = current_language;
  view["assets"] = ctx.assets.prefix();
  if (v) {
    const auto& person = v->actor.person;
    // The menu offers only what the roles can open; each page checks again.
    const bool agent = app::is_staff(person);
    view["visitante"] = {{"nome", person.name},
                         {"csrf", v->csrf},
                         {"agente", agent},
                         {"comunicados", app::is_desk_staff(person)},
                         {"admin", person.has_role(Role::admin)},
                         // The encarregado de dados reaches the LGPD pages (admins from /admin).
                         {"encarregado", person.has_role(Role::data_protection_officer) &&
                                             !person.has_role(Role::admin)},
                         {"ouvidoria", app::is_ombudsman(person)},
                         {"relatorios", app::may_see_any_report(person)}};
  }
}

http::Response html_response(int status, std::string body) {
  http::Response response{status, "text/html; charset=utf-8", std::move(body), {}};
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "same-origin");
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace

http::Response page(WebContext& ctx, const std::optional<Visitor>& v, int status,
                    const std::string& name, const std::string& title, nlohmann::json view) {
  view["titulo"] = ctx.texts.text(current_language, title);
  add_page_keys(ctx, v, view);
  return html_response(
      status, ctx.templates.render_in_layout(name, view, ctx.shared_texts(current_language)));
}

http::Response fragment(WebContext& ctx, const std::optional<Visitor>& v, int status,
                        const std::string& name, nlohmann::json view) {
  add_page_keys(ctx, v, view);
  return html_response(status,
                       ctx.templates.render(name, view, ctx.shared_texts(current_language)));
}

std::string home_path(const Person& p) {
  if (app::is_staff(p)) return "/atendimento";
  if (app::is_ombudsman(p)) return "/ouvidoria";
  return "/minha-area";
}

bool from_htmx(const http::Request& r) {
  return r.header("hx-request").value_or("") == "true";
}

http::Response see_other(const std::string& location) {
  http::Response response{303, "text/plain; charset=utf-8", "", {}};
  response.headers.emplace_back("Location", location);
  return response;
}

http::Response guarded_page(WebContext& ctx, const http::Request& r,
                            const std::function<http::Response()>& produce) {
  current_language = language_of(ctx, r);
  current_address = r.remote_address;
  try {
    return produce();
  } catch (const Redirect& to) {
    return see_other(to.location);
  } catch (const DomainError& e) {
    switch (e.kind()) {
      case DomainError::Kind::unauthenticated:
        return see_other("/entrar?volta=" + url_encode(r.path));
      case DomainError::Kind::not_found:
        return error_page(ctx, r, 404, "portal.erro.nao_encontrada", e.what());
      case DomainError::Kind::forbidden:
        return error_page(ctx, r, 403, "portal.erro.acesso_negado", e.what());
      case DomainError::Kind::too_large:
        return error_page(ctx, r, 413, "portal.erro.grande_demais", e.what());
      case DomainError::Kind::rate_limited:
        return error_page(ctx, r, 429, "portal.erro.muitas_tentativas", e.what());
      default:
        return error_page(ctx, r, 400, "portal.erro.nao_atendido", e.what());
    }
  } catch (const std::exception& e) {
    observability::log_error("web", std::string("erro na página ") + r.route + ": " + e.what());
    return error_page(ctx, r, 500, "portal.erro.interno", text(ctx, "portal.erro.inesperado"));
  }
}

std::string url_encode(const std::string& s) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

std::string format_local(WebContext& ctx, Instant t) {
  auto zoned =
      date::make_zoned(ctx.desk.config().time_zone, std::chrono::floor<std::chrono::minutes>(t));
  return date::format("%d/%m/%Y às %H:%M", zoned);
}

}  // namespace guiche::web
