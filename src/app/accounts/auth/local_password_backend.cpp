#include "app/accounts/auth/local_password_backend.hpp"

#include "app/accounts/passwords.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {

AuthBackendInfo LocalPasswordBackend::info() const {
  return {"local", "Senha local", "Senhas guardadas no Guichê (argon2id)."};
}

PasswordCheck LocalPasswordBackend::check_password(const std::string& login,
                                                   const std::string& password) {
  std::optional<Person> p;
  std::optional<std::string> hash;
  ctx_.db.read([&](store::Connection& c) {
    p = store::find_person_by_login(c, login);
    if (p) hash = store::password_hash_of(c, p->id);
  });
  if (!p || !hash) return {};
  if (!p->active || !verify_password(*hash, password)) {
    return {PasswordCheck::Outcome::refused, std::nullopt, ""};
  }
  return {PasswordCheck::Outcome::signed_in, std::move(p), ""};
}

}  // namespace guiche::app
