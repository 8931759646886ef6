#include "web/templates.hpp"

#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <kainjow/mustache.hpp>
#include <sstream>
#include <stdexcept>

namespace guiche::web {

namespace mu = kainjow::mustache;

struct SharedView::Data {
  mu::data values;
};

SharedView::SharedView(std::unique_ptr<Data> data) : data_(std::move(data)) {}
SharedView::~SharedView() = default;

namespace {

// Each value is moved into its place: kainjow's set() and push_back() copy,
// which would copy every row of a table once per level above it.
mu::data to_data(const nlohmann::json& j) {
  if (j.is_object()) {
    mu::data out{mu::data::type::object};
    for (const auto& [key, value] : j.items()) out[key] = to_data(value);
    return out;
  }
  if (j.is_array()) {
    mu::data out{mu::data::type::list};
    // The list is the data's own, not const: kainjow only hands it out as const.
    auto& items = const_cast<mu::list&>(out.list_value());
    items.reserve(j.size());
    for (const auto& item : j) items.push_back(to_data(item));
    return out;
  }
  if (j.is_string()) return mu::data{j.get_ref<const std::string&>()};
  if (j.is_boolean()) return mu::data{j.get<bool>()};
  if (j.is_number_integer()) return mu::data{std::to_string(j.get<std::int64_t>())};
  if (j.is_number()) return mu::data{j.dump()};
  return mu::data{false};
}

// A partial's tag, {{> name}} (spaces allowed around the name), found from `from`.
struct PartialTag {
  std::size_t begin = std::string::npos, end = 0;
  std::string name;
};

PartialTag next_partial_tag(const std::string& text, std::size_t from) {
  for (std::size_t at = text.find("{{>", from); at != std::string::npos;
       at = text.find("{{>", at + 1)) {
    const auto blank = [&](std::size_t i) {
      return i < text.size() && std::isspace(static_cast<unsigned char>(text[i]));
    };
    std::size_t i = at + 3;
    while (blank(i)) ++i;
    const std::size_t name_begin = i;
    while (i < text.size() && !blank(i) && text[i] != '}') ++i;
    const std::size_t name_end = i;
    while (blank(i)) ++i;
    if (name_end > name_begin && text.compare(i, 2, "}}") == 0) {
      return {at, i + 2, text.substr(name_begin, name_end - name_begin)};
    }
  }
  return {};
}

// `text` with each {{> _x}} replaced by the partial's own text, itself
// expanded; {{> page}} stays for render_in_layout. A partial renders in the
// context of the tag, so putting its text there renders the same.
std::string with_partials(const std::string& text, const std::map<std::string, std::string>& raw,
                          int depth) {
  if (depth > 8) throw std::runtime_error("Modelo parcial inclui a si mesmo.");
  std::string out;
  std::size_t last = 0;
  for (auto tag = next_partial_tag(text, 0); tag.begin != std::string::npos;
       tag = next_partial_tag(text, tag.end)) {
    if (tag.name == "page") continue;
    const auto found = raw.find(tag.name);
    if (found == raw.end() || tag.name[0] != '_') {
      throw std::runtime_error("Modelo parcial não encontrado: " + tag.name);
    }
    out.append(text, last, tag.begin - last);
    out += with_partials(found->second, raw, depth + 1);
    last = tag.end;
  }
  out.append(text, last);
  return out;
}

std::uint64_t next_serial() {
  static std::atomic<std::uint64_t> serial{0};
  return ++serial;
}

// The templates this thread compiled, for one Templates at a time (a server's
// workers render for one). A compiled template is not shared between threads:
// rendering walks it through non-const references.
struct CompiledTemplates {
  std::uint64_t serial = 0;
  std::map<std::string, mu::mustache> by_key;
};

mu::mustache& compiled(std::uint64_t serial, const std::string& key,
                       const std::function<std::string()>& text) {
  thread_local CompiledTemplates cache;
  if (cache.serial != serial) {
    cache.by_key.clear();
    cache.serial = serial;
  }
  auto it = cache.by_key.find(key);
  if (it == cache.by_key.end()) it = cache.by_key.emplace(key, mu::mustache{text()}).first;
  return it->second;
}

}  // namespace

Templates::Templates(const std::string& dir) : serial_(next_serial()) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw std::runtime_error("Pasta de modelos não encontrada: " + dir);
  std::map<std::string, std::string> raw;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    raw[entry.path().stem().string()] = text.str();
  }
  // Each file compiles on its own (a partial once, not once per page that includes it): a
  // page whose sections and partials each balance also balances with the partials in place.
  for (const auto& [name, text] : raw) {
    mu::mustache check{text};
    if (!check.is_valid()) {
      throw std::runtime_error("Modelo inválido " +
                               (fs::path(dir) / (name + ".mustache")).string() + ": " +
                               check.error_message());
    }
  }
  for (const auto& [name, text] : raw) {
    try {
      texts_[name] = with_partials(text, raw, 0);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error("Modelo inválido " + name + ": " + e.what());
    }
  }
  if (const auto layout = texts_.find("layout"); layout != texts_.end()) {
    auto tag = next_partial_tag(layout->second, 0);
    while (tag.begin != std::string::npos && tag.name != "page") {
      tag = next_partial_tag(layout->second, tag.end);
    }
    if (tag.begin != std::string::npos) {
      layout_before_page_ = layout->second.substr(0, tag.begin);
      layout_after_page_ = layout->second.substr(tag.end);
    } else {
      layout_before_page_ = layout->second;
    }
  }
}

std::shared_ptr<const SharedView> Templates::share(const nlohmann::json& values) {
  return std::make_shared<const SharedView>(
      std::make_unique<SharedView::Data>(SharedView::Data{to_data(values)}));
}

const std::string& Templates::text(const std::string& name) const {
  auto it = texts_.find(name);
  if (it == texts_.end()) throw std::logic_error("no template named " + name);
  return it->second;
}

std::string Templates::render(const std::string& name, const nlohmann::json& view,
                              const SharedView* shared) const {
  const std::string& body = text(name);
  return render_text(
      name, [&] { return body; }, view, shared);
}

std::string Templates::render_in_layout(const std::string& page, const nlohmann::json& view,
                                        const SharedView* shared) const {
  const std::string& body = text(page);
  // The page's text in place of the layout's {{> page}}.
  return render_text(
      "layout+" + page, [&] { return layout_before_page_ + body + layout_after_page_; }, view,
      shared);
}

std::string Templates::render_text(const std::string& key, const std::function<std::string()>& text,
                                   const nlohmann::json& view, const SharedView* shared) const {
  auto& tmpl = compiled(serial_, key, text);
  const mu::data data = to_data(view);
  mu::context<std::string> context;
  if (shared) context.push(&shared->data().values);
  context.push(&data);  // searched first
  return tmpl.render(context);
}

}  // namespace guiche::web
