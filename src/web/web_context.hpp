#pragma once
#include <map>
#include <memory>
#include <string>

#include "app/desk.hpp"
#include "web/assets.hpp"
#include "web/templates.hpp"
#include "web/texts.hpp"

namespace guiche::web {

// The visitor's language choice (a code of web/i18n), kept for a year.
inline constexpr const char* kLanguageCookie = "idioma";

// What every page handler reaches: the application layer, the templates and
// the static files, all read from the web folder at start.
struct WebContext {
  WebContext(app::Desk& d, const std::string& web_dir, bool secure)
      : desk(d),
        templates(web_dir + "/templates"),
        texts(web_dir + "/i18n"),
        assets(web_dir),
        secure_cookies(secure) {
    for (const auto& language : texts.languages())
      text_views_[language] = Templates::share({{"t", texts.catalog(language)}});
  }
  // The texts of `language` (the default one for an unknown code) as every
  // template reads them, {{t.area.key}}: converted once, not copied per page.
  const SharedView* shared_texts(const std::string& language) const {
    const auto it = text_views_.find(language);
    return it != text_views_.end() ? it->second.get() : text_views_.at(kDefaultLanguage).get();
  }
  app::Desk& desk;
  Templates templates;
  Texts texts;
  Assets assets;
  bool secure_cookies = false;
  // The address people reach the desk at, as configured (`serve --public-url`);
  // "" when none was given, and then pages that print an absolute address take
  // the request's Host (web/charter/charter_pdf.cpp).
  std::string public_url;

 private:
  std::map<std::string, std::shared_ptr<const SharedView>> text_views_;
};

}  // namespace guiche::web
