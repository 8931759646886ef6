#pragma once
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
        secure_cookies(secure) {}
  app::Desk& desk;
  Templates templates;
  Texts texts;
  Assets assets;
  bool secure_cookies = false;
  // The address people reach the desk at, as configured (`serve --public-url`);
  // "" when none was given, and then pages that print an absolute address take
  // the request's Host (web/charter/charter_pdf.cpp).
  std::string public_url;
};

}  // namespace guiche::web
