#pragma once
// Shared by the directory's route files (organizations, people, units and
// services, tokens): registration, strict field setters, and naming fields
// the way the API names them.
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/api_context.hpp"
#include "http/message.hpp"

namespace guiche::api {

void add_organization_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_people_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_personal_data_routes(ApiContext& ctx,
                              std::vector<http::Route>& routes);  // personal_data_routes.cpp
void add_service_routes(ApiContext& ctx, std::vector<http::Route>& routes);

// Adds a route whose handler runs under guarded().
void add_guarded_route(std::vector<http::Route>& routes, const char* method, const char* path,
                       http::Handler handler);

http::Response created(const nlohmann::json& body, const std::string& location);
http::Response no_content();
http::Response items_response(const nlohmann::json& items);

// The JSON body, with any field outside `allowed` rejected (422).
nlohmann::json strict_body(ApiContext& ctx, const http::Request& r,
                           const std::vector<std::string>& allowed);

// PUT replaces the whole resource, so its body must name every writable
// field (null clears an optional one); a 422 lists each one missing. PATCH
// changes only the fields it names.
void require_every_field(const nlohmann::json& body, const std::vector<std::string>& fields);

// Each setter leaves `target` alone when the field is absent (what PATCH
// relies on) and throws a 422 naming the field when its type is wrong; null
// clears optional values.
void set_text(const nlohmann::json& b, const char* name, std::string& target);
void set_flag(const nlohmann::json& b, const char* name, bool& target);
void set_optional_text(const nlohmann::json& b, const char* name,
                       std::optional<std::string>& target);
void set_optional_id(const nlohmann::json& b, const char* name,
                     std::optional<std::int64_t>& target);
void set_text_list(const nlohmann::json& b, const char* name, std::vector<std::string>& target);

bool required_bool(const nlohmann::json& b, const char* name);
Date required_date(const nlohmann::json& b, const char* name);

// A path segment percent-decoded (service codes); malformed escapes are 404.
std::string decoded_segment(const std::string& raw);
// The inverse, for Location headers.
std::string encoded_segment(const std::string& text);

// Runs `produce`; validation errors from use cases that name a field
// differently from the API (e.g. "organization" for "organization_id") are
// renamed, so a client always sees the field it sent.
http::Response with_api_fields(const std::map<std::string, std::string>& names,
                               const std::function<http::Response()>& produce);

}  // namespace guiche::api
