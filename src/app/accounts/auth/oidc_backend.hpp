#pragma once
// Signing in with an OpenID Connect provider (issue 16, item 3): gov.br,
// Acesso Cidadão, an agency's own. The browser is sent to the provider with
// a `state`, a `nonce` and PKCE's challenge, kept server-side (oidc_sign_ins,
// migration v044) and good once for ten minutes; at the callback the state
// is spent, the code exchanged and the ID token checked (the protocol part,
// oidc_provider.hpp). Then the person:
// - is the one linked to (issuer, subject) in external_identities, brought up
//   to date (external_people.hpp) — never found by CPF or e-mail alone;
// - or, for a signed-in person who asked to link, becomes linked to them;
// - or, when the provider's verified e-mail is an existing person's, is
//   linked only once a code sent to that e-mail is typed back;
// - or is created: name, e-mail only when `email_verified`, CPF when valid
//   and nobody else's.
// A provider may require its multi-factor signal (`amr`) from staff.
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/auth/auth_backend.hpp"
#include "app/accounts/auth/external_link_codes.hpp"
#include "app/accounts/auth/oidc_provider.hpp"
#include "app/desk_context.hpp"
#include "domain/person.hpp"

namespace guiche::app {

class Notices;

// What the claims of a checked ID token say of the person.
struct OidcProfile {
  std::string issuer;
  std::string subject;  // the configured subject claim (subNovo), else `sub`
  std::string name;
  std::optional<std::string> email;  // only when email_verified is true
  std::optional<std::string> cpf;    // valid check digits only
  std::vector<std::string> amr;
  std::optional<std::vector<std::string>> roles;  // the role claim's values, when configured
};

// The profile the claims of `settings`' provider give.
OidcProfile oidc_profile(const OidcSettings& settings, const nlohmann::json& claims);
// Whether the `amr` values name a second factor (RFC 8176: mfa, otp, hwk,
// swk, sms, fpt...; gov.br's and Acesso Cidadão's "mfa"/"otp").
bool has_second_factor(const std::vector<std::string>& amr);
// Any role of the desk's own people (wider than access_policy.hpp's is_staff:
// ombudsman, communications and the data officer too): all but requester and
// organization manager. These are the "staff" a provider may require MFA of.
bool holds_desk_role(const Person& p);

// pt-BR messages shown at the sign-in.
extern const char* const kOidcRefusedMessage;
extern const char* const kOidcUnavailableMessage;
std::string oidc_mfa_required_message(const std::string& provider_label);

// What became of a callback.
struct OidcResolution {
  enum class Kind {
    person,            // `person` signs in
    linked,            // `person`, signed in already, is now linked to the account
    confirm_by_email,  // a code went to `masked_email`; `link_token` goes to the browser
    refused,           // `message` (pt-BR); nothing was created
  };
  Kind kind = Kind::refused;
  std::optional<Person> person;
  std::string link_token;
  std::string masked_email;
  std::string message;
};

class OidcBackend : public AuthBackend {
 public:
  OidcBackend(DeskContext& context, Notices& notices, std::shared_ptr<OidcProvider> provider)
      : ctx_(context), notices_(notices), provider_(std::move(provider)) {}
  AuthBackendInfo info() const override;
  OidcProvider& provider() { return *provider_; }
  const OidcSettings& settings() const { return provider_->settings(); }
  // The label on buttons and messages: "gov.br", "Acesso Cidadão", else the name.
  std::string label() const;

  // The person a checked ID token's claims are: `link_person` when a
  // signed-in person asked to link. Refuses (creating nothing) a staff
  // person without the second factor the provider requires, and an account
  // already linked to someone else. `session` (the sealed tokens) goes with
  // a link code, for the session its confirmation opens.
  OidcResolution resolve(const nlohmann::json& claims, std::optional<std::int64_t> link_person,
                         const store::ExternalSessionKeep& session);
  // The code sent by resolve() typed back with the browser's token: the
  // person, now linked, and the tokens; nullopt (and a try counted) otherwise.
  std::optional<ExternalLinkConfirmed> confirm_link(const std::string& link_token,
                                                    const std::string& code, std::string& message);

 private:
  OidcResolution send_link_code(const OidcProfile& profile, const Person& holder,
                                const store::ExternalSessionKeep& session);

  DeskContext& ctx_;
  Notices& notices_;
  std::shared_ptr<OidcProvider> provider_;
};

}  // namespace guiche::app
