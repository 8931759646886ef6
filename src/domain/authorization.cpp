#include "domain/authorization.hpp"

namespace guiche {

std::string_view document_code(AuthorizationDocument d) {
  switch (d) {
    case AuthorizationDocument::contract:
      return "contract";
    case AuthorizationDocument::oficio:
      return "oficio";
    case AuthorizationDocument::service_request:
      return "service_request";
  }
  return "oficio";
}

std::optional<AuthorizationDocument> parse_document(std::string_view code) {
  if (code == "contract") return AuthorizationDocument::contract;
  if (code == "oficio") return AuthorizationDocument::oficio;
  if (code == "service_request") return AuthorizationDocument::service_request;
  return std::nullopt;
}

std::string_view authorization_state_code(AuthorizationState s) {
  switch (s) {
    case AuthorizationState::pending:
      return "pending";
    case AuthorizationState::confirmed:
      return "confirmed";
    case AuthorizationState::rejected:
      return "rejected";
  }
  return "pending";
}

std::optional<AuthorizationState> parse_authorization_state(std::string_view code) {
  if (code == "pending") return AuthorizationState::pending;
  if (code == "confirmed") return AuthorizationState::confirmed;
  if (code == "rejected") return AuthorizationState::rejected;
  return std::nullopt;
}

bool AuthorizedRequester::is_effective_on(Date day) const {
  if (state != AuthorizationState::confirmed) return false;
  if (std::chrono::sys_days{day} < std::chrono::sys_days{valid_from}) return false;
  if (valid_until && std::chrono::sys_days{day} > std::chrono::sys_days{*valid_until}) return false;
  return !is_expired_on(day);
}

bool AuthorizedRequester::is_expired_on(Date day) const {
  return expires_on && std::chrono::sys_days{day} > std::chrono::sys_days{*expires_on};
}

}  // namespace guiche
