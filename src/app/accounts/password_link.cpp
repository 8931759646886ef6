// "Esqueci minha senha": a person who forgot their password asks, by login or
// e-mail, for a link that lets them choose a new one (issue 19, item 8).
//
// - The answer is the same whether or not the address belongs to anyone, so
//   the form tells nobody who has an account; a link goes only to an active
//   person with a login and an e-mail, at most three an hour per person and
//   a few a minute per client address (the login throttle's growing delay);
//   never to a person who signs in through a directory, whose password is the
//   directory's.
// - The link's token is 32 random bytes; only its SHA-256 is stored
//   (store/password_link_rows.hpp), and the e-mail's body is erased from the
//   outbox once sent (store/outbox_rows.cpp), as a first access's password is.
// - It lasts an hour and serves once; using it ends every other link of the
//   person and every session they had (whoever knew the old password is out).
#include <chrono>

#include "app/accounts/accounts.hpp"
#include "app/accounts/passwords.hpp"
#include "app/notices/notices.hpp"
#include "domain/ascii_text.hpp"
#include "domain/error.hpp"
#include "store/attachment_blobs.hpp"
#include "store/external_identity_rows.hpp"
#include "store/password_link_rows.hpp"
#include "store/person_rows.hpp"
#include "store/session_rows.hpp"
#include "support/random_hex.hpp"

namespace guiche::app {
namespace {

constexpr auto kLinkLifetime = std::chrono::hours(1);
constexpr std::int64_t kLinksPerHour = 3;

}  // namespace

void Accounts::request_password_link(const std::string& login_or_email,
                                     const std::string& address) {
  const std::string wanted = trim_blanks(login_or_email);
  if (wanted.empty()) {
    throw invalid_field("login", "Informe o seu login ou o seu e-mail.");
  }
  const Instant now = ctx_.now();
  // The sign-in's throttle, under names of its own (a request counts against
  // no sign-in): each request counts, and the answer stays the same while it
  // waits.
  const std::string key = "senha:" + wanted;
  const std::string from = "senha:" + address;
  if (ctx_.throttle.wait_needed(key, from, now)) return;
  ctx_.throttle.record_failure(key, from, now);
  ctx_.db.write([&](store::Connection& c) {
    auto person = wanted.find('@') == std::string::npos ? store::find_person_by_login(c, wanted)
                                                        : store::find_person_by_email(c, wanted);
    if (!person || !person->active || !person->login || person->emails.empty()) return;
    // A directory's account changes its password in the directory: a local
    // one would outlive the account there (app/accounts/auth/).
    if (store::has_external_identity(c, person->id)) return;
    if (store::password_links_since(c, person->id, now - kLinkLifetime) >= kLinksPerHour) return;
    const std::string token = random_hex(32);
    store::insert_password_link(c, person->id, store::sha256_hex(token), now, now + kLinkLifetime);
    notices_.enqueue(c, "password_link", *person, std::nullopt,
                     {{"login", *person->login},
                      {"link_url", ctx_.config.public_url + "/senha/redefinir?token=" + token},
                      {"minutes", "60"}},
                     now);
  });
}

void Accounts::reset_password_with_link(const std::string& token, const std::string& next) {
  const Instant now = ctx_.now();
  // Checked first: a short password leaves the link usable for another try.
  const std::string hash = hash_password(next);
  ctx_.db.write([&](store::Connection& c) {
    const auto person_id = store::usable_password_link(c, store::sha256_hex(token), now);
    if (!person_id) {
      throw invalid_field("token",
                          "Este link para criar uma nova senha expirou ou já foi usado: peça "
                          "outro.");
    }
    store::set_password(c, *person_id, hash, false);
    store::close_password_links(c, *person_id, now);
    store::delete_sessions_of(c, *person_id);
  });
  ctx_.directory_changed();  // cached sessions of the person must not outlive the change
}

}  // namespace guiche::app
