#pragma once
// The code by e-mail that links an external account (an OpenID provider's,
// oidc_backend.hpp; a directory's, ldap_backend.hpp) to the existing person
// whose e-mail it shares (issue 16: linking is explicit, "confirmed by a code
// sent to that e-mail"): six digits kept as a salted HMAC, the browser's
// token as its SHA-256 (external_link_codes, migration v044), good once for
// 15 minutes and 5 tries, at most 3 an hour per person.
#include <optional>
#include <string>

#include "app/desk_context.hpp"
#include "domain/person.hpp"
#include "store/oidc_sign_in_rows.hpp"

namespace guiche::app {

class Notices;

// The account to link, and who it is for.
struct ExternalLinkRequest {
  std::string provider;  // "ldap" or the OpenID provider's name: a code serves only there
  std::string label;     // for the e-mail: "conta do {label}"
  std::string issuer;
  std::string subject;
  // What the session the code opens keeps (sealed tokens, or the directory
  // login): it is checked again and signed out as any other (item 4).
  store::ExternalSessionKeep session;
};

// A code typed back: the person, now linked, and what their session keeps.
struct ExternalLinkConfirmed {
  Person person;
  store::ExternalSessionKeep session;
};

// Sends the code to the person `holder`'s e-mails: the token the browser
// keeps, or nullopt when three were sent in the last hour (nothing sent).
std::optional<std::string> send_external_link_code(DeskContext& ctx, Notices& notices,
                                                   const Person& holder,
                                                   const ExternalLinkRequest& request);

// The code typed back with the browser's token, for `provider`: the person,
// now linked; nullopt with `message` (pt-BR) otherwise, a wrong code counted.
// `label` names the account in the message ("Esta conta do {label} já está
// vinculada a outra pessoa.").
std::optional<ExternalLinkConfirmed> confirm_external_link_code(
    DeskContext& ctx, const std::string& provider, const std::string& label,
    const std::string& link_token, const std::string& code, std::string& message);

// pt-BR, when send_external_link_code sent nothing.
extern const char* const kTooManyLinkCodesMessage;

}  // namespace guiche::app
