#pragma once
// Mustache templates read from a folder at start. Every value is HTML-escaped
// when rendered; a page is placed in the layout as a partial, so no template
// ever needs the unescaped {{{ }}} form.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace guiche::web {

class Templates {
 public:
  // Reads every NAME.mustache in `dir`; throws std::runtime_error (pt-BR)
  // when the folder is missing or a template does not compile.
  explicit Templates(const std::string& dir);

  // Renders template `name` with `view` (objects, lists, strings, numbers,
  // booleans; null is false). Templates named "_x" are available as partials {{> _x}}.
  std::string render(const std::string& name, const nlohmann::json& view) const;

  // Renders `page` inside the template "layout" (which includes it as {{> page}}).
  std::string render_in_layout(const std::string& page, const nlohmann::json& view) const;

 private:
  const std::string& text(const std::string& name) const;
  std::string render_with(const std::string& name, const nlohmann::json& view,
                          const std::string* page) const;
  std::map<std::string, std::string> texts_;
};

}  // namespace guiche::web
