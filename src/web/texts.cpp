#include "web/texts.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace guiche::web {
namespace {

namespace fs = std::filesystem;

// Every leaf must be a string: templates render them as they are.
void check_strings(const nlohmann::json& j, const std::string& where) {
  for (const auto& [key, value] : j.items()) {
    if (value.is_object()) {
      check_strings(value, where + "." + key);
    } else if (!value.is_string()) {
      throw std::runtime_error("Texto que não é cadeia de caracteres em " + where + "." + key);
    }
  }
}

// Keys of `a` absent from `b`, as "area.key" paths.
void missing_keys(const nlohmann::json& a, const nlohmann::json& b, const std::string& prefix,
                  std::vector<std::string>& out) {
  for (const auto& [key, value] : a.items()) {
    const auto path = prefix.empty() ? key : prefix + "." + key;
    if (!b.contains(key)) {
      out.push_back(path);
    } else if (value.is_object()) {
      missing_keys(value, b.at(key), path, out);
    }
  }
}

nlohmann::json read_language(const fs::path& folder) {
  nlohmann::json catalog = nlohmann::json::object();
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    auto area = nlohmann::json::parse(in, nullptr, false);
    if (!area.is_object())
      throw std::runtime_error("Arquivo de textos inválido: " + entry.path().string());
    check_strings(area, entry.path().string());
    catalog[entry.path().stem().string()] = std::move(area);
  }
  return catalog;
}

}  // namespace

Texts::Texts(const std::string& dir) {
  if (!fs::is_directory(fs::path(dir) / kDefaultLanguage))
    throw std::runtime_error("Pasta de textos em português não encontrada: " + dir);
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_directory()) continue;
    const auto language = entry.path().filename().string();
    catalogs_[language] = read_language(entry.path());
    languages_.push_back(language);
  }
  const auto& reference = catalogs_.at(kDefaultLanguage);
  for (const auto& [language, catalog] : catalogs_) {
    std::vector<std::string> missing;
    missing_keys(reference, catalog, "", missing);
    missing_keys(catalog, reference, "", missing);
    if (!missing.empty())
      throw std::runtime_error("Textos sem tradução em " + language +
                               " (ou sobrando): " + missing.front());
  }
}

bool Texts::has(const std::string& language) const {
  return catalogs_.count(language) > 0;
}

const nlohmann::json& Texts::catalog(const std::string& language) const {
  auto it = catalogs_.find(language);
  return it == catalogs_.end() ? catalogs_.at(kDefaultLanguage) : it->second;
}

std::string Texts::text(const std::string& language, const std::string& dotted_key) const {
  const nlohmann::json* node = &catalog(language);
  std::size_t start = 0;
  while (start <= dotted_key.size()) {
    auto end = dotted_key.find('.', start);
    if (end == std::string::npos) end = dotted_key.size();
    const auto part = dotted_key.substr(start, end - start);
    if (!node->is_object() || !node->contains(part)) return dotted_key;
    node = &node->at(part);
    start = end + 1;
  }
  return node->is_string() ? node->get<std::string>() : dotted_key;
}

}  // namespace guiche::web
