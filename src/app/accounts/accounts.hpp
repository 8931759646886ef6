#pragma once
// Who is calling: signing in (browser sessions with a CSRF token, personal
// API tokens), passwords (the first-access change, an admin's reset) and the
// bootstrap user the CLI creates. Only SHA-256 hashes of session ids and
// tokens are stored; passwords are argon2id hashes (accounts/passwords.hpp).
// Passwords are checked by the sign-in parts it holds (accounts/auth/): the
// local password always, the directory when the server was given one.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/accounts/auth/auth_backend.hpp"
#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/directory_groups.hpp"
#include "domain/error.hpp"
#include "domain/person.hpp"

namespace guiche::store {
struct ExternalSessionKeep;
}

namespace guiche::app {

class Directory;
class DirectoryServer;
class LdapBackend;
class Notices;
class OidcBackend;
class OidcProvider;

// A provider the sign-in page offers (one button each).
struct OidcProviderButton {
  std::string name;   // in the routes: /entrar/oidc/NAME
  std::string label;  // "gov.br", "Acesso Cidadão"
};

// A person's link to a provider's account, as their page lists it.
struct ExternalLink {
  std::string issuer;
  std::string subject;
  std::string label;       // the provider's, or the issuer when no provider configured names it
  bool directory = false;  // the server's directory (LDAP / AD): one account per person
};

// A signed-in browser session: the id goes in a cookie, the CSRF token must
// be echoed in a header on every cookie-authenticated write.
struct SessionGrant {
  std::string session_id;
  std::string csrf_token;
  Person person;
  Instant expires_at{};
};

// What a provider's callback came to (web/oidc_pages.cpp).
struct OidcCallback {
  enum class Kind { signed_in, linked, confirm_by_email, refused, unavailable };
  Kind kind = Kind::refused;
  std::optional<SessionGrant> grant;  // signed_in
  std::string return_to;              // signed_in, linked: where the sign-in was started for
  std::string link_token;             // confirm_by_email: for the browser (a cookie)
  std::string masked_email;           // confirm_by_email
  std::string message;                // pt-BR, refused or unavailable
};

// What sign_in throws (conflict) for a browser when a directory account's
// first sign-in has the e-mail of a person who has a record
// (accounts/auth/ldap_backend.hpp): a code went to that e-mail, and the
// browser keeps `link_token` to type it back (confirm_directory_link).
class LinkCodeSent : public DomainError {
 public:
  LinkCodeSent(std::string link_token, std::string masked_email)
      : DomainError(Kind::conflict,
                    "Já existe um cadastro no Guichê com o e-mail desta conta do diretório: "
                    "enviamos um código para ele."),
        link_token(std::move(link_token)),
        masked_email(std::move(masked_email)) {}
  std::string link_token;
  std::string masked_email;
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string name;
  Instant created_at{};
  std::optional<Instant> revoked_at;
  std::string secret;  // only when just created; never stored
};

// What an admin's password reset did: the temporary password went by e-mail
// (the message body is erased once sent), or, for a person without an
// e-mail address, it is returned to be shown once to the admin.
struct PasswordReset {
  bool emailed = false;
  std::optional<std::string> temporary_password;  // only when not emailed
};

class Accounts {
 public:
  Accounts(DeskContext& context, Directory& directory, Notices& notices);
  ~Accounts();

  // The active person `person_id` acting through `channel`.
  Actor actor(std::int64_t person_id, Channel channel = Channel::portal);
  // Asks each sign-in part in turn (the local password first) until one
  // knows the login. nullopt for a wrong password or an unknown login;
  // throws unavailable when only a part that could not answer (the directory
  // down) might have known it, conflict when a directory account's first
  // sign-in would repeat a person who has a record (ldap_backend.hpp).
  std::optional<Person> authenticate(const std::string& login, const std::string& password);
  void change_password(const Actor& a, const std::string& current, const std::string& next);

  // Throws unauthenticated for a wrong login or password, rate_limited after
  // repeated failures for the same login or from the same address, conflict
  // for a directory account's first sign-in that would repeat a person;
  // LinkCodeSent instead when that person has the account's e-mail and the
  // caller is a browser that can take the code (`offer_link_code`).
  SessionGrant sign_in(const std::string& login, const std::string& password,
                       const std::string& address, bool offer_link_code = false);
  void sign_out(const std::string& session_id);
  // The session's person and CSRF token, or nullopt if unknown or expired.
  std::optional<std::pair<Actor, std::string>> session(const std::string& session_id);

  ApiToken create_api_token(const Actor& a, std::int64_t person_id, const std::string& name);
  void revoke_api_token(const Actor& a, std::int64_t token_id);
  std::vector<ApiToken> api_tokens(const Actor& a, std::int64_t person_id);
  std::optional<Actor> token_actor(const std::string& secret);

