#pragma once
#include <string>

#include "app/desk.hpp"
#include "web/assets.hpp"
#include "web/templates.hpp"

namespace guiche::web {

// What every page handler reaches: the application layer, the templates and
// the static files, all read from the web folder at start.
struct WebContext {
  WebContext(app::Desk& d, const std::string& web_dir, bool secure)
      : desk(d), templates(web_dir + "/templates"), assets(web_dir), secure_cookies(secure) {}
  app::Desk& desk;
  Templates templates;
  Assets assets;
  bool secure_cookies = false;
};

}  // namespace guiche::web
