#pragma once
// Signing in with an LDAP / Active Directory account (issue 16, item 2):
// search-then-bind through a DirectoryServer (directory_server.hpp; the
// libldap part is src/identity/ldap/), then the person is created or updated
// from the account (external_people.hpp). A disabled account and a wrong
// password are refused like an unknown login; a login the directory does not
// know is left to the next part; a directory that does not answer gives
// "O diretório está indisponível…", and local passwords still work.
//
// A directory account is a person by (issuer, entryUUID) in
// external_identities. Its first sign-in creates the person, unless an
// active person already holds one of its e-mails or its login: then nothing
// is created (the desk never makes two records of one person). As for an
// OpenID account (oidc_backend.hpp), a person found by the e-mail is linked
// once a code sent to that e-mail is typed back — in a browser
// (Accounts::sign_in's LinkCodeSent); the API, which has no page for the
// code, and a person found by the login only get a message saying to sign in
// the way they already do and link the account at Minha Área, "Contas para
// entrar" (link(): the login and the password typed there, checked by the
// same search-then-bind).
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
      : ctx_(context), server_(std::move(server)), issuer_(server_->issuer()) {}
  AuthBackendInfo info() const override;
  PasswordCheck check_password(const std::string& login, const std::string& password) override;
  // The session re-check: false when the account `login` is disabled or gone
  // from the directory, nullopt when the directory does not answer.
  std::optional<bool> still_valid(const std::string& login);
  const std::string& issuer() const { return issuer_; }
  // Links the account `login` names to the person `person_id`, once its
  // `password` binds. Throws DomainError with a pt-BR message: validation
  // (field "senha") for a wrong password or an unknown login, (field
  // "login") for a disabled account or when the person is linked to another
  // account of this directory already; conflict when the account is another
  // person's; unavailable when the directory does not answer. Linking the
  // account already theirs changes nothing.
  void link(std::int64_t person_id, const std::string& login, const std::string& password);

 private:
  DeskContext& ctx_;
  std::shared_ptr<DirectoryServer> server_;
  std::string issuer_;
};

}  // namespace guiche::app
