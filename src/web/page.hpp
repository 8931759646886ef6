#pragma once
// What the page handlers share: who is signed in, form bodies, CSRF checks,
// rendering in the layout, redirects, and turning errors into pages.
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "http/message.hpp"
#include "http/multipart.hpp"
#include "web/web_context.hpp"

namespace guiche::web {

// A signed-in visitor and the CSRF token their forms must carry.
struct Visitor {
  app::Actor actor;
  std::string csrf;
};

// Thrown by a handler to send the browser elsewhere (303 See Other).
struct Redirect {
  std::string location;
};

// The signed-in visitor; redirects to /entrar when there is none and to
// /primeiro-acesso while the initial password is still unchanged (unless
// `allow_initial_password`).
Visitor require_visitor(WebContext& ctx, const http::Request& r,
                        bool allow_initial_password = false);
std::optional<Visitor> current_visitor(WebContext& ctx, const http::Request& r);

// A urlencoded or multipart/form-data body: text fields by name, and files.
struct Form {
  std::map<std::string, std::string> fields;
  std::vector<http::Part> files;
  std::string value(const std::string& name) const;
};
Form read_form(const http::Request& r);

// Throws forbidden unless the form's "csrf" field is the session's token.
void check_csrf(const Visitor& v, const Form& form);

// A fresh random token (hex), for CSRF and idempotency keys.
std::string random_token();

// Field errors of a DomainError keyed by our form's names: `rename` maps the
// use case's field names to the form's; unknown names go to "_geral".
std::map<std::string, std::string> field_errors(const DomainError& e,
                                                const std::map<std::string, std::string>& rename);

// The page `name` in the layout. `view` gets the layout's keys: title (a
// text key "area.key", or literal text while a page has no key for it), the
// texts of the page's language as `t`, the language code as `idioma`, the
// asset prefix, the visitor's name and CSRF token.
http::Response page(WebContext& ctx, const std::optional<Visitor>& v, int status,
                    const std::string& name, const std::string& title, nlohmann::json view);

// The part `name` of a page alone, without the layout, with the page's keys:
// what an htmx request (HX-Request) swaps into the page it came from.
http::Response fragment(WebContext& ctx, const std::optional<Visitor>& v, int status,
                        const std::string& name, nlohmann::json view);

// Whether the request comes from htmx (the HX-Request header), which wants
// a fragment rather than a redirect or a whole page.
bool from_htmx(const http::Request& r);

http::Response see_other(const std::string& location);

// Runs `produce`; Redirect becomes a 303, and errors become pages in pt-BR
// (an unexpected exception a 500 page that names nothing internal).
http::Response guarded_page(WebContext& ctx, const http::Request& r,
                            const std::function<http::Response()>& produce);

// `to` when it is a path of ours ("/x", never "//host" or "https://host"),
// otherwise `fallback`: where a form may send the browser back to.
std::string safe_return_path(const std::string& to, const std::string& fallback = "/servicos");

// Where a person starts after signing in: staff (agents and admins) on
// their queue, the ouvidoria on its queue, everyone else on Minha Área.
std::string home_path(const Person& p);

// The language of the page being answered on this thread (set by
// guarded_page from the "idioma" cookie), and a text of it by "area.key".
const std::string& page_language();
// The client address of the request being answered on this thread (set by guarded_page).
const std::string& page_address();
std::string text(WebContext& ctx, const std::string& dotted_key);

// Percent-encoding for a value placed in a URL.
std::string url_encode(const std::string& s);

// "dd/mm/aaaa às HH:MM" at the desk's time zone.
std::string format_local(WebContext& ctx, Instant t);

}  // namespace guiche::web
