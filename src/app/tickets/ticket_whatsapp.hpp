#pragma once
// A ticket's WhatsApp conversation as the agent sees it
// (TicketReads::whatsapp_conversation): what the requester wrote and what the
// desk sent back (the chatbot, notices, agents' replies), each with where it
// stands, and whether the requester's 24-hour customer-service window is open
// (store/whatsapp_window_rows.hpp): inside it an answer goes as written,
// outside it only as an approved template (docs/whatsapp.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"

namespace guiche::app {

enum class WhatsAppWindowState {
  open,        // until `window_until`
  closed,      // answers go as approved templates
  no_phone,    // the requester has no WhatsApp number
  channel_off  // the desk's WhatsApp channel is not configured
};

struct WhatsAppAttachment {
  std::string type;      // "image", "document"
  std::string filename;  // documents carry one; images do not
};

struct WhatsAppLine {
  bool from_requester = false;
  // Outbound: the agent whose reply or resolution this notice carries; empty
  // when the desk wrote it (the chatbot, an automatic notice).
  std::string author;
  Instant at{};
  std::string text;
  std::vector<WhatsAppAttachment> attachments;
  // Inbound of a type with no text the desk reads (audio, sticker,
  // location…): the Cloud API's type; empty otherwise.
  std::string other_type;
  // Inbound: received (processed), waiting (not processed yet), failed.
  // Outbound: queued, sent, delivered, read, failed.
  std::string state;
  std::string reason;        // failed (or queued after a failed attempt): why, pt-BR or the API's
  bool as_template = false;  // went as an approved template (outside the window)
};

struct TicketWhatsApp {
  // The ticket came by WhatsApp or has any WhatsApp message.
  bool shown = false;
  WhatsAppWindowState window = WhatsAppWindowState::no_phone;
  std::optional<Instant> window_until;
  // A public reply to the ticket would reach the requester by WhatsApp
  // (app/notices/notice_route.hpp), not by e-mail.
  bool replies_by_whatsapp = false;
  std::vector<WhatsAppLine> messages;  // oldest first, the newest 200
};

}  // namespace guiche::app
