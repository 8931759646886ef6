#pragma once
// The expected outcome of every endpoint for every kind of caller, when the
// object named is another organization's (SESA's) ticket, events, attachment,
// person, authorization or token, and the callers are SEGER's people or desk
// staff. Targets and bodies hold placeholders the test fills from its world.
#include <string>
#include <vector>

namespace guiche::testing {

// Callers, in the order of each row's letters.
enum class Caller {
  requester,         // SEGER requester
  org_manager,       // SEGER org manager
  attendant,         // central de serviços
  analyst,           // analyst of SGSIS, the unit the ticket is routed to
  unit_manager,      // manager of GESIN, above SGSIS
  client_relations,  // ASESP agent
  communications,    // ASCOM
  leadership,        // diretoria
  admin,
  ombudsman,  // ouvidoria
  anonymous,
  token,  // the SEGER requester's personal API token
};
constexpr int kCallers = 12;

// What a caller may get:
//   P public: 200 even without credentials
//   Y allowed: 2xx (202 included), or 409/422 when an earlier caller already changed the state
//   L a list answered 200 that must not contain the other organization's object
//   H hidden: 404, so ids of others reveal nothing
//   D denied: 403
//   A unauthenticated: 401
//   I invalid body: 422 (endpoints that need no caller)
//   S a bulk action answered 200 that did nothing: every ticket skipped, none named
//     by the protocol of a ticket the caller may not see
struct MatrixRow {
  std::string method;
  std::string route;  // as registered
  std::string target;
  std::string body;
  std::string expected;  // one letter per Caller
  std::string content_type = "application/json";
};

std::vector<MatrixRow> authorization_matrix();

}  // namespace guiche::testing
