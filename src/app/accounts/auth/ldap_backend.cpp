#include "app/accounts/auth/ldap_backend.hpp"

#include "app/accounts/auth/external_people.hpp"
#include "observability/log.hpp"

namespace guiche::app {

const char* const kDirectoryUnavailableMessage =
    "O diretório está indisponível no momento e não foi possível conferir sua senha. Tente de "
    "novo em alguns minutos; quem tem senha local no Guichê continua entrando normalmente.";

AuthBackendInfo LdapBackend::info() const {
  return {"ldap", "Diretório LDAP / Active Directory", server_->describe()};
}

PasswordCheck LdapBackend::check_password(const std::string& login, const std::string& password) {
  // An empty password is an unauthenticated bind, which LDAP servers accept
  // as anonymous (RFC 4513, 5.1.2): it must never reach the server.
  if (password.empty()) return {PasswordCheck::Outcome::refused, std::nullopt, ""};
  const auto answer = server_->verify(login, password);
  using O = DirectoryAnswer::Outcome;
  switch (answer.outcome) {
    case O::not_found:
      return {};
    case O::disabled:
    case O::wrong_password:
      return {PasswordCheck::Outcome::refused, std::nullopt, ""};
    case O::unavailable:
      observability::log_error("ldap", "diretório indisponível: " + answer.reason);
      return {PasswordCheck::Outcome::unavailable, std::nullopt, kDirectoryUnavailableMessage};
    case O::verified:
      break;
  }
  const auto& account = *answer.account;
  ExternalProfile profile;
  profile.issuer = server_->issuer();
  profile.subject = account.subject;
  profile.login = login;
  profile.name = account.name;
  profile.emails = account.emails;
  profile.phone = account.phone;
  profile.groups = account.groups;
  return {PasswordCheck::Outcome::signed_in, sign_in_external_person(ctx_, profile), ""};
}

std::optional<bool> LdapBackend::still_valid(const std::string& login) {
  const auto answer = server_->lookup(login);
  if (answer.outcome != DirectoryAnswer::Outcome::verified)
    observability::log_notice("ldap", "conferência da sessão: " + answer.reason);
  switch (answer.outcome) {
    case DirectoryAnswer::Outcome::verified:
      return true;
    case DirectoryAnswer::Outcome::not_found:
    case DirectoryAnswer::Outcome::disabled:
      return false;
    default:
      return std::nullopt;
  }
}

}  // namespace guiche::app