  // Admins only (accounts/password_reset.cpp): a generated temporary password
  // the person must change at the next sign-in; their sessions end.
  PasswordReset reset_password(const Actor& a, std::int64_t person_id);
  // "Esqueci minha senha" (accounts/password_link.cpp): a link by e-mail to
  // choose a new password, sent only to an active person with a login and an
  // e-mail — the caller is told the same either way. Throws DomainError
  // (validation) for an empty `login_or_email`.
  void request_password_link(const std::string& login_or_email, const std::string& address);
  // Sets the new password of the link's person; their sessions end. Throws
  // DomainError (validation, field "token") for an unknown, used or expired
  // link, or (field "password") for a password hash_password refuses.
  void reset_password_with_link(const std::string& token, const std::string& next);
  // Creates a person with a login outside any session (the CLI's create-user).
  Person bootstrap_user(const std::string& name, const std::string& login,
                        const std::string& password, std::vector<RoleGrant> roles);

  // Turns on signing in through a directory (accounts/auth/ldap_backend.hpp),
  // asked after the local password. At start-up, before requests arrive.
  void use_directory(std::shared_ptr<DirectoryServer> server);
  // Turns on signing in with an OpenID Connect provider (accounts/auth/oidc_backend.hpp).
  // At start-up, before requests arrive.
  void use_oidc_provider(std::shared_ptr<OidcProvider> provider);
  std::vector<OidcProviderButton> oidc_providers() const;
  // Where to send the browser to sign in with provider `name` (nullopt for
  // an unknown one); `link_person` when a signed-in person links an account.
  // Throws unavailable when the provider's discovery does not answer.
  std::optional<std::string> start_oidc(const std::string& name, const std::string& return_to,
                                        std::optional<std::int64_t> link_person);
  // The provider's answer: `state` must be one this desk sent and unused;
  // `front_id_token` is the hybrid flow's. `signed_in_person` is the session
  // the browser has, which a link must be made for.
  OidcCallback finish_oidc(const std::string& name, const std::string& state,
                           const std::string& code,
                           const std::optional<std::string>& front_id_token,
                           std::optional<std::int64_t> signed_in_person);
  // The e-mail code that confirms linking to an existing person.
  OidcCallback confirm_oidc_link(const std::string& name, const std::string& link_token,
                                 const std::string& code);
  // The provider's end_session URL for a session opened through it (to send
  // the browser there after sign_out), with `after` as post_logout_redirect_uri.
  std::optional<std::string> provider_sign_out_url(const std::string& session_id,
                                                   const std::string& after);
  // The code LinkCodeSent announced, typed back with its token: signed_in
  // (the directory account now linked to the person) or refused.
  OidcCallback confirm_directory_link(const std::string& link_token, const std::string& code);
  std::vector<ExternalLink> external_links(const Actor& a);
  // Links the actor to the directory account `login` names, proved by its
  // `password` (accounts/directory_link.cpp; the errors are LdapBackend::link's,
  // and the login throttle's rate_limited). Throws not_found when the server
  // has no directory.
  void link_directory(const Actor& a, const std::string& login, const std::string& password,
                      const std::string& address);
  // Throws not_found unless the link is the actor's, validation when it is
  // their only way in (no local password and no other link).
  void unlink_external(const Actor& a, const std::string& issuer, const std::string& subject);
  // Whether the part `key` ("local", "ldap", "oidc:NAME") is on: the sign-in page says so.
  bool has_backend(const std::string& key) const;
  // Admins only (accounts/auth/group_mappings.cpp): the sign-in parts that
  // are on, in the order they are asked, and the directory groups' mappings.
  std::vector<AuthBackendInfo> auth_backends(const Actor& a);
  std::vector<DirectoryGroupMapping> group_mappings(const Actor& a);
  DirectoryGroupMapping add_group_mapping(const Actor& a, const DirectoryGroupMapping& m);
  void remove_group_mapping(const Actor& a, std::int64_t id);

 private:
  DeskContext& ctx_;
  Directory& directory_;
  Notices& notices_;
  // authenticate(), saying which part ("local", "ldap") knew the login, and
  // what a duplicate offers (then thrown as conflict).
  std::optional<Person> authenticate_with(const std::string& login, const std::string& password,
                                          std::string* backend_key,
                                          std::optional<LinkOffer>* offer = nullptr);
  SessionGrant open_session(const Person& person, Instant now);
  // A new session's random id and CSRF token, lasting the configured lifetime.
  SessionGrant new_session_grant(const Person& person, Instant now) const;
  // A session opened through `provider` (an OpenID provider's name, or
  // "ldap"), with what it keeps to be checked again and signed out there
  // (issue 16, item 4), in one transaction.
  SessionGrant open_external_session(const Person& person, const std::string& provider,
                                     const store::ExternalSessionKeep& kept, Instant now);
  OidcBackend* oidc_backend(const std::string& name) const;
  LdapBackend* directory_backend() const;
  // Sends the code of a directory account's link by e-mail (accounts/directory_link.cpp)
  // and throws LinkCodeSent; conflict when three went in the last hour.
  [[noreturn]] void send_directory_link_code(const LinkOffer& offer);
  // The session re-check (issue 16, item 4): false when the provider no
  // longer honours the grant of the session `id_hash`, or the directory no
  // longer has its account enabled (it then ends).
  bool external_session_holds(const std::string& id_hash, Instant now);

  std::vector<std::unique_ptr<AuthBackend>> backends_;
  std::vector<OidcBackend*> oidc_;
};

}  // namespace guiche::app
