#pragma once
// The routes of the metrics-only listener (`guiche serve --metrics-listen`):
// GET /metrics without a token, the address being the guard.
#include <vector>

#include "http/message.hpp"

namespace guiche::api {

std::vector<http::Route> metrics_listener_routes();

}  // namespace guiche::api
