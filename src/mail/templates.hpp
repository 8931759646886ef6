#pragma once
// Message templates: mustache texts with named placeholders, shipped in
// pt-BR (the defaults below) and overridable by admins (stored rows).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace guiche::mail {

struct Template {
  std::string key;  // e.g. "registration"
  std::string channel = "email";
  std::string locale = "pt-BR";
  std::string subject;  // one line; the ticket's "[SA AAAA-NNNNNN]" is put in front
  std::string text;
  std::string html;
};

struct Rendered {
  std::string subject;
  std::string text;
  std::string html;
};

// The keys of the notices about tickets and accounts, in a stable order; the
// status notices' messages (mail/status_message_templates.hpp) are templates
// too, found by default_template under their own keys.
const std::vector<std::string>& template_keys();
// The shipped default for `key`, or nullopt for an unknown key.
std::optional<Template> default_template(const std::string& key);
// The placeholders a template may use (documented for admins).
const std::vector<std::string>& template_placeholders(const std::string& key);

// Renders with `values` (an object of strings, booleans and nested objects):
// HTML-escaped in the HTML part, verbatim in subject and text.
Rendered render(const Template& t, const nlohmann::json& values);
// The variables the template uses that `values` leaves absent or empty, in the
// order they first appear: a message must not leave with a hole in it.
std::vector<std::string> unfilled_placeholders(const Template& t, const nlohmann::json& values);
// The parse error of a mustache text, or nullopt when it is valid.
std::optional<std::string> template_error(const std::string& text);

}  // namespace guiche::mail
