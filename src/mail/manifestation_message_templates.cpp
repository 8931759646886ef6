#include "mail/manifestation_message_templates.hpp"

namespace guiche::mail {
namespace {

const char* const kFooter =
    "\n--\nOuvidoria\nEsta é uma mensagem automática. Para acompanhar ou complementar a "
    "manifestação, use o protocolo e o código de acompanhamento em {{tracking_url}}\n";

std::string with_footer(const char* text) {
  return std::string(text) + kFooter;
}

}  // namespace

const std::map<std::string, StatusMessageDefault>& manifestation_message_defaults() {
  static const std::map<std::string, StatusMessageDefault> table = {
      {"manifestation_registered",
       {"Manifestação registrada: {{manifestation_protocol}}",
        with_footer("Olá, {{name}}.\n\nSua manifestação ({{kind}}) foi registrada com o "
                    "protocolo {{manifestation_protocol}}.\nCódigo de acompanhamento: {{code}}\n"
                    "Prazo para a resposta: {{due}}\n\nGuarde o protocolo e o código: com eles "
                    "você acompanha a manifestação sem precisar de conta.\n"),
        {"name", "kind", "manifestation_protocol", "code", "due", "tracking_url"}}},
      {"manifestation_complement",
       {"Complemente sua manifestação {{manifestation_protocol}}",
        with_footer("Olá, {{name}}.\n\nPara responder à manifestação {{manifestation_protocol}}, "
                    "a ouvidoria precisa que você a complemente:\n\n{{text}}\n\nVocê tem até "
                    "{{complement_due}} para complementar. Enquanto isso, o prazo de resposta "
                    "fica suspenso; sem a complementação, a manifestação será arquivada.\n"),
        {"name", "manifestation_protocol", "text", "complement_due", "tracking_url"}}},
      {"manifestation_extended",
       {"Prazo prorrogado: manifestação {{manifestation_protocol}}",
        with_footer("Olá, {{name}}.\n\nO prazo de resposta da manifestação "
                    "{{manifestation_protocol}} foi prorrogado até {{due}}.\n\nMotivo: {{text}}\n"),
        {"name", "manifestation_protocol", "due", "text", "tracking_url"}}},
      {"manifestation_answered",
       {"Resposta à sua manifestação {{manifestation_protocol}}",
        with_footer("Olá, {{name}}.\n\nA ouvidoria respondeu à sua manifestação "
                    "{{manifestation_protocol}}:\n\n{{text}}\n"),
        {"name", "manifestation_protocol", "text", "tracking_url"}}},
      // To the ouvidoria, like the SLA warnings to a unit: a deadline near or past.
      {"manifestation_deadline",
       {"Manifestação {{manifestation_protocol}}: {{standing}}",
        "Olá, {{name}}.\n\nO prazo de resposta da manifestação {{manifestation_protocol}} "
        "({{kind}}: {{subject}}) {{#overdue}}venceu em{{/overdue}}{{^overdue}}vence em"
        "{{/overdue}} {{due}}.\n\n{{manifestation_url}}\n",
        {"name", "manifestation_protocol", "standing", "kind", "subject", "due",
         "manifestation_url"}}},
  };
  return table;
}

}  // namespace guiche::mail
