#include "app/notices/whatsapp_notice.hpp"

#include <map>

#include "mail/templates.hpp"

namespace guiche::app {
namespace {

// WhatsApp's own limits (text and list bodies: 4096 characters;
// scripts/test-servers/whatsapp_cloud_shapes.py cites Meta's pages).
constexpr std::size_t kBodyLimit = 4096;

const std::map<std::string, std::string>& short_texts() {
  static const std::map<std::string, std::string> texts = {
      {"registration",
       "Olá, {{name}}! Sua solicitação foi registrada.\n*Protocolo:* {{protocol}}\n"
       "*Assunto:* {{subject}}\n*Prazo estimado:* {{deadline}}\nAcompanhe em {{ticket_url}}"},
      {"information_request",
       "Olá, {{name}}. Para continuar a SA {{protocol}}, precisamos de informações suas:\n\n"
       "{{text}}\n\nResponda aqui mesmo. Enquanto aguardamos, o prazo fica suspenso."},
      {"agent_reply", "Nova mensagem na SA {{protocol}} ({{agent}}):\n\n{{text}}"},
      {"resolution",
       "A SA {{protocol}} foi resolvida.\n\n{{resolution}}\n\nComo você avalia o atendimento? "
       "Escolha uma nota de 1 a 5. Se o problema continuar, peça a reabertura até "
       "{{reopen_until}} em {{reopen_url}}"},
      {"closing", "A SA {{protocol}} ({{subject}}) foi encerrada. Obrigado por usar a Central!"},
      {"merged",
       "A SA {{protocol}} trata do mesmo problema que a SA {{into_protocol}} e foi unida a ela. "
       "As novidades do atendimento chegarão por aqui."},
      {"merge_undone",
       "A SA {{protocol}} voltou a ser atendida por si (não faz mais parte da SA "
       "{{into_protocol}})."},
      {"merged_news",
       "Novidades na SA {{into_protocol}}, à qual a sua SA {{protocol}} foi "
       "unida:\n\n{{news}}"},
      {"reopening",
       "A SA {{protocol}} ({{subject}}) foi reaberta pelo solicitante.\nMotivo: {{reason}}\n"
       "{{ticket_url}}"},
      {"sla_warning",
       "Atenção: o prazo de {{target}} da SA {{protocol}} termina em {{deadline}}.\n"
       "{{ticket_url}}"},
      {"sla_breach",
       "O prazo de {{target}} da SA {{protocol}} terminou em {{deadline}}.\n{{ticket_url}}"},
  };
  return texts;
}

std::string cut(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t at = limit - 3;  // room for "…"
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return text.substr(0, at) + "…";
}

nlohmann::json evaluation_list(std::int64_t ticket_id, const std::string& body) {
  static const char* const labels[] = {"",        "1 – Péssimo",  "2 – Ruim", "3 – Regular",
                                       "4 – Bom", "5 – Excelente"};
  nlohmann::json rows = nlohmann::json::array();
  for (int n = 5; n >= 1; --n)
    rows.push_back({{"id", evaluation_reply_id(ticket_id, n)}, {"title", labels[n]}});
  return {{"type", "interactive"},
          {"interactive",
           {{"type", "list"},
            {"body", {{"text", body}}},
            {"action",
             {{"button", "Avaliar"},
              {"sections", nlohmann::json::array({{{"title", "Sua nota"}, {"rows", rows}}})}}}}}};
}

}  // namespace

std::string evaluation_reply_id(std::int64_t ticket_id, int score) {
  return "avaliar:" + std::to_string(ticket_id) + ":" + std::to_string(score);
}

WhatsAppNotice whatsapp_notice(const std::string& key, const nlohmann::json& values,
                               std::optional<std::int64_t> ticket_id, const std::string& email_text,
                               const WhatsAppTemplates& templates) {
  nlohmann::json v = values;
  if (key == "registration") {
    v["deadline"] = v.value("is_project", false) ? std::string("a combinar")
                                                 : v.value("estimated_deadline", std::string());
  }
  WhatsAppNotice n;
  const auto text = short_texts().find(key);
  if (text == short_texts().end()) {
    n.text = cut(email_text, kBodyLimit);
  } else {
    mail::Template t;
    t.key = key;
    t.channel = "whatsapp";
    t.text = text->second;
    n.text = cut(mail::render(t, v).text, kBodyLimit);
  }
  if (key == "resolution" && ticket_id) n.payload.message = evaluation_list(*ticket_id, n.text);
  n.payload.template_call = templates.call_for(key, v, n.text);
  return n;
}

}  // namespace guiche::app
