#include "app/accounts/auth/oidc_backend.hpp"

#include <algorithm>

#include "app/accounts/auth/external_link_codes.hpp"
#include "app/accounts/auth/external_people.hpp"
#include "app/whatsapp/identity_code.hpp"
#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "observability/log.hpp"
#include "store/external_identity_rows.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {
namespace {

std::string claim_text(const nlohmann::json& claims, const std::string& name) {
  if (!claims.contains(name)) return "";
  const auto& v = claims[name];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  return "";
}

// email_verified is a boolean; some providers send "true".
bool claim_true(const nlohmann::json& claims, const char* name) {
  if (!claims.contains(name)) return false;
  const auto& v = claims[name];
  return (v.is_boolean() && v.get<bool>()) || (v.is_string() && v.get<std::string>() == "true");
}

std::vector<std::string> claim_values(const nlohmann::json& claims, const std::string& name) {
  std::vector<std::string> out;
  if (!claims.contains(name)) return out;
  const auto& v = claims[name];
  if (v.is_string()) {
    // A space- or comma-separated list, as some providers send roles.
    std::string item;
    for (char ch : v.get<std::string>() + ",") {
      if (ch == ',' || ch == ' ') {
        if (!item.empty()) out.push_back(item);
        item.clear();
      } else {
        item += ch;
      }
    }
  } else if (v.is_array()) {
    for (const auto& e : v)
      if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

// A role claim's value as the groups' mappings name it (domain/directory_groups.hpp):
// "oidc:<provider>:<claim>=<value>", lowercase.
std::string role_group(const OidcSettings& s, const std::string& value) {
  std::string g = "oidc:" + s.name + ":" + s.role_claim + "=" + value;
  std::transform(g.begin(), g.end(), g.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return g;
}

ExternalProfile external_profile(const OidcProfile& p, const std::string& provider) {
  ExternalProfile e;
  e.issuer = p.issuer;
  e.subject = p.subject;
  e.login = "";  // a provider's account has no login here: it signs in at the provider
  e.name = p.name.empty() ? "Pessoa de " + provider : p.name;
  if (p.email) e.emails = {*p.email};
  e.add_emails = true;
  e.cpf = p.cpf;
  e.groups = p.roles;
  return e;
}

}  // namespace

const char* const kOidcRefusedMessage =
    "Não foi possível confirmar sua entrada pelo provedor de identidade. Tente entrar de novo.";
const char* const kOidcUnavailableMessage =
    "O provedor de identidade não respondeu. Tente de novo em alguns minutos; quem tem senha "
    "local no Guichê continua entrando normalmente.";

std::string oidc_mfa_required_message(const std::string& provider_label) {
  return "Para entrar como servidor da central de serviços pelo " + provider_label +
         ", é preciso usar a verificação em duas etapas da sua conta. Ative-a no " +
         provider_label + " e entre de novo.";
}

OidcProfile oidc_profile(const OidcSettings& settings, const nlohmann::json& claims) {
  OidcProfile p;
  p.issuer = claim_text(claims, "iss");
  p.subject = claim_text(claims, settings.subject_claim);
  // Acesso Cidadão's subNovo replaces its deprecated `sub` where it is sent.
  if (p.subject.empty()) p.subject = claim_text(claims, "sub");
  p.name = claim_text(claims, "name");
  if (p.name.empty()) p.name = claim_text(claims, "social_name");
  if (claim_true(claims, "email_verified")) {
    if (auto email = normalize_email(claim_text(claims, "email"))) p.email = email;
  }
  // Acesso Cidadão sends "cpf"; gov.br's subject is the CPF itself.
  for (const auto* key : {"cpf", "CPF"}) {
    if (auto cpf = normalize_cpf(claim_text(claims, key))) {
      p.cpf = cpf;
      break;
    }
  }
  if (!p.cpf && settings.name == "govbr") p.cpf = normalize_cpf(claim_text(claims, "sub"));
  p.amr = claim_values(claims, "amr");
  if (!settings.role_claim.empty()) {
    std::vector<std::string> groups;
    for (const auto& v : claim_values(claims, settings.role_claim))
      groups.push_back(role_group(settings, v));
    p.roles = groups;
  }
  return p;
}

bool has_second_factor(const std::vector<std::string>& amr) {
  static const std::vector<std::string> second = {"mfa", "otp",  "hwk",  "swk", "sms",
                                                  "fpt", "face", "iris", "sc",  "x509"};
  return std::any_of(amr.begin(), amr.end(), [](const std::string& m) {
    return std::find(second.begin(), second.end(), m) != second.end();
  });
}

bool holds_desk_role(const Person& p) {
  return std::any_of(p.roles.begin(), p.roles.end(), [](const RoleGrant& g) {
    return g.role != Role::requester && g.role != Role::org_manager;
  });
}

AuthBackendInfo OidcBackend::info() const {
  const auto& s = settings();
  std::string detail = "Emissor " + s.issuer + ", cliente " + s.client_id;
  if (s.subject_claim != "sub") detail += ", sujeito pela declaração " + s.subject_claim;
  if (s.require_mfa_for_staff) detail += ", servidores com verificação em duas etapas";
  if (!s.role_claim.empty()) detail += ", papéis pela declaração " + s.role_claim;
  return {"oidc:" + s.name, "OpenID Connect: " + label(), detail};
}

std::string OidcBackend::label() const {
  const auto& name = settings().name;
  if (name == "govbr") return "gov.br";
  if (name == "acessocidadao") return "Acesso Cidadão";
  return name;
}

OidcResolution OidcBackend::resolve(const nlohmann::json& claims,
                                    std::optional<std::int64_t> link_person,
                                    const store::ExternalSessionKeep& session) {
  const auto profile = oidc_profile(settings(), claims);
  OidcResolution out;
  if (profile.subject.empty() || profile.issuer.empty()) {
    out.message = kOidcRefusedMessage;
    return out;
  }
  std::optional<Person> linked;
  std::optional<Person> holder;
  ctx_.db.read([&](store::Connection& c) {
    if (auto id = store::person_of_external_identity(c, profile.issuer, profile.subject))
      linked = store::load_person(c, *id);
    if (!linked && !link_person && profile.email)
      holder = store::find_person_by_email(c, *profile.email);
  });
  if (link_person) {
    if (linked && linked->id != *link_person) {
      out.message = "Esta conta do " + label() + " já está vinculada a outra pessoa.";
      return out;
    }
    if (!linked) {
      ctx_.db.write([&](store::Connection& c) {
        store::insert_external_identity(c, profile.issuer, profile.subject, *link_person,
                                        ctx_.now());
      });
    }
    ctx_.db.read([&](store::Connection& c) { out.person = store::load_person(c, *link_person); });
    out.kind = OidcResolution::Kind::linked;
    return out;
  }
  // Checked before anything is written: a refused staff sign-in changes nothing.
  if (linked && settings().require_mfa_for_staff && holds_desk_role(*linked) &&
      !has_second_factor(profile.amr)) {
    out.message = oidc_mfa_required_message(label());
    return out;
  }
  if (!linked && holder && holder->active) return send_link_code(profile, *holder, session);
  auto person = sign_in_external_person(ctx_, external_profile(profile, label()));
  // Roles a mapping of the role claim gave just now count too.
  if (settings().require_mfa_for_staff && holds_desk_role(person) &&
      !has_second_factor(profile.amr)) {
    out.message = oidc_mfa_required_message(label());
    return out;
  }
  out.kind = OidcResolution::Kind::person;
  out.person = std::move(person);
  return out;
}

OidcResolution OidcBackend::send_link_code(const OidcProfile& profile, const Person& holder,
                                           const store::ExternalSessionKeep& session) {
  OidcResolution out;
  const auto token = send_external_link_code(
      ctx_, notices_, holder, {settings().name, label(), profile.issuer, profile.subject, session});
  if (!token) {
    out.message = kTooManyLinkCodesMessage;
    return out;
  }
  out.kind = OidcResolution::Kind::confirm_by_email;
  out.link_token = *token;
  out.masked_email = masked_email(*profile.email);
  return out;
}

std::optional<ExternalLinkConfirmed> OidcBackend::confirm_link(const std::string& link_token,
                                                               const std::string& code,
                                                               std::string& message) {
  return confirm_external_link_code(ctx_, settings().name, label(), link_token, code, message);
}

}  // namespace guiche::app
