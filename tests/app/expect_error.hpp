#pragma once
// Small helpers for tests that check how the application layer refuses things.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>

#include "domain/error.hpp"

namespace guiche::testing {

inline std::string kind_name(DomainError::Kind k) {
  switch (k) {
    case DomainError::Kind::malformed:
      return "malformed";
    case DomainError::Kind::rate_limited:
      return "rate_limited";
    case DomainError::Kind::unavailable:
      return "unavailable";
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

// A message a person in Brazil can read: written in Portuguese (it has
// Portuguese accents or one of the everyday words these messages are made of).
inline bool looks_pt_br(const std::string& message) {
  static const std::set<std::string> kWords = {
      "o",       "os",    "da",      "das",          "de",           "do",
      "dos",     "em",    "na",      "no",           "ao",           "um",
      "uma",     "para",  "com",     "este",         "esta",         "não",
      "é",       "só",    "já",      "foi",          "deve",         "ser",
      "ou",      "que",   "mais",    "você",         "somente",      "nome",
      "informe", "use",   "altere",  "escolha",      "digite",       "responda",
      "campo",   "tipo",  "unidade", "desconhecido", "desconhecida", "chamado",
      "anexo",   "cursor"};
  for (const char* letter : {"ç", "ã", "õ", "á", "é", "í", "ó", "ú", "â", "ê", "ô", "à"}) {
    if (message.find(letter) != std::string::npos) return true;
  }
  std::string word;
  for (std::size_t i = 0; i <= message.size(); ++i) {
    const char ch = i < message.size() ? message[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else {
      if (kWords.count(word)) return true;
      word.clear();
    }
  }
  return false;
}

inline bool names_field(const DomainError& e, const std::string& field) {
  return std::any_of(e.fields().begin(), e.fields().end(),
                     [&](const FieldError& f) { return f.field == field; });
}

}  // namespace guiche::testing
