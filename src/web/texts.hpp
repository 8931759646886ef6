#pragma once
// The portal's words in each language: web/i18n/<language>/<area>.json,
// read at start. Templates reach them as {{t.<area>.<key>}}; handlers with
// text(). pt-BR is the default; English is available from the language link.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace guiche::web {

inline const std::string kDefaultLanguage = "pt-BR";

class Texts {
 public:
  // Reads every language folder under `dir`. Throws std::runtime_error (pt-BR)
  // when pt-BR is missing, a file is not a JSON object of strings, or a key
  // exists in one language and not in another: a missing translation is found
  // at start, not by a visitor.
  explicit Texts(const std::string& dir);

  // The whole catalog of `language` (the default one for an unknown code).
  const nlohmann::json& catalog(const std::string& language) const;
  // One text by "area.key"; the key itself when absent, so a page still renders.
  std::string text(const std::string& language, const std::string& dotted_key) const;
  bool has(const std::string& language) const;
  const std::vector<std::string>& languages() const { return languages_; }

 private:
  std::map<std::string, nlohmann::json> catalogs_;
  std::vector<std::string> languages_;
};

}  // namespace guiche::web
