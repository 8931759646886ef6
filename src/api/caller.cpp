#include "api/caller.hpp"

#include "app/accounts/accounts.hpp"
#include "domain/error.hpp"
#include "support/hmac_sha256.hpp"

namespace guiche::api {
namespace {

app::Actor identify(ApiContext& ctx, const http::Request& r) {
  if (auto authorization = r.header("authorization")) {
    const std::string prefix = "Bearer ";
    if (authorization->rfind(prefix, 0) == 0) {
      if (auto actor = ctx.desk.accounts().token_actor(authorization->substr(prefix.size())))
        return *actor;
    }
    throw DomainError(DomainError::Kind::unauthenticated, "Token de acesso inválido ou revogado.");
  }
  auto cookie = r.cookie(kSessionCookie);
  auto session = cookie ? ctx.desk.accounts().session(*cookie) : std::nullopt;
  if (!session) {
    throw DomainError(DomainError::Kind::unauthenticated,
                      "Sessão ausente ou expirada: entre novamente.");
  }
  // Reads are safe; every cookie-authenticated write must prove it comes from
  // our own pages by echoing the session's CSRF token.
  if (r.method != "GET" && r.method != "HEAD") {
    auto token = r.header(kCsrfHeader);
    if (!token || !equal_in_constant_time(*token, session->second)) {
      throw forbidden("Token CSRF ausente ou inválido (cabeçalho X-CSRF-Token).");
    }
  }
  return session->first;
}

}  // namespace

app::Actor require_caller(ApiContext& ctx, const http::Request& r) {
  app::Actor actor = identify(ctx, r);
  http::note_logged_person(actor.id());
  return actor;
}

std::string session_cookie(bool secure, const std::string& value, long max_age) {
  std::string cookie = std::string(kSessionCookie) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

}  // namespace guiche::api
