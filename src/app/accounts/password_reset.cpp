// An admin's password reset: the person gets a generated temporary password,
// must change it at the next sign-in, and every session they had ends (the
// reset usually answers a lost or leaked password). The password is e-mailed
// through the outbox like first access, whose body is erased once sent;
// nobody else ever sees it, except the admin once when the person has no
// e-mail address (the desk then hands it over in person or by phone).
#include "app/accounts/accounts.hpp"
#include "app/accounts/passwords.hpp"
#include "app/notices/notices.hpp"
#include "domain/error.hpp"
#include "store/person_rows.hpp"
#include "store/session_rows.hpp"

namespace guiche::app {

PasswordReset Accounts::reset_password(const Actor& a, std::int64_t person_id) {
  require_active(a);
  if (!a.person.has_role(Role::admin)) throw forbidden("Somente administradores fazem isso.");
  const std::string password = generate_password();
  const std::string hash = hash_password(password);
  PasswordReset out;
  ctx_.db.write([&](store::Connection& c) {
    auto person = store::load_person(c, person_id);
    if (!person) throw not_found("Pessoa não encontrada.");
    if (!person->login) {
      throw invalid_field("login",
                          "A pessoa não tem login: cadastre um antes de reiniciar a senha.");
    }
    if (!person->active)
      throw conflict("A pessoa está inativa: reative-a antes de reiniciar a senha.");
    store::set_password(c, person->id, hash, true);
    store::delete_sessions_of(c, person->id);
    out.emailed = !person->emails.empty();
    if (out.emailed) {
      notices_.enqueue(c, "password_reset", *person, std::nullopt,
                       {{"login", *person->login},
                        {"password", password},
                        {"sign_in_url", ctx_.config.public_url + "/entrar"}},
                       ctx_.now());
    } else {
      out.temporary_password = password;
    }
  });
  ctx_.directory_changed();  // cached sessions of the person must not outlive the reset
  return out;
}

}  // namespace guiche::app
