#pragma once
#include <vector>

#include "api/api_context.hpp"
#include "http/message.hpp"

namespace guiche::api {

// Every route of /api/v1. The server registers exactly these; the OpenAPI
// document is checked against the same list.
std::vector<http::Route> api_routes(ApiContext& ctx);

}  // namespace guiche::api
