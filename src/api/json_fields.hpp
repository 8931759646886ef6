#pragma once
// Reading request bodies strictly: each field of the right type or a 422
// naming it; unknown fields rejected where a typo would silently lose data.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace guiche::api {

void reject_unknown_fields(const nlohmann::json& body, const std::vector<std::string>& allowed);

std::string required_string(const nlohmann::json& body, const char* name);
std::optional<std::string> optional_string(const nlohmann::json& body, const char* name);
std::optional<std::int64_t> optional_integer(const nlohmann::json& body, const char* name);
std::int64_t required_integer(const nlohmann::json& body, const char* name);
std::optional<bool> optional_bool(const nlohmann::json& body, const char* name);

// Path and query parameters: a positive id, or a 404/400 problem.
std::int64_t path_id(const std::string& text);
std::optional<std::int64_t> query_id(const std::optional<std::string>& text, const char* name);
// The `limit` of a list: 1 to 200, 50 when absent.
int query_limit(const std::optional<std::string>& text);

}  // namespace guiche::api
