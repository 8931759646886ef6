#include "domain/answer_template.hpp"

namespace guiche {

std::string_view template_kind_code(TemplateKind k) {
  return k == TemplateKind::answer ? "answer" : "solution";
}

std::optional<TemplateKind> parse_template_kind(std::string_view code) {
  if (code == "answer") return TemplateKind::answer;
  if (code == "solution") return TemplateKind::solution;
  return std::nullopt;
}

const std::vector<std::string>& answer_placeholders() {
  static const std::vector<std::string> names = {"solicitante", "protocolo", "servico",
                                                 "prazo",       "atendente", "assunto"};
  return names;
}

bool macro_may_set(Status s) {
  return s == Status::in_progress || s == Status::pending_third_party || s == Status::resolved;
}

}  // namespace guiche
