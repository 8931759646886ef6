#pragma once
// Talking to a `guiche serve` the test started (support/child_process.hpp)
// over real HTTP: waiting for it to listen, and signing a demo person in.
#include <string>
#include <utility>
#include <vector>

#include "support/child_process.hpp"

namespace guiche::testing {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// Migrations and the demo data load before the server listens: 600 tries of
// 50 ms bound the wait. False if the server exited or never answered.
bool wait_until_accepting(Child& server, unsigned short port);

// The session cookie and CSRF token a browser sends with writes; empty when
// the sign-in was refused. The demo's requester by default.
HttpHeaders sign_in_over_http(unsigned short port, const std::string& login = "solicitante",
                              const std::string& password = "guiche-demo");

}  // namespace guiche::testing
