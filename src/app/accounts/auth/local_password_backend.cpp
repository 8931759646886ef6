#include "app/accounts/auth/local_password_backend.hpp"

#include "app/accounts/passwords.hpp"
#include "store/oidc_sign_in_rows.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {

AuthBackendInfo LocalPasswordBackend::info() const {
  return {"local", "Senha local", "Senhas guardadas no Guichê (argon2id)."};
}

PasswordCheck LocalPasswordBackend::check_password(const std::string& login,
                                                   const std::string& password) {
  std::optional<Person> p;
  std::optional<std::string> hash;
  bool directory_linked = false;
  ctx_.db.read([&](store::Connection& c) {
    p = store::find_person_by_login(c, login);
    if (p) hash = store::password_hash_of(c, p->id);
    // A directory's issuer is "ldap:" and its base (identity/ldap/ldap_server.cpp).
    if (p) {
      for (const auto& link : store::external_identities_of(c, p->id)) {
        if (link.first.rfind("ldap:", 0) == 0) directory_linked = true;
      }
    }
  });
  if (!p || !hash) return {};
  if (!p->active) return {PasswordCheck::Outcome::refused, std::nullopt, ""};
  if (!verify_password(*hash, password)) {
    // A person who linked their directory account may type its password
    // under their local login (an agency moving its people to Active
    // Directory keeps their logins): the directory is asked next, and it
    // checks its own password.
    if (directory_linked) return {};
    return {PasswordCheck::Outcome::refused, std::nullopt, ""};
  }
  return {PasswordCheck::Outcome::signed_in, std::move(p), ""};
}

}  // namespace guiche::app
