#include "app/accounts/auth/external_link_codes.hpp"

#include <chrono>

#include "app/notices/notices.hpp"
#include "app/whatsapp/identity_code.hpp"
#include "store/attachment_blobs.hpp"
#include "store/external_identity_rows.hpp"
#include "store/oidc_sign_in_rows.hpp"
#include "store/person_rows.hpp"
#include "support/random_hex.hpp"

namespace guiche::app {
namespace {

constexpr auto kLinkCodeLifetime = std::chrono::minutes(15);
constexpr std::int64_t kLinkCodesPerHour = 3;
constexpr int kLinkCodeTries = 5;

}  // namespace

const char* const kTooManyLinkCodesMessage =
    "Já enviamos vários códigos para o e-mail desta conta na última hora. Aguarde e tente "
    "de novo mais tarde.";

std::optional<std::string> send_external_link_code(DeskContext& ctx, Notices& notices,
                                                   const Person& holder,
                                                   const ExternalLinkRequest& request) {
  const Instant now = ctx.now();
  const std::string code = new_identity_code();
  const std::string token = random_hex(32);
  bool sent = false;
  ctx.db.write([&](store::Connection& c) {
    if (store::external_link_codes_since(c, holder.id, now - std::chrono::hours(1)) >=
        kLinkCodesPerHour) {
      return;
    }
    store::ExternalLinkCodeRow row;
    row.token_sha256 = store::sha256_hex(token);
    row.code_mac = identity_code_mac(code);
    row.person_id = holder.id;
    row.provider = request.provider;
    row.issuer = request.issuer;
    row.subject = request.subject;
    row.created_at = now;
    row.expires_at = now + kLinkCodeLifetime;
    row.session = request.session;
    store::insert_external_link_code(c, row);
    notices.enqueue(c, "external_link_code", holder, std::nullopt,
                    {{"code", code},
                     {"provider", request.label},
                     {"minutes", std::to_string(kLinkCodeLifetime.count())}},
                    now);
    sent = true;
  });
  if (!sent) return std::nullopt;
  return token;
}

std::optional<ExternalLinkConfirmed> confirm_external_link_code(
    DeskContext& ctx, const std::string& provider, const std::string& label,
    const std::string& link_token, const std::string& code, std::string& message) {
  const Instant now = ctx.now();
  std::optional<ExternalLinkConfirmed> out;
  message = "Este código expirou ou já foi usado. Entre de novo para receber outro.";
  ctx.db.write([&](store::Connection& c) {
    auto row = store::find_external_link_code(c, store::sha256_hex(link_token), now);
    if (!row || row->provider != provider || row->attempts >= kLinkCodeTries) return;
    if (!identity_code_matches(row->code_mac, code)) {
      store::count_external_link_attempt(c, row->id);
      message = "Código incorreto. Confira o código que enviamos ao seu e-mail.";
      return;
    }
    store::use_external_link_code(c, row->id, now);
    auto person = store::load_person(c, row->person_id);
    if (!person || !person->active) return;
    const auto linked = store::person_of_external_identity(c, row->issuer, row->subject);
    if (linked && *linked != person->id) {
      message = "Esta conta do " + label + " já está vinculada a outra pessoa.";
      return;
    }
    if (!linked) store::insert_external_identity(c, row->issuer, row->subject, person->id, now);
    out = ExternalLinkConfirmed{std::move(*person), row->session};
    message.clear();
  });
  return out;
}

}  // namespace guiche::app
