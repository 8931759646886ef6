#include "app/accounts/auth/ldap_backend.hpp"

#include "app/accounts/auth/external_people.hpp"
#include "domain/ascii_text.hpp"
#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "observability/log.hpp"
#include "store/external_identity_rows.hpp"
#include "store/oidc_sign_in_rows.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {
namespace {

constexpr const char* kLinkInstead =
    " Para não criar um cadastro repetido, entre como você já entra no Guichê e vincule a conta "
    "do diretório em Minha Área, em “Contas para entrar”. Se você não consegue entrar, procure "
    "a central de serviços.";

// Why the first sign-in of `account` would make a second record of a person
// (a duplicate: the message, and the person when found by an e-mail), or
// nullopt: it is linked already, or no active person holds its e-mails nor
// its login.
std::optional<PasswordCheck> duplicate_of(DeskContext& ctx, const std::string& issuer,
                                          const DirectoryAccount& account,
                                          const std::string& login) {
  std::optional<PasswordCheck> out;
  const auto duplicate = [&](const char* what, std::optional<LinkOffer> offer) {
    out = PasswordCheck{PasswordCheck::Outcome::duplicate, std::nullopt,
                        std::string("Já existe um cadastro no Guichê com ") + what +
                            " desta conta do diretório." + kLinkInstead,
                        std::move(offer)};
  };
  ctx.db.read([&](store::Connection& c) {
    if (store::person_of_external_identity(c, issuer, account.subject)) return;
    for (const auto& e : account.emails) {
      const auto email = normalize_email(e);
      if (!email) continue;
      if (auto holder = store::find_person_by_email(c, *email); holder && holder->active) {
        duplicate("o e-mail", LinkOffer{holder->id, *email, issuer, account.subject, login});
        return;
      }
    }
    if (auto holder = store::find_person_by_login(c, ascii_lower(login)); holder && holder->active)
      duplicate("o login", std::nullopt);
  });
  return out;
}

}  // namespace

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
  if (auto duplicate = duplicate_of(ctx_, issuer_, account, login)) {
    observability::log_notice("ldap", "primeira entrada recusada: o cadastro já existe");
    return *duplicate;
  }
  ExternalProfile profile;
  profile.issuer = issuer_;
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

void LdapBackend::link(std::int64_t person_id, const std::string& login,
                       const std::string& password) {
  if (login.empty()) throw invalid_field("login", "Informe o login do diretório.");
  // An empty password would be an anonymous bind (check_password says why).
  if (password.empty()) throw invalid_field("senha", "Informe a senha do diretório.");
  const auto answer = server_->verify(login, password);
  using O = DirectoryAnswer::Outcome;
  switch (answer.outcome) {
    case O::not_found:
    case O::wrong_password:
      throw invalid_field("senha", "Login ou senha do diretório incorretos.");
    case O::disabled:
      throw invalid_field("login",
                          "Esta conta do diretório está desativada. Procure a equipe de tecnologia "
                          "do seu órgão.");
    case O::unavailable:
      observability::log_error("ldap", "diretório indisponível: " + answer.reason);
      throw DomainError(DomainError::Kind::unavailable,
                        "O diretório está indisponível no momento e não foi possível conferir sua "
                        "senha. Tente vincular a conta de novo em alguns minutos.");
    case O::verified:
      break;
  }
  const std::string& subject = answer.account->subject;
  ctx_.db.write([&](store::Connection& c) {
    const auto holder = store::person_of_external_identity(c, issuer_, subject);
    if (holder == person_id) return;
    if (holder) throw conflict("Esta conta do diretório já está vinculada a outra pessoa.");
    // One account of a directory per person: each sign-in sets the roles
    // from its groups, so two accounts would take turns at them.
    for (const auto& [issuer, other] : store::external_identities_of(c, person_id)) {
      if (issuer == issuer_) {
        throw invalid_field("login",
                            "Seu cadastro já está vinculado a outra conta deste diretório. "
                            "Desvincule-a antes de vincular esta.");
      }
    }
    store::insert_external_identity(c, issuer_, subject, person_id, ctx_.now());
  });
  observability::log_notice("ldap", "conta do diretório vinculada a um cadastro",
                            {{"person_id", std::to_string(person_id)}});
}

}  // namespace guiche::app
