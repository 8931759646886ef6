#pragma once
// What the directory backend (ldap_backend.hpp) asks of an LDAP or Active
// Directory server, without the protocol: the I/O part that speaks it is
// src/identity/ldap/ldap_server.hpp, handed to the accounts service by
// `guiche serve`; the tests use the same part against a real slapd.
#include <optional>
#include <string>
#include <vector>

namespace guiche::app {

// A directory account as the server holds it.
struct DirectoryAccount {
  std::string subject;  // stable id: entryUUID (OpenLDAP), objectGUID (AD), else the DN
  std::string dn;
  std::string name;                  // displayName, else cn
  std::vector<std::string> emails;   // mail
  std::optional<std::string> phone;  // telephoneNumber, else mobile
  std::vector<std::string> groups;   // DNs: memberOf and the groups naming it as member
};

struct DirectoryAnswer {
  enum class Outcome {
    verified,   // found once, enabled, and the password bound: `account`
    not_found,  // no account (or more than one) matches the login
    disabled,   // found, but disabled (AD userAccountControl bit 2, or the disabled filter)
    wrong_password,
    unavailable,  // could not connect, StartTLS or the service bind failed, timeout
  };
  Outcome outcome = Outcome::unavailable;
  std::optional<DirectoryAccount> account;
  std::string reason;  // for the log: what failed, never a password
};

class DirectoryServer {
 public:
  virtual ~DirectoryServer() = default;
  // Finds the one account `login` names (with the service account), then
  // binds as it with `password`.
  virtual DirectoryAnswer verify(const std::string& login, const std::string& password) = 0;
  // Finds the account `login` names and whether it is enabled, without its
  // password (the session re-check, issue 16 item 4): verified, not_found,
  // disabled or unavailable. A server that cannot tell answers unavailable.
  virtual DirectoryAnswer lookup(const std::string& login) {
    (void)login;
    return {};
  }
  // The account's issuer for external identities ("ldap://host/base"): a
  // person is known by (issuer, subject).
  virtual std::string issuer() const = 0;
  // pt-BR, for the admin's page: server, base, filter, transport security.
  virtual std::string describe() const = 0;
};

}  // namespace guiche::app
