#include "domain/manifestations/manifestation_settings.hpp"

#include <vector>

#include "domain/error.hpp"

namespace guiche {

ManifestationSettings validated_manifestation_settings(const ManifestationSettings& s) {
  std::vector<FieldError> errors;
  auto within = [&](int value, int low, int high, const char* field, const char* label) {
    if (value < low || value > high) {
      errors.push_back({field, std::string(label) + " deve ficar entre " + std::to_string(low) +
                                   " e " + std::to_string(high) + " dias."});
    }
  };
  within(s.answer_days, 1, 30, "answer_days", "O prazo de resposta");
  within(s.extension_days, 0, 30, "extension_days", "A prorrogação");
  within(s.complement_days, 1, 20, "complement_days", "O prazo para complementar");
  within(s.warning_days, 0, 30, "warning_days", "O aviso");
  if (s.calendar.empty()) errors.push_back({"calendar", "Informe o calendário da ouvidoria."});
  if (!errors.empty()) throw invalid("Configuração da ouvidoria inválida.", errors);
  return s;
}

}  // namespace guiche
