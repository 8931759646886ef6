// Use cases of accounts: signing in, the first-access password change, and
// the bootstrap user the CLI creates.
#include "app/desk.hpp"
#include "app/passwords.hpp"
#include "domain/error.hpp"
#include "store/directory_rows.hpp"

namespace guiche::app {

std::optional<Person> Desk::authenticate(const std::string& login, const std::string& password) {
  std::optional<Person> p;
  std::optional<std::string> hash;
  db_.read([&](store::Connection& c) {
    p = store::find_person_by_login(c, login);
    if (p) hash = store::password_hash_of(c, p->id);
  });
  if (!p || !p->active || !hash || !verify_password(*hash, password)) return std::nullopt;
  return p;
}

void Desk::change_password(const Actor& a, const std::string& current, const std::string& next) {
  if (!a.person.active) {
    throw DomainError(DomainError::Kind::unauthenticated, "Usuário inativo.");
  }
  if (current == next) throw invalid_field("password", "A nova senha deve ser diferente da atual.");
  std::optional<std::string> hash;
  db_.read([&](store::Connection& c) { hash = store::password_hash_of(c, a.id()); });
  if (!hash || !verify_password(*hash, current)) {
    throw invalid_field("current_password", "A senha atual não confere.");
  }
  const std::string next_hash = hash_password(next);
  db_.write([&](store::Connection& c) { store::set_password(c, a.id(), next_hash, false); });
  directory_changed();  // the first-access flag may have just been lifted
}

Person Desk::bootstrap_user(const std::string& name, const std::string& login,
                            const std::string& password, std::vector<RoleGrant> roles) {
  Person admin;
  admin.id = -1;
  admin.roles = {{Role::admin, std::nullopt}};
  Person p;
  p.name = name;
  p.login = login;
  p.roles = std::move(roles);
  const std::string hash = hash_password(password);
  Person created = create_person(Actor{admin, Channel::api}, NewPerson{p, std::nullopt});
  // Whoever runs the CLI chose this password: no first-access change needed.
  db_.write([&](store::Connection& c) { store::set_password(c, created.id, hash, false); });
  created.must_change_password = false;
  return created;
}

}  // namespace guiche::app
