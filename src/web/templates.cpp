#include "web/templates.hpp"

#include <filesystem>
#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>
#include <stdexcept>

namespace guiche::web {
namespace {

namespace mu = kainjow::mustache;

mu::data to_data(const nlohmann::json& j) {
  if (j.is_object()) {
    mu::data out{mu::data::type::object};
    for (const auto& [key, value] : j.items()) out.set(key, to_data(value));
    return out;
  }
  if (j.is_array()) {
    mu::data out{mu::data::type::list};
    for (const auto& item : j) out.push_back(to_data(item));
    return out;
  }
  if (j.is_string()) return mu::data{j.get<std::string>()};
  if (j.is_boolean()) return mu::data{j.get<bool>()};
  if (j.is_number_integer()) return mu::data{std::to_string(j.get<std::int64_t>())};
  if (j.is_number()) return mu::data{j.dump()};
  return mu::data{false};
}

}  // namespace

Templates::Templates(const std::string& dir) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw std::runtime_error("Pasta de modelos não encontrada: " + dir);
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    mu::mustache compiled{text.str()};
    if (!compiled.is_valid()) {
      throw std::runtime_error("Modelo inválido " + entry.path().string() + ": " +
                               compiled.error_message());
    }
    texts_[entry.path().stem().string()] = text.str();
  }
}

const std::string& Templates::text(const std::string& name) const {
  auto it = texts_.find(name);
  if (it == texts_.end()) throw std::logic_error("no template named " + name);
  return it->second;
}

std::string Templates::render(const std::string& name, const nlohmann::json& view) const {
  return render_with(name, view, nullptr);
}

std::string Templates::render_in_layout(const std::string& page, const nlohmann::json& view) const {
  return render_with("layout", view, &text(page));
}

std::string Templates::render_with(const std::string& name, const nlohmann::json& view,
                                   const std::string* page) const {
  mu::mustache tmpl{text(name)};
  mu::data data = to_data(view);
  // Partials are the templates named "_something", so they never shadow a view key.
  for (const auto& [partial_name, partial_text] : texts_) {
    if (partial_name.empty() || partial_name[0] != '_') continue;
    const std::string* body = &partial_text;
    data.set(partial_name, mu::partial{[body] { return *body; }});
  }
  if (page) data.set("page", mu::partial{[page] { return *page; }});
  return tmpl.render(data);
}

}  // namespace guiche::web
