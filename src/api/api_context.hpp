#pragma once
#include <string>

#include "app/desk.hpp"

namespace guiche::api {

// What every handler reaches: the application layer and the face's settings.
struct ApiContext {
  app::Desk& desk;
  bool secure_cookies = false;  // set when served behind TLS
  std::size_t max_json_bytes = 1024 * 1024;
  // GUICHE_METRICS_TOKEN: the bearer token GET /metrics asks for (empty: the
  // route refuses everyone; api/metrics_routes.cpp).
  std::string metrics_token{};
};

}  // namespace guiche::api
