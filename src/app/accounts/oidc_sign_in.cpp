// Use cases of signing in with OpenID Connect providers (issue 16, items 3
// and 4): the start and the callback of a sign-in, the e-mail code that
// confirms a link, the provider's sign-out, the links a person manages, and
// the re-check of a session opened through a provider. The provider's own
// part is accounts/auth/oidc_backend.hpp; the tokens a session keeps are
// sealed by it before they reach the database, and nothing here logs them.
#include <algorithm>
#include <chrono>

#include "app/accounts/accounts.hpp"
#include "app/accounts/auth/ldap_backend.hpp"
#include "app/accounts/auth/oidc_backend.hpp"
#include "domain/error.hpp"
#include "observability/log.hpp"
#include "store/attachment_blobs.hpp"
#include "store/oidc_sign_in_rows.hpp"
#include "store/person_rows.hpp"
#include "store/session_rows.hpp"
#include "support/random_hex.hpp"

namespace guiche::app {
namespace {

constexpr auto kSignInLifetime = std::chrono::minutes(10);

std::string callback_uri(const DeskConfig& config, const std::string& name) {
  return config.public_url + "/entrar/oidc/" + name + "/retorno";
}

}  // namespace

void Accounts::use_oidc_provider(std::shared_ptr<OidcProvider> provider) {
  auto backend = std::make_unique<OidcBackend>(ctx_, notices_, std::move(provider));
  oidc_.push_back(backend.get());
  backends_.push_back(std::move(backend));
}

OidcBackend* Accounts::oidc_backend(const std::string& name) const {
  for (auto* b : oidc_) {
    if (b->settings().name == name) return b;
  }
  return nullptr;
}

std::vector<OidcProviderButton> Accounts::oidc_providers() const {
  std::vector<OidcProviderButton> out;
  for (auto* b : oidc_) out.push_back({b->settings().name, b->label()});
  return out;
}

std::optional<std::string> Accounts::start_oidc(const std::string& name,
                                                const std::string& return_to,
                                                std::optional<std::int64_t> link_person) {
  auto* backend = oidc_backend(name);
  if (!backend) return std::nullopt;
  const Instant now = ctx_.now();
  const std::string state = random_hex(32);
  store::OidcSignInRow row;
  row.state_sha256 = store::sha256_hex(state);
  row.provider = name;
  row.nonce = random_hex(32);
  // RFC 7636, 4.1: 43 to 128 characters of [A-Za-z0-9-._~]; 96 hex digits.
  row.code_verifier = random_hex(48);
  row.return_to = return_to;
  row.link_person_id = link_person;
  row.created_at = now;
  row.expires_at = now + kSignInLifetime;
  auto url = backend->provider().authorization_url(state, row.nonce, row.code_verifier,
                                                   callback_uri(ctx_.config, name),
                                                   backend->settings().form_post);
  if (!url) {
    observability::log_error("oidc", "descoberta do provedor falhou", {{"provider", name}});
    throw DomainError(DomainError::Kind::unavailable, kOidcUnavailableMessage);
  }
  ctx_.db.write([&](store::Connection& c) { store::insert_oidc_sign_in(c, row); });
  return url;
}

OidcCallback Accounts::finish_oidc(const std::string& name, const std::string& state,
                                   const std::string& code,
                                   const std::optional<std::string>& front_id_token,
                                   std::optional<std::int64_t> signed_in_person) {
  OidcCallback out;
  out.message = kOidcRefusedMessage;
  auto* backend = oidc_backend(name);
  if (!backend) return out;
  const auto refuse = [&](const std::string& reason) {
    observability::log_notice("oidc", "entrada recusada: " + reason, {{"provider", name}});
    return out;
  };
  const Instant now = ctx_.now();
  std::optional<store::OidcSignInRow> started;
  if (!state.empty() && state.size() <= 200) {
    // Spent before anything else: a state serves one callback, however it ends.
    ctx_.db.write([&](store::Connection& c) {
      started = store::use_oidc_sign_in(c, store::sha256_hex(state), now);
    });
  }
  if (!started || started->provider != name) return refuse("state ausente, usado ou desconhecido");
  if (code.empty() || code.size() > 2000) return refuse("sem código");
  if (started->link_person_id && started->link_person_id != signed_in_person)
    return refuse("o vínculo foi pedido por outra sessão");
  auto answer = backend->provider().exchange_code(code, started->code_verifier,
                                                  callback_uri(ctx_.config, name), started->nonce,
                                                  front_id_token);
  if (answer.outcome == OidcAnswer::Outcome::unavailable) {
    observability::log_error("oidc", "provedor indisponível: " + answer.reason,
                             {{"provider", name}});
    out.kind = OidcCallback::Kind::unavailable;
    out.message = kOidcUnavailableMessage;
    return out;
  }
  if (answer.outcome != OidcAnswer::Outcome::verified) return refuse(answer.reason);
  const auto& tokens = *answer.sign_in;
  auto& provider = backend->provider();
  const store::ExternalSessionKeep kept{provider.seal(tokens.id_token),
                                        provider.seal(tokens.refresh_token),
                                        provider.seal(tokens.access_token), ""};
  OidcResolution resolution;
  try {
    resolution = backend->resolve(tokens.claims, started->link_person_id, kept);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::unauthenticated) throw;
    out.message = e.what();
    return refuse("pessoa inativa");
  }
  out.return_to = started->return_to;
  switch (resolution.kind) {
    case OidcResolution::Kind::refused:
      out.message = resolution.message;
      return refuse("recusada pela regra da central");
    case OidcResolution::Kind::linked:
      out.kind = OidcCallback::Kind::linked;
      ctx_.directory_changed();
      return out;
    case OidcResolution::Kind::confirm_by_email:
      out.kind = OidcCallback::Kind::confirm_by_email;
      out.link_token = resolution.link_token;
      out.masked_email = resolution.masked_email;
      return out;
    case OidcResolution::Kind::person:
      break;
  }
  out.grant = open_external_session(*resolution.person, name, kept, now);
  out.kind = OidcCallback::Kind::signed_in;
  out.message.clear();
  return out;
}

