#pragma once
// The table of bad requests the malformed-input test sends: each names who
// sends it, what, and the one status it must get. Targets may hold
// placeholders the test fills from its world: {t} a ticket in progress, {n} a
// new ticket at the central, {org} SEGER, {p} the requester, {auth} her
// authorization, {token} her API token, {sgsis} a unit.
#include <string>
#include <utility>
#include <vector>

namespace guiche::testing {

enum class Sender {
  requester,        // cookie + CSRF of the SEGER requester
  attendant,        // cookie + CSRF of the central de serviços
  analyst,          // cookie + CSRF of the analyst working {t}
  admin,            // cookie + CSRF of an administrator
  no_csrf,          // the requester's cookie without X-CSRF-Token
  wrong_csrf,       // the requester's cookie with another session's token
  expired_session,  // a session past its expiry
  unknown_session,  // a cookie no session has
  revoked_token,    // Bearer with a revoked API token
  bad_bearer,       // Bearer with garbage
  basic_auth,       // Authorization: Basic ...
  nobody,           // no credentials at all
};

struct BadRequest {
  std::string name;
  Sender sender;
  std::string method;
  std::string target;
  std::string body;
  int status;
  std::vector<std::string> fields = {};  // must appear among errors[].field
  // Headers to send instead of the default Content-Type: application/json
  // (sent only with a body); an empty value drops that header.
  std::vector<std::pair<std::string, std::string>> headers = {};
};

std::vector<BadRequest> body_bad_requests();
std::vector<BadRequest> ticket_bad_requests();
std::vector<BadRequest> action_bad_requests();
std::vector<BadRequest> directory_bad_requests();
std::vector<BadRequest> access_bad_requests();

}  // namespace guiche::testing
