// Use cases of accounts: who a person id is, checking a password, the
// first-access password change, and the bootstrap user the CLI creates.
#include "app/accounts/accounts.hpp"
#include "app/accounts/auth/ldap_backend.hpp"
#include "app/accounts/auth/local_password_backend.hpp"
#include "app/accounts/passwords.hpp"
#include "app/directory/directory.hpp"
#include "domain/error.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {

Accounts::Accounts(DeskContext& context, Directory& directory, Notices& notices)
    : ctx_(context), directory_(directory), notices_(notices) {
  backends_.push_back(std::make_unique<LocalPasswordBackend>(ctx_));
}

Accounts::~Accounts() = default;

void Accounts::use_directory(std::shared_ptr<DirectoryServer> server) {
  backends_.push_back(std::make_unique<LdapBackend>(ctx_, std::move(server)));
}

bool Accounts::has_backend(const std::string& key) const {
  for (const auto& b : backends_) {
    if (b->info().key == key) return true;
  }
  return false;
}

Actor Accounts::actor(std::int64_t person_id, Channel channel) {
  std::optional<Person> p;
  ctx_.db.read([&](store::Connection& c) { p = store::load_person(c, person_id); });
  if (!p || !p->active)
    throw DomainError(DomainError::Kind::unauthenticated, "Usuário inativo ou inexistente.");
  return Actor{*p, channel};
}

std::optional<Person> Accounts::authenticate(const std::string& login,
                                             const std::string& password) {
  return authenticate_with(login, password, nullptr);
}

std::optional<Person> Accounts::authenticate_with(const std::string& login,
                                                  const std::string& password,
                                                  std::string* backend_key,
                                                  std::optional<LinkOffer>* offer) {
  std::string unavailable;
  for (const auto& backend : backends_) {
    auto check = backend->check_password(login, password);
    switch (check.outcome) {
      case PasswordCheck::Outcome::not_mine:
        continue;
      case PasswordCheck::Outcome::unavailable:
        // A later part may still know the login (a local account while the directory is down).
        if (unavailable.empty()) unavailable = check.message;
        continue;
      case PasswordCheck::Outcome::refused:
        return std::nullopt;
      case PasswordCheck::Outcome::duplicate:
        if (offer) *offer = check.offer;
        throw conflict(check.message);
      case PasswordCheck::Outcome::signed_in:
        if (backend_key) *backend_key = backend->info().key;
        return check.person;
    }
  }
  if (!unavailable.empty()) throw DomainError(DomainError::Kind::unavailable, unavailable);
  return std::nullopt;
}

void Accounts::change_password(const Actor& a, const std::string& current,
                               const std::string& next) {
  if (!a.person.active) {
    throw DomainError(DomainError::Kind::unauthenticated, "Usuário inativo.");
  }
  if (current == next) throw invalid_field("password", "A nova senha deve ser diferente da atual.");
  std::optional<std::string> hash;
  ctx_.db.read([&](store::Connection& c) { hash = store::password_hash_of(c, a.id()); });
  if (!hash || !verify_password(*hash, current)) {
    throw invalid_field("current_password", "A senha atual não confere.");
  }
  const std::string next_hash = hash_password(next);
  ctx_.db.write([&](store::Connection& c) { store::set_password(c, a.id(), next_hash, false); });
  ctx_.directory_changed();  // the first-access flag may have just been lifted
}

Person Accounts::bootstrap_user(const std::string& name, const std::string& login,
                                const std::string& password, std::vector<RoleGrant> roles) {
  Person admin;
  admin.id = -1;
  admin.roles = {{Role::admin, std::nullopt}};
  Person p;
  p.name = name;
  p.login = login;
  p.roles = std::move(roles);
  const std::string hash = hash_password(password);
  Person created = directory_.create_person(Actor{admin, Channel::api}, NewPerson{p, std::nullopt});
  // Whoever runs the CLI chose this password: no first-access change needed.
  ctx_.db.write([&](store::Connection& c) { store::set_password(c, created.id, hash, false); });
  created.must_change_password = false;
  return created;
}

}  // namespace guiche::app
