#pragma once
// The ways a person proves who they are (issue 16): one part per way, behind
// this interface, in the shape of Znuny's Auth/{DB,LDAP,...}. The accounts
// service (app/accounts/accounts.hpp) holds the parts the server was started
// with, always the local password first (local_password_backend.hpp), then the
// directory (ldap_backend.hpp) when `guiche serve --ldap-url` is given. A
// redirecting provider (OpenID Connect) will be one more part: it answers
// info() like the others and takes no password, so check_password keeps its
// default and the sign-in form never reaches it.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "domain/person.hpp"

namespace guiche::app {

// What the admin's page shows of a part that is on.
struct AuthBackendInfo {
  std::string key;     // "local", "ldap" (stable, for the API)
  std::string name;    // pt-BR, "Senha local"
  std::string detail;  // pt-BR: what it is set up with; never a secret
};

// For a duplicate found by an e-mail: the person who has it, and the
// account, to be linked once a code sent to that e-mail is typed back.
struct LinkOffer {
  std::int64_t person_id = 0;
  std::string email;
  std::string issuer;
  std::string subject;
  std::string login;  // as typed: the session the code opens looks it up again
};

// The answer of one part to a login and a password.
struct PasswordCheck {
  enum class Outcome {
    not_mine,     // this part does not know the login: ask the next
    signed_in,    // `person` proved it
    refused,      // the part knows the login and refuses it (wrong password,
                  // disabled or removed account): the same answer as an
                  // unknown login, so nobody learns which logins exist
    unavailable,  // the part could not tell (its server is down): `message`
    duplicate,    // the account proved itself but is nobody's yet, and signing it
                  // in would make a second record of a person who already has
                  // one (the same e-mail or login): `message` (pt-BR) says how
                  // to link it instead
  };
  // The parts answer {outcome, person, message}; only a duplicate has an offer.
  PasswordCheck(Outcome outcome_ = Outcome::not_mine, std::optional<Person> person_ = std::nullopt,
                std::string message_ = "", std::optional<LinkOffer> offer_ = std::nullopt)
      : outcome(outcome_),
        person(std::move(person_)),
        message(std::move(message_)),
        offer(std::move(offer_)) {}
  Outcome outcome;
  std::optional<Person> person;
  std::string message;             // pt-BR, for unavailable and duplicate
  std::optional<LinkOffer> offer;  // duplicate, by an e-mail
};

class AuthBackend {
 public:
  virtual ~AuthBackend() = default;
  virtual AuthBackendInfo info() const = 0;
  // Parts that take a login and a password answer here; the others keep this.
  virtual PasswordCheck check_password(const std::string& login, const std::string& password) {
    (void)login;
    (void)password;
    return {};
  }
};

}  // namespace guiche::app
