#include "app/whatsapp/whatsapp_templates.hpp"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace guiche::app {
namespace {

WhatsAppTemplateSpec spec_from(const nlohmann::json& j, const std::string& where) {
  WhatsAppTemplateSpec s;
  if (!j.is_object() || !j.contains("name") || !j["name"].is_string() ||
      j["name"].get<std::string>().empty())
    throw std::invalid_argument("Modelo de WhatsApp sem nome em " + where + ".");
  s.name = j["name"];
  s.text = j.value("text", "");
  if (j.contains("parameters")) s.parameters = j["parameters"].get<std::vector<std::string>>();
  const std::regex placeholder(R"(\{\{[0-9]+\}\})");
  const auto count = std::distance(std::sregex_iterator(s.text.begin(), s.text.end(), placeholder),
                                   std::sregex_iterator());
  if (!s.text.empty() && static_cast<std::size_t>(count) != s.parameters.size())
    throw std::invalid_argument("O modelo " + s.name + " tem " + std::to_string(count) +
                                " variáveis no texto e " + std::to_string(s.parameters.size()) +
                                " em parameters.");
  return s;
}

std::string value_text(const nlohmann::json& values, const std::string& name) {
  if (!values.contains(name)) return "";
  const auto& v = values[name];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

}  // namespace

std::string template_parameter_text(const std::string& text, std::size_t limit) {
  std::string out;
  int spaces = 0;
  for (char ch : text) {
    if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
    spaces = ch == ' ' ? spaces + 1 : 0;
    if (spaces > 1) continue;  // runs of blanks become one space
    out.push_back(ch);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  if (out.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  // The Cloud API refuses an empty parameter.
  return out.empty() ? "-" : out;
}

std::optional<store::WhatsAppTemplateCall> WhatsAppTemplates::call_for(
    const std::string& key, const nlohmann::json& values, const std::string& text) const {
  store::WhatsAppTemplateCall call;
  call.language = language;
  if (auto it = notices.find(key); it != notices.end()) {
    call.name = it->second.name;
    for (const auto& p : it->second.parameters)
      call.parameters.push_back(template_parameter_text(value_text(values, p)));
    return call;
  }
  if (!fallback) return std::nullopt;
  call.name = fallback->name;
  for (const auto& p : fallback->parameters) {
    call.parameters.push_back(template_parameter_text(p == "text" ? text : value_text(values, p)));
  }
  return call;
}

WhatsAppTemplates parse_whatsapp_templates(const std::string& json) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) throw std::invalid_argument("O arquivo de modelos não é um objeto JSON.");
  WhatsAppTemplates t;
  try {
    t.language = j.value("language", std::string("pt_BR"));
    if (j.contains("fallback")) t.fallback = spec_from(j["fallback"], "fallback");
    if (j.contains("notices")) {
      for (const auto& [key, value] : j["notices"].items())
        t.notices[key] = spec_from(value, "notices." + key);
    }
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("Arquivo de modelos inválido: ") + e.what());
  }
  return t;
}

WhatsAppTemplates load_whatsapp_templates(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::invalid_argument("Não consegui ler o arquivo de modelos " + path + ".");
  std::stringstream text;
  text << in.rdbuf();
  return parse_whatsapp_templates(text.str());
}

}  // namespace guiche::app
