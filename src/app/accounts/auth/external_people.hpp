#pragma once
// The person behind an account of an identity issuer (a directory now, an
// OpenID provider later): known by (issuer, subject) in external_identities
// (migration v038), never by a login, e-mail or CPF alone (docs/domain.md,
// "People"). The first sign-in creates the person; each later one updates
// the name, e-mails and phone from what the issuer sent, and, when the issuer
// gives groups, the organization and roles they map to.
#include <optional>
#include <string>
#include <vector>

#include "app/desk_context.hpp"
#include "domain/directory_groups.hpp"
#include "domain/person.hpp"

namespace guiche::app {

struct ExternalProfile {
  std::string issuer;
  std::string subject;
  std::string login;  // as typed; becomes the person's login when valid and free
  std::string name;
  std::vector<std::string> emails;
  std::optional<std::string> phone;
  std::optional<std::string>
      cpf;  // 11 digits, valid (an OpenID provider's); kept when nobody else's
  std::optional<std::vector<std::string>> groups;  // DNs; nullopt when the issuer gives none
  // An OpenID provider gives one verified e-mail among the person's: it is
  // added to theirs; a directory's list replaces them (false).
  bool add_emails = false;
};

// The person `profile` is, created or brought up to date, in one transaction.
// A login, e-mail or phone another person already holds is left out (the
// two stay two people); unreadable e-mails and phones are left out too.
// Roles, when `groups` is given: what the admin's mappings give those groups
// (domain/directory_groups.hpp), requester alone when none matches; the
// organization is the mapped one, or stays as it was. Throws unauthenticated
// for a person an admin deactivated.
Person sign_in_external_person(DeskContext& ctx, const ExternalProfile& profile);

}  // namespace guiche::app
