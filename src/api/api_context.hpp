#pragma once
#include "app/desk.hpp"

namespace guiche::api {

// What every handler reaches: the application layer and the face's settings.
struct ApiContext {
  app::Desk& desk;
  bool secure_cookies = false;  // set when served behind TLS
  std::size_t max_json_bytes = 1024 * 1024;
};

}  // namespace guiche::api
