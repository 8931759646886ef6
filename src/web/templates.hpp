#pragma once
// Mustache templates read from a folder at start. Every value is HTML-escaped
// when rendered; a page is placed in the layout as a partial, so no template
// ever needs the unescaped {{{ }}} form.
//
// A render costs the view, not the templates: partials ({{> _x}}) are put in
// place when the folder is read, each template is compiled once per thread
// that renders it, and what every render shares (a language's texts, 1,800
// of them) is converted once (share()) instead of copied into each view.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace guiche::web {

// Values many renders read (as {{t.area.key}}), converted once by
// Templates::share. Opaque: only Templates reads it.
class SharedView {
 public:
  struct Data;
  explicit SharedView(std::unique_ptr<Data> data);
  ~SharedView();
  const Data& data() const { return *data_; }

 private:
  std::unique_ptr<Data> data_;
};

class Templates {
 public:
  // Reads every NAME.mustache in `dir` and puts the partials in place; throws
  // std::runtime_error (pt-BR) when the folder is missing, a template does
  // not compile, or a partial is missing or includes itself.
  explicit Templates(const std::string& dir);

  // Values for many renders: a key looked up in a view and not found there is
  // looked up in these.
  static std::shared_ptr<const SharedView> share(const nlohmann::json& values);

  // Renders template `name` with `view` (objects, lists, strings, numbers,
  // booleans; null is false), then `shared`. Templates named "_x" are
  // available as partials {{> _x}}.
  std::string render(const std::string& name, const nlohmann::json& view,
                     const SharedView* shared = nullptr) const;

  // Renders `page` inside the template "layout" (which includes it as {{> page}}).
  std::string render_in_layout(const std::string& page, const nlohmann::json& view,
                               const SharedView* shared = nullptr) const;

 private:
  // `text` is asked for only when this thread has not compiled `key` yet.
  std::string render_text(const std::string& key, const std::function<std::string()>& text,
                          const nlohmann::json& view, const SharedView* shared) const;
  const std::string& text(const std::string& name) const;

  // Template texts with their partials in place.
  std::map<std::string, std::string> texts_;
  // The layout around its {{> page}}.
  std::string layout_before_page_, layout_after_page_;
  // Tells this instance's compiled templates from another's in a thread's cache.
  std::uint64_t serial_;
};

}  // namespace guiche::web
