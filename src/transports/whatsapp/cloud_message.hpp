#pragma once
// The Cloud API requests an outbox row becomes (BRAZIL.md, 7.1): its
// free-form message (the payload's, or the row's text as a text message) and
// the template that replaces it outside the 24-hour window.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "store/outbox_message.hpp"
#include "store/whatsapp_payload.hpp"

namespace guiche::transports {

// `to`: the recipient's digits.
nlohmann::json free_form_request(const std::string& to, const store::OutboxMessage& row,
                                 const store::WhatsAppPayload& payload);
nlohmann::json template_request(const std::string& to, const store::WhatsAppTemplateCall& call,
                                const std::optional<std::string>& context);
// A file already uploaded (its media id), as an image (JPEG and PNG, which
// WhatsApp shows inline) or else a document.
nlohmann::json media_message(const std::string& mime, const std::string& media_id,
                             const std::string& filename, const std::string& caption);

}  // namespace guiche::transports
