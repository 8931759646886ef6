#pragma once
// A notice as it goes by WhatsApp: not the long e-mail but a short pt-BR text
// per notice key (the resolution asks for the evaluation, 1 to 5, as an
// interactive list whose rows answer "avaliar:<ticket id>:<n>"), and the
// approved template standing in for it outside the 24-hour window
// (app/whatsapp/whatsapp_templates.hpp). Keys without a short text of their
// own (status notices, accounts) go as their e-mail text, cut to WhatsApp's
// 4096 characters, with the fallback template.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/whatsapp/whatsapp_templates.hpp"
#include "store/whatsapp_payload.hpp"

namespace guiche::app {

struct WhatsAppNotice {
  std::string text;  // what the person reads (the outbox row's text_body)
  store::WhatsAppPayload payload;
};

// `values`: the notice's values (name, protocol, ...), as the e-mail
// template has them; `email_text`: the e-mail's text, for keys without a
// short text.
WhatsAppNotice whatsapp_notice(const std::string& key, const nlohmann::json& values,
                               std::optional<std::int64_t> ticket_id, const std::string& email_text,
                               const WhatsAppTemplates& templates);

// The id an evaluation row answers with: "avaliar:<ticket id>:<n>".
std::string evaluation_reply_id(std::int64_t ticket_id, int score);

}  // namespace guiche::app
