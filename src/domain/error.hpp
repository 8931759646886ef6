#pragma once
// Errors a person can act on. Every rule violation in the domain or the
// application layer is a DomainError with a pt-BR message; the HTTP face maps
// the kind to a status code and the CLI to exit code 2.
#include <stdexcept>
#include <string>
#include <vector>

namespace guiche {

struct FieldError {
  std::string field;
  std::string message;  // pt-BR
};

class DomainError : public std::runtime_error {
 public:
  enum class Kind {
    malformed,         // 400: input that cannot even be read (broken JSON, bad cursor syntax)
    validation,        // 422: well-formed input that breaks a rule
    not_found,         // 404: also for objects the caller may not know exist
    forbidden,         // 403
    conflict,          // 409: forbidden transition, stale version, duplicate
    too_large,         // 413
    unsupported_type,  // 415
    unauthenticated,   // 401
    rate_limited,      // 429: e.g. too many failed sign-ins
    unavailable,       // 503: a server the desk relies on (the sign-in directory) does not answer
  };

  DomainError(Kind kind, std::string message, std::vector<FieldError> fields = {})
      : std::runtime_error(message), kind_(kind), fields_(std::move(fields)) {}

  Kind kind() const { return kind_; }
  const std::vector<FieldError>& fields() const { return fields_; }

 private:
  Kind kind_;
  std::vector<FieldError> fields_;
};

inline DomainError invalid(std::string message, std::vector<FieldError> fields = {}) {
  return DomainError(DomainError::Kind::validation, std::move(message), std::move(fields));
}
inline DomainError invalid_field(const std::string& field, const std::string& message) {
  return DomainError(DomainError::Kind::validation, message, {{field, message}});
}
inline DomainError malformed(std::string message) {
  return DomainError(DomainError::Kind::malformed, std::move(message));
}
inline DomainError not_found(std::string message) {
  return DomainError(DomainError::Kind::not_found, std::move(message));
}
inline DomainError forbidden(std::string message) {
  return DomainError(DomainError::Kind::forbidden, std::move(message));
}
inline DomainError conflict(std::string message) {
  return DomainError(DomainError::Kind::conflict, std::move(message));
}

}  // namespace guiche
