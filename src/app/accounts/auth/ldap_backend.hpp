#pragma once
// Signing in with an LDAP / Active Directory account (issue 16, item 2):
// search-then-bind through a DirectoryServer (directory_server.hpp; the
// libldap part is src/identity/ldap/), then the person is created or updated
// from the account (external_people.hpp). A disabled account and a wrong
// password are refused like an unknown login; a login the directory does not
// know is left to the next part; a directory that does not answer gives
// "O diretório está indisponível…", and local passwords still work.
#include <memory>
#include <optional>
#include <string>

#include "app/accounts/auth/auth_backend.hpp"
#include "app/accounts/auth/directory_server.hpp"
#include "app/desk_context.hpp"

namespace guiche::app {

// pt-BR, shown at the sign-in when the directory does not answer.
extern const char* const kDirectoryUnavailableMessage;

class LdapBackend : public AuthBackend {
 public:
  LdapBackend(DeskContext& context, std::shared_ptr<DirectoryServer> server)
      : ctx_(context), server_(std::move(server)) {}
  AuthBackendInfo info() const override;
  PasswordCheck check_password(const std::string& login, const std::string& password) override;
  // The session re-check: false when the account `login` is disabled or gone
  // from the directory, nullopt when the directory does not answer.
  std::optional<bool> still_valid(const std::string& login);

 private:
  DeskContext& ctx_;
  std::shared_ptr<DirectoryServer> server_;
};

}  // namespace guiche::app
