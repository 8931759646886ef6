#pragma once
// RFC 9457 problem responses and the translation of errors into them.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/error.hpp"
#include "http/message.hpp"

namespace guiche::api {

http::Response problem(int status, const std::string& title, const std::string& detail,
                       const std::vector<FieldError>& fields = {});
http::Response problem_from(const DomainError& e);
int status_of(DomainError::Kind kind);

http::Response json_response(int status, const nlohmann::json& body);

// Runs `produce`; a DomainError becomes its problem, anything else a 500
// whose text never reaches the client (it may describe SQL or internals).
http::Response guarded(const std::function<http::Response()>& produce);

// The request body as a JSON object. Throws DomainError: 415 unless the
// content type is JSON, 413 when larger than `limit`, 400 when it does not
// parse, is not valid UTF-8, or is not an object.
nlohmann::json json_body(const http::Request& r, std::size_t limit);

}  // namespace guiche::api
