#pragma once
// The HTTP face of the desk. Only this module knows about RESTinio; the rest
// of the program sees one blocking call.
#include <string>

#include "app/desk.hpp"

namespace guiche::http {

// Serves the desk on HOST:PORT (HOST: an IP address or "localhost") until
// SIGTERM or SIGINT, then stops accepting, lets the requests already being
// handled finish (bounded wait) and returns 0. Throws std::runtime_error with a
// pt-BR message if the address cannot be bound.
int serve(app::Desk& desk, const std::string& host, unsigned short port);

}  // namespace guiche::http
