#pragma once
// The approved WhatsApp message templates notices use outside the 24-hour
// customer-service window: configuration, shipped as
// config/whatsapp_templates.json (the pt-BR texts an agency submits to Meta)
// and loaded by `guiche serve --whatsapp-templates FILE`. Each notice key
// names a template and which of the notice's values fill its {{1}}, {{2}}...;
// the fallback carries the text of any notice without a template of its own.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/whatsapp_payload.hpp"

namespace guiche::app {

struct WhatsAppTemplateSpec {
  std::string name;
  std::string text;                     // the body submitted to Meta, for the admin's reference
  std::vector<std::string> parameters;  // value names, in {{1}}, {{2}}... order
};

struct WhatsAppTemplates {
  std::string language = "pt_BR";
  std::optional<WhatsAppTemplateSpec> fallback;
  std::map<std::string, WhatsAppTemplateSpec> notices;

  // The template call for notice `key` with `values` (strings; a missing one
  // is empty), or the fallback's with {name, text}; nullopt when neither is
  // configured.
  std::optional<store::WhatsAppTemplateCall> call_for(const std::string& key,
                                                      const nlohmann::json& values,
                                                      const std::string& text) const;
};

// Parses a templates file's JSON; throws std::invalid_argument (pt-BR) when
// it is not one: a template without a name, a {{n}} count that differs from
// its parameters.
WhatsAppTemplates parse_whatsapp_templates(const std::string& json);
WhatsAppTemplates load_whatsapp_templates(const std::string& path);

// A template parameter's text as the Cloud API accepts it: no new lines or
// tabs, no more than 4 spaces in a row, at most `limit` characters (cut with
// "…" on a UTF-8 boundary).
std::string template_parameter_text(const std::string& text, std::size_t limit = 700);

}  // namespace guiche::app