OidcCallback Accounts::confirm_oidc_link(const std::string& name, const std::string& link_token,
                                         const std::string& code) {
  OidcCallback out;
  out.message = kOidcRefusedMessage;
  auto* backend = oidc_backend(name);
  if (!backend || link_token.empty() || link_token.size() > 200) return out;
  auto linked = backend->confirm_link(link_token, code, out.message);
  if (!linked) return out;
  ctx_.directory_changed();
  out.kind = OidcCallback::Kind::signed_in;
  out.grant = open_external_session(linked->person, name, linked->session, ctx_.now());
  out.message.clear();
  return out;
}

std::optional<std::string> Accounts::provider_sign_out_url(const std::string& session_id,
                                                           const std::string& after) {
  if (session_id.empty() || session_id.size() > 128) return std::nullopt;
  std::optional<store::ExternalSessionRow> row;
  ctx_.db.read([&](store::Connection& c) {
    row = store::find_external_session(c, store::sha256_hex(session_id));
  });
  if (!row) return std::nullopt;
  auto* backend = oidc_backend(row->provider);
  if (!backend) return std::nullopt;
  const auto id_token = backend->provider().open(row->kept.id_token).value_or("");
  return backend->provider().end_session_url(id_token, after);
}

bool Accounts::external_session_holds(const std::string& id_hash, Instant now) {
  std::optional<store::ExternalSessionRow> row;
  ctx_.db.read([&](store::Connection& c) { row = store::find_external_session(c, id_hash); });
  if (!row || now - row->checked_at < ctx_.config.session_recheck) return true;
  auto* backend = oidc_backend(row->provider);
  // A provider no longer configured cannot vouch for the session.
  std::optional<bool> holds = false;
  std::string refresh;
  if (row->provider == "ldap") {
    for (const auto& b : backends_) {
      if (auto* directory = dynamic_cast<LdapBackend*>(b.get()))
        holds = directory->still_valid(row->kept.directory_login);
    }
  } else if (backend) {
    refresh = backend->provider().open(row->kept.refresh_token).value_or("");
    const auto access = backend->provider().open(row->kept.access_token).value_or("");
    holds = backend->provider().still_valid(refresh, access);
  }
  if (!holds) return true;  // the provider did not answer: asked again at the next request
  ctx_.db.write([&](store::Connection& c) {
    if (*holds) {
      store::mark_external_session_checked(
          c, id_hash, backend ? backend->provider().seal(refresh) : row->kept.refresh_token, now);
    } else {
      store::delete_session(c, id_hash);
      store::delete_external_session(c, id_hash);
    }
  });
  if (!*holds) {
    observability::log_notice("oidc", "sessão encerrada: o provedor não confirma mais a entrada",
                              {{"provider", row->provider}});
  }
  return *holds;
}

std::vector<ExternalLink> Accounts::external_links(const Actor& a) {
  std::vector<ExternalLink> out;
  ctx_.db.read([&](store::Connection& c) {
    for (const auto& [issuer, subject] : store::external_identities_of(c, a.id())) {
      ExternalLink link{issuer, subject, issuer};
      for (auto* b : oidc_) {
        if (b->settings().issuer == issuer) link.label = b->label();
      }
      if (auto* directory = directory_backend(); directory && directory->issuer() == issuer) {
        link.label = "Diretório (LDAP / Active Directory)";
        link.directory = true;
      }
      out.push_back(link);
    }
  });
  return out;
}

void Accounts::unlink_external(const Actor& a, const std::string& issuer,
                               const std::string& subject) {
  ctx_.db.write([&](store::Connection& c) {
    const auto links = store::external_identities_of(c, a.id());
    const bool mine =
        std::find(links.begin(), links.end(), std::pair{issuer, subject}) != links.end();
    if (!mine) throw not_found("Vínculo não encontrado.");
    const auto hash = store::password_hash_of(c, a.id());
    if (links.size() == 1 && (!hash || hash->empty())) {
      throw invalid_field("vinculo",
                          "Este é o seu único jeito de entrar: sem ele e sem senha local, você "
                          "não conseguiria entrar de novo.");
    }
    store::delete_external_identity(c, a.id(), issuer, subject);
  });
  ctx_.directory_changed();
}

}  // namespace guiche::app
