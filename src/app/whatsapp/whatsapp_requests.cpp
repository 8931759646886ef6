// The chatbot's effects on tickets (whatsapp_conversations.hpp): a request
// registered through the intake, a message joined to an open ticket (also
// when the person replies to our message about it), the conversation handed
// to the central as a ticket and what the person says afterwards, and the
// files those carry.
#include <date/tz.h>

#include "app/attachments/attachments.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_work.hpp"
#include "app/whatsapp/whatsapp_conversations.hpp"
#include "domain/chatbot/cloud_inbound.hpp"
#include "domain/chatbot/texts_pt_br.hpp"
#include "domain/error.hpp"
#include "domain/whatsapp/whatsapp_number.hpp"
#include "store/attachment_rows.hpp"
#include "store/person_rows.hpp"
#include "store/ticket_rows.hpp"
#include "store/whatsapp_media_rows.hpp"
#include "store/whatsapp_message_rows.hpp"

namespace guiche::app {
namespace {

constexpr const char* kHandOverSubject = "Atendimento pelo WhatsApp";

std::string refused_note(const std::vector<std::string>& refused) {
  if (refused.empty()) return "";
  std::string note = "\n\nArquivos recebidos e não aceitos (retidos para a equipe):";
  for (const auto& r : refused) note += "\n- " + r;
  return note;
}

}  // namespace

Person WhatsAppConversations::writer_or_citizen(Session& s, const std::string& name) {
  if (auto who = writer(s)) return *who;
  // A new number is itself a verified phone: enough for a citizen (services open to anyone).
  Person citizen;
  citizen.name = name;
  citizen.phone = e164_of_whatsapp(s.wa_id);
  citizen.roles = {{Role::requester, std::nullopt}};
  citizen.id = store::insert_person(s.w.connection(), citizen, std::nullopt, s.w.now());
  s.row.person_id = citizen.id;
  s.phone_person = citizen;
  return citizen;
}

std::vector<std::string> WhatsAppConversations::attach(
    Session& s, std::int64_t ticket_id, const Person& by,
    const std::vector<chatbot::AttachmentRef>& files) {
  auto& c = s.w.connection();
  std::vector<std::string> refused;
  std::vector<store::AttachmentRecord> records;
  for (const auto& file : files) {
    const auto media = store::load_whatsapp_media(c, file.media_ref);
    // prepare() fetched every file of the messages at hand; one missing is tried again.
    if (!media) throw std::runtime_error("arquivo do WhatsApp ainda não obtido: " + file.media_ref);
    if (media->problem) {
      refused.push_back(media->filename + " (" + *media->problem + ")");
      s.not_accepted.push_back(refused.back());
      // Bytes WhatsApp never delivered cannot be kept; the rest are, held.
      if (media->sha256.empty()) continue;
    }
    store::AttachmentRecord record;
    record.ticket_id = ticket_id;
    record.sha256 = media->sha256;
    record.filename = media->filename;
    record.content_type = media->content_type;
    record.size_bytes = media->size_bytes;
    record.uploaded_by = by.id;
    record.is_public = true;
    record.created_at = s.w.now();
    record.held_reason = media->problem.value_or("");
    records.push_back(record);
  }
  if (!records.empty()) {
    ledger_.change_in(s.w, Actor{by, Channel::whatsapp}, ticket_id,
                      [&](LedgerWrite& w, const Ticket&, const std::vector<Unit>&) {
                        std::vector<EventDraft> drafts;
                        for (auto& record : records) {
                          record.id = store::insert_attachment(w.connection(), record);
                          drafts.push_back(attachment_event_draft(record));
                        }
                        return drafts;
                      });
  }
  return refused;
}

chatbot::BotInput WhatsAppConversations::register_request(Session& s,
                                                          const chatbot::RegisterRequest& e) {
  auto& c = s.w.connection();
  try {
    Person requester;
    if (e.person_id) {
      auto known = store::load_person(c, *e.person_id);
      if (!known || !known->active) throw invalid_field("requester", "Cadastro não encontrado.");
      requester = *known;
    } else {
      requester = writer_or_citizen(s, e.citizen_name);
    }
    std::vector<std::string> refused;
    for (const auto& file : e.attachments) {
      if (auto media = store::load_whatsapp_media(c, file.media_ref); media && media->problem) {
        refused.push_back(media->filename + " (" + *media->problem + ")");
      }
    }
    RegisterRequest r;
    r.requester_id = requester.id;
    r.service_code = e.service_code;
    r.subject = e.subject;
    r.description = e.description + refused_note(refused);
    r.form_answers = e.form_answers;
    const Actor actor{requester, Channel::whatsapp};
    const Ticket ticket = intake_.register_in(s.w, actor, r);
    attach(s, ticket.id, requester, e.attachments);
    s.ticket_id = ticket.id;
    s.outcome = "registrou a SA " + ticket.protocol;
    std::string deadline = "a combinar";
    if (ticket.estimated_deadline) {
      deadline = "até " +
                 date::format("%d/%m/%Y", date::make_zoned(ctx_.config.time_zone,
                                                           std::chrono::floor<std::chrono::minutes>(
                                                               *ticket.estimated_deadline)));
    }
    return chatbot::RegistrationResult{true, ticket.protocol, deadline, ""};
  } catch (const DomainError& error) {
    s.outcome = std::string("registro recusado: ") + error.what();
    return chatbot::RegistrationResult{false, "", "", error.what()};
  }
}

chatbot::BotInput WhatsAppConversations::add_to_ticket(Session& s, const chatbot::AddToTicket& e) {
  auto who = writer(s);
  if (!who) return chatbot::TicketMessageResult{false, "Não identificamos quem está escrevendo."};
  s.ticket_id = e.ticket_id;
  try {
    const auto refused = attach(s, e.ticket_id, *who, e.attachments);
    std::string text = e.text;
    if (text.empty() && !e.attachments.empty()) text = "(arquivos enviados pelo WhatsApp)";
    work_.reply_in(s.w, Actor{*who, Channel::whatsapp}, e.ticket_id, text + refused_note(refused));
    s.outcome = "juntada ao chamado";
    return chatbot::TicketMessageResult{true, ""};
  } catch (const DomainError& error) {
    s.outcome = std::string("não juntada: ") + error.what();
    return chatbot::TicketMessageResult{false, error.what()};
  }
}

void WhatsAppConversations::hand_over(Session& s, const std::string& transcript) {
  const std::string fallback_name = s.conversation.citizen_name.empty()
                                        ? "Contato WhatsApp +" + s.wa_id
                                        : s.conversation.citizen_name;
  const Person requester = writer_or_citizen(s, fallback_name);
  RegisterRequest r;
  r.requester_id = requester.id;
  r.service_code = ctx_.config.mail_service_code;
  r.subject = kHandOverSubject;
  r.description = "A pessoa pediu para falar com um atendente pelo WhatsApp.\n\n" + transcript;
  // The central answers whoever asked: triage decides the rest.
  r.form_may_be_incomplete = true;
  const Ticket ticket = intake_.register_in(s.w, Actor{requester, Channel::whatsapp}, r);
  s.row.handover_ticket_id = ticket.id;
  s.ticket_id = ticket.id;
  s.outcome = "repassada à central (SA " + ticket.protocol + ")";
  send(s, chatbot::text_message(chatbot::texts::handed_over_protocol(ticket.protocol)));
}

void WhatsAppConversations::relay(Session& s, const chatbot::RelayToAttendant& e) {
  auto& c = s.w.connection();
  std::optional<Ticket> ticket;
  if (s.row.handover_ticket_id) ticket = store::load_ticket(c, *s.row.handover_ticket_id);
  if (!ticket || !status_is_open(ticket->status)) {
    return hand_over(s, "Pessoa: " + e.text + "\n");
  }
  const auto who = writer(s);
  if (!who) return hand_over(s, "Pessoa: " + e.text + "\n");
  const auto refused = attach(s, ticket->id, *who, e.attachments);
  std::string text = e.text.empty() ? "(arquivos enviados pelo WhatsApp)" : e.text;
  work_.reply_in(s.w, Actor{*who, Channel::whatsapp}, ticket->id, text + refused_note(refused));
  s.ticket_id = ticket->id;
  s.outcome = "repassada ao atendente (SA " + ticket->protocol + ")";
}

bool WhatsAppConversations::join_replied_ticket(Session& s, const nlohmann::json& message) {
  const std::string type = message.value("type", "");
  if (type != "text" && type != "image" && type != "document") return false;
  if (!message.contains("context") || !message["context"].is_object()) return false;
  const std::string replied = message["context"].value("id", "");
  auto& c = s.w.connection();
  const auto ours = store::load_whatsapp_message(c, replied);
  if (!ours || !ours->ticket_id) return false;
  const auto ticket = store::load_ticket(c, *ours->ticket_id);
  const auto who = writer(s);
  // Open tickets only: a reply to a resolution is read by the chatbot (a rating, a new need).
  if (!ticket || !who || ticket->requester_id != who->id || !status_is_open(ticket->status)) {
    return false;
  }
  chatbot::AddToTicket add;
  add.ticket_id = ticket->id;
  if (type == "text") {
    if (!message.contains("text") || !message["text"].is_object()) return false;
    add.text = message["text"].value("body", "");
  } else if (const auto input = chatbot::bot_input_of_cloud_message(message);
             std::holds_alternative<chatbot::MediaIn>(input)) {
    const auto& media = std::get<chatbot::MediaIn>(input);
    add.text = media.caption;
    add.attachments.push_back({media.media_ref, media.mime_type, media.filename});
  }
  const auto result = std::get<chatbot::TicketMessageResult>(add_to_ticket(s, add));
  if (result.added) s.outcome = "juntada à SA " + ticket->protocol + " (resposta a mensagem nossa)";
  return result.added;
}

}  // namespace guiche::app
