// A signed-in person links their directory (LDAP / Active Directory) account
// to their record (issue 16: linking is explicit), as Minha Área, "Contas
// para entrar", does for OpenID accounts: the login and the password are
// checked by the directory's search-then-bind (accounts/auth/ldap_backend.hpp),
// and the login throttle counts the failures as at the sign-in, so the page
// is no way around it to guess a directory password.
#include <algorithm>
#include <cctype>

#include "app/accounts/accounts.hpp"
#include "app/accounts/auth/ldap_backend.hpp"
#include "domain/error.hpp"

namespace guiche::app {

LdapBackend* Accounts::directory_backend() const {
  for (const auto& b : backends_) {
    if (auto* directory = dynamic_cast<LdapBackend*>(b.get())) return directory;
  }
  return nullptr;
}

void Accounts::link_directory(const Actor& a, const std::string& login, const std::string& password,
                              const std::string& address) {
  auto* directory = directory_backend();
  if (!directory) throw not_found("O Guichê não está ligado a um diretório.");
  if (!a.person.active) throw DomainError(DomainError::Kind::unauthenticated, "Usuário inativo.");
  const Instant now = ctx_.now();
  // The directory ignores case (as Accounts::sign_in's key).
  std::string key = login;
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (auto wait = ctx_.throttle.wait_needed(key, address, now)) {
    throw DomainError(DomainError::Kind::rate_limited,
                      "Muitas tentativas de acesso. Tente novamente em " +
                          std::to_string(wait->count()) + " segundos.");
  }
  try {
    directory->link(a.id(), login, password);
  } catch (const DomainError& e) {
    // A wrong password, an unknown or disabled account: what a guess meets.
    if (e.kind() == DomainError::Kind::validation && !login.empty() && !password.empty())
      ctx_.throttle.record_failure(key, address, now);
    throw;
  }
  ctx_.throttle.record_success(key, address);
  ctx_.directory_changed();
}

}  // namespace guiche::app
