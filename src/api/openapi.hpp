#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace guiche::api {

// The OpenAPI 3.1 document of /api/v1, served at GET /api/v1/openapi.json.
// A test checks that it documents exactly the routes the server registers.
const nlohmann::ordered_json& openapi_document();

// "/api/v1/tickets/:id" (as routes are registered) -> "/api/v1/tickets/{id}".
std::string openapi_path(const std::string& express);

}  // namespace guiche::api
