#pragma once
// The password stored in Guichê (argon2id, app/accounts/passwords.hpp): the
// way every person without a directory account signs in, and the one that
// still works when the directory is down.
#include "app/accounts/auth/auth_backend.hpp"
#include "app/desk_context.hpp"

namespace guiche::app {

class LocalPasswordBackend : public AuthBackend {
 public:
  explicit LocalPasswordBackend(DeskContext& context) : ctx_(context) {}
  AuthBackendInfo info() const override;
  // not_mine for a login without a local password (unknown, or a person of
  // the directory), refused for a wrong password or an inactive person.
  PasswordCheck check_password(const std::string& login, const std::string& password) override;

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
