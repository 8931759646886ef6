#pragma once
// Small helpers for tests that check how the application layer refuses things.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>

#include "domain/error.hpp"

namespace guiche::testing {

inline std::string kind_name(DomainError::Kind k) {
  switch (k) {
    case DomainError::Kind::validation:
      return "validation";
    case DomainError::Kind::not_found:
      return "not_found";
    case DomainError::Kind::forbidden:
      return "forbidden";
    case DomainError::Kind::conflict:
      return "conflict";
    case DomainError::Kind::too_large:
      return "too_large";
    case DomainError::Kind::unsupported_type:
      return "unsupported_type";
    case DomainError::Kind::unauthenticated:
      return "unauthenticated";
  }
  return "?";
}

// "ok" when `f` returns, else the kind of the DomainError it threw (other
// exceptions propagate and fail the test).
template <typename F>
std::string outcome(F&& f) {
  try {
    f();
    return "ok";
  } catch (const DomainError& e) {
    return kind_name(e.kind());
  }
}

// The DomainError `f` throws, or nullopt when it returns.
template <typename F>
std::optional<DomainError> error_of(F&& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e;
  }
  return std::nullopt;
}

// A message a person in Brazil can read: non-empty and written in Portuguese.
inline bool looks_pt_br(const std::string& message) {
  static const char* const kWords[] = {
      "não",       "inválid",    "obrigatóri", "Informe",   "chamado", "Chamado",   "arquivo",
      "serviço",   "Serviço",    "formulário", "excede",    "prazo",   "avaliação", "Tipo",
      "vazio",     "Cursor",     "protocolo",  "encontrad", "contém",  "deve",      "Só ",
      "Somente",   "Você",       "Dados",      "pessoa",    "Pessoa",  "senha",     "Altere",
      "Órgão",     "Use a ação", "Escolha",    "Campo",     "Unidade", "vínculo",   "responsável",
      "Já existe", "linha"};
  if (message.empty()) return false;
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](const char* w) { return message.find(w) != std::string::npos; });
}

inline bool names_field(const DomainError& e, const std::string& field) {
  return std::any_of(e.fields().begin(), e.fields().end(),
                     [&](const FieldError& f) { return f.field == field; });
}

}  // namespace guiche::testing
