#pragma once
// The WhatsApp chatbot at work (issue 20, item 3; docs/whatsapp.md): what
// the inbox hands over (app/whatsapp/whatsapp_inbox.hpp), one number's
// pending messages at a time, goes through the conversation engine
// (domain/chatbot/chatbot.hpp), and what the engine asks for is done here,
// in the inbox's write transaction: the conversation's new state, the bot's
// answers (outbox rows of channel "whatsapp", sent by the transport), and
// the effects: consent recorded, a code e-mailed to a registered person,
// the request registered through the intake (a new citizen becomes a
// person with this phone), a message joined to an open ticket, the
// conversation handed to the central as a ticket, a rating recorded.
//
// Besides the engine's own steps:
// - A text or file replying to one of our messages about a ticket
//   (`context.id`) joins that ticket while it is open.
// - Several quick texts (the inbox gathers them) are read as one.
// - Images and documents are fetched before the transaction (prepare(): the
//   Cloud API's URL lasts minutes) and stored like every attachment.
// - A conversation left in the middle expires after `quiet` (expire_quiet()).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/desk_context.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "app/whatsapp/whatsapp_inbox.hpp"
#include "app/whatsapp/whatsapp_media_source.hpp"
#include "domain/chatbot/bot_io.hpp"
#include "domain/chatbot/conversation.hpp"
#include "store/whatsapp_conversation_rows.hpp"

namespace guiche::app {

class Intake;
class Notices;
class TicketWork;

struct WhatsAppConversationsConfig {
  std::chrono::minutes quiet{30};
  std::chrono::minutes code_valid{10};
  int code_attempts = 5;
};

class WhatsAppConversations final : public WhatsAppMessageHandler {
 public:
  WhatsAppConversations(DeskContext& context, TicketLedger& ledger, Intake& intake,
                        TicketWork& work, Notices& notices, WhatsAppConversationsConfig config = {})
      : ctx_(context),
        ledger_(ledger),
        intake_(intake),
        work_(work),
        notices_(notices),
        config_(config) {}

  // Without one, messages with files wait (and are tried again) until one is set.
  void set_media_source(WhatsAppMediaSource* source) { media_ = source; }

  void prepare(const std::string& wa_id,
               const std::vector<store::WhatsAppInboundItem>& messages) override;
  std::vector<Handled> handle(LedgerWrite& w, const std::string& wa_id,
                              const std::vector<store::WhatsAppInboundItem>& messages) override;
  // Ends the conversations quiet for longer than `quiet`, telling each
  // person; returns how many.
  int expire_quiet();

 private:
  // One number's turn, inside the write transaction.
  struct Session {
    LedgerWrite& w;
    std::string wa_id;
    store::WhatsAppConversationRow row;
    chatbot::Conversation conversation;
    std::optional<Person> phone_person;     // the one person this number is registered for
    std::optional<std::int64_t> ticket_id;  // what this turn was about
    std::string outcome;                    // pt-BR
    std::optional<std::vector<chatbot::CatalogService>> catalog;  // read once per turn
    // Files of this turn the desk's policy did not accept ("name (reason)"):
    // the person is told once the turn's other answers are sent.
    std::vector<std::string> not_accepted;
  };
  Session open_session(LedgerWrite& w, const std::string& wa_id);
  void close_session(Session& s);
  // The engine's turn for `input`, and the effects' results fed back to it.
  void converse(Session& s, chatbot::BotInput input);
  chatbot::Facts facts(Session& s);
  // What the engine knows of a person: name and the audiences they belong to.
  chatbot::PersonFacts person_facts(Session& s, const Person& p);
  void send(Session& s, const chatbot::BotMessage& message);
  // Joins a text or file that replies to our message about an open ticket.
  bool join_replied_ticket(Session& s, const nlohmann::json& message);

  // The effects (whatsapp_effects.cpp, whatsapp_requests.cpp); the result to feed back, if any.
  std::optional<chatbot::BotInput> perform(Session& s, const chatbot::Effect& effect);
  chatbot::BotInput look_up_identity(Session& s, const chatbot::LookUpIdentity& e);
  chatbot::BotInput check_code(Session& s, const chatbot::CheckCode& e);
  chatbot::BotInput register_request(Session& s, const chatbot::RegisterRequest& e);
  chatbot::BotInput add_to_ticket(Session& s, const chatbot::AddToTicket& e);
  void hand_over(Session& s, const std::string& transcript);
  void relay(Session& s, const chatbot::RelayToAttendant& e);
  chatbot::BotInput record_evaluation(Session& s, const chatbot::RecordEvaluation& e);

  // Who is writing: the person identified in the conversation, else the phone's.
  std::optional<Person> writer(Session& s);
  // The writer, or a new citizen with this phone known by `name`.
  Person writer_or_citizen(Session& s, const std::string& name);
  // Stores the files as attachments of `ticket_id` by `by`; returns the
  // notes for those the desk refused (kept apart with their reason).
  std::vector<std::string> attach(Session& s, std::int64_t ticket_id, const Person& by,
                                  const std::vector<chatbot::AttachmentRef>& files);

  DeskContext& ctx_;
  TicketLedger& ledger_;
  Intake& intake_;
  TicketWork& work_;
  Notices& notices_;
  WhatsAppConversationsConfig config_;
  WhatsAppMediaSource* media_ = nullptr;
};

}  // namespace guiche::app
