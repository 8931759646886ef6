// A signed-in person links their directory (LDAP / Active Directory) account
// to their record (issue 16: linking is explicit), as Minha Área, "Contas
// para entrar", does for OpenID accounts: the login and the password are
// checked by the directory's search-then-bind (accounts/auth/ldap_backend.hpp),
// and the login throttle counts the failures as at the sign-in, so the page
// is no way around it to guess a directory password. And a directory
// account's first sign-in in a browser, when a person has its e-mail: linked
// once the code sent to that e-mail is typed back, as an OpenID account's.

#include "app/accounts/accounts.hpp"
#include "app/accounts/auth/external_link_codes.hpp"
#include "app/accounts/auth/ldap_backend.hpp"
#include "app/whatsapp/identity_code.hpp"
#include "domain/ascii_text.hpp"
#include "domain/error.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {
namespace {

// The e-mail's "Código para vincular sua conta do {label}".
constexpr const char* kDirectoryLabel = "diretório da sua organização";

}  // namespace

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
  const std::string key = ascii_lower(login);
  ctx_.throttle.require_no_wait(key, address, now);
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

void Accounts::send_directory_link_code(const LinkOffer& offer) {
  std::optional<Person> holder;
  ctx_.db.read([&](store::Connection& c) { holder = store::load_person(c, offer.person_id); });
  if (!holder) throw conflict("Não foi possível vincular a conta do diretório.");
  const auto token = send_external_link_code(ctx_, notices_, *holder,
                                             {"ldap", kDirectoryLabel, offer.issuer, offer.subject,
                                              store::ExternalSessionKeep{"", "", "", offer.login}});
  if (!token) throw conflict(kTooManyLinkCodesMessage);
  throw LinkCodeSent(*token, masked_email(offer.email));
}

OidcCallback Accounts::confirm_directory_link(const std::string& link_token,
                                              const std::string& code) {
  OidcCallback out;
  out.message = "Este código expirou ou já foi usado. Entre de novo para receber outro.";
  if (!directory_backend() || link_token.empty() || link_token.size() > 200) return out;
  auto linked =
      confirm_external_link_code(ctx_, "ldap", kDirectoryLabel, link_token, code, out.message);
  if (!linked) return out;
  ctx_.directory_changed();
  out.kind = OidcCallback::Kind::signed_in;
  // The directory's session is looked up again by the login typed (issue 16, item 4).
  out.grant = open_external_session(linked->person, "ldap", linked->session, ctx_.now());
  out.message.clear();
  return out;
}

}  // namespace guiche::app
