#pragma once
// What the administration pages (/admin/...) share: the admin-only gate, the
// routes that turn errors into pages, and the views of labelled form fields
// with their errors next to them (rendered by _admin_campo.mustache).
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "web/page.hpp"

namespace guiche::web {

// Field errors of a form by input id; "_geral" for the form as a whole.
using Errors = std::map<std::string, std::string>;

// The signed-in visitor if an administrator; anyone else gets the 403 page
// (the Desk checks every change again).
Visitor require_admin(WebContext& ctx, const http::Request& r);

// Adds `method path` answering through guarded_page.
void add_admin_route(WebContext& ctx, std::vector<http::Route>& routes, const char* method,
                     const char* path, std::function<http::Response(const http::Request&)> fn);

// Views of one labelled input for _admin_campo: `label` is already a text.
nlohmann::json text_input(const std::string& id, const std::string& label, const std::string& value,
                          const Errors& errors, const std::string& type = "text",
                          bool required = false);
// A date typed as dd/mm/aaaa (see date_input.hpp): a numeric text input with
// the format as placeholder and hint (or, where space is short, in the
// label); read it back with parse_date_input.
nlohmann::json date_input(WebContext& ctx, const std::string& id, const std::string& label,
                          const std::string& value, const Errors& errors, bool required = false,
                          bool with_format_hint = true);
nlohmann::json text_area(const std::string& id, const std::string& label, const std::string& value,
                         const Errors& errors, bool required = false);
// `options` are (value, label) pairs; the one equal to `value` is selected.
nlohmann::json select_input(const std::string& id, const std::string& label,
                            const std::string& value,
                            const std::vector<std::pair<std::string, std::string>>& options,
                            const Errors& errors, bool required = false);
nlohmann::json check_input(const std::string& id, const std::string& label, bool checked,
                           const Errors& errors);
// Adds a hint under the field (and to its aria-describedby).
nlohmann::json with_hint(nlohmann::json field, const std::string& hint);
// The label only for screen readers (inputs inside table cells).
nlohmann::json hidden_label(nlohmann::json field);

// The summary of errors shown above a form (_admin_erros): links to each field.
nlohmann::json error_summary(const Errors& errors);

// A posted checkbox of _admin_campo ("sim" when checked).
bool checked(const Form& form, const std::string& id);

// The path parameter `name` as a positive id; anything else is the 404 page.
std::int64_t number_param(const http::Request& r, const char* name);

// "dd/mm/aaaa"
std::string date_br(Date d);
// Today's civil date at the desk.
Date desk_today(WebContext& ctx);

// Renders an admin page: `title_key` is "admin.<key>"; `view` gets "salvo"
// when the URL says the last change was saved.
http::Response admin_page(WebContext& ctx, const Visitor& v, const http::Request& r, int status,
                          const std::string& name, const std::string& title_key,
                          nlohmann::json view);

}  // namespace guiche::web
