#pragma once
// The service a code typed by a person names, in every channel that takes a
// code: the API's and the pages' registration, the quarantine, the chatbot
// (rules: domain/service_code.hpp). It reads the services table only (a few
// hundred rows at most), never the tickets.
#include <optional>
#include <string_view>

#include "domain/service.hpp"
#include "store/database.hpp"

namespace guiche::app {

// The service whose code is `typed` as stored; else the one active service
// whose code `typed` names ignoring case, accents, spaces and separators
// ("sup tec", "SUP-TÉC" for SUP-TEC). Whether the caller may use it is the
// caller's check.
std::optional<Service> find_service_by_typed_code(store::Connection& c, std::string_view typed);

}  // namespace guiche::app
