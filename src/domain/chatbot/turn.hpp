#pragma once
// Inside the chatbot (chatbot.hpp): one turn's context and the handlers of each part of the
// conversation, shared by chatbot*.cpp. Not for use outside src/domain/chatbot/.
#include <optional>
#include <string>
#include <string_view>

#include "domain/chatbot/bot_io.hpp"
#include "domain/chatbot/conversation.hpp"

namespace guiche::chatbot {

struct Turn {
  Conversation& c;
  const Facts& f;
  BotOutput out;

  void say(BotMessage m);
  void effect(Effect e) { out.effects.push_back(std::move(e)); }
  void remember(std::string from, std::string text);  // the transcript

  // The conversation's identified person, or else the phone's.
  std::optional<PersonFacts> person() const;
  std::string first_name() const;
  const CatalogService* service(std::string_view code) const;

  // The current step's question, opening with `lead` (a hint, a greeting) when not empty.
  BotMessage prompt(std::string_view lead = "") const;
  void ask(std::string_view lead = "") { say(prompt(lead)); }
  // Opens the conversation after consent: tickets, the catalog, or who is writing.
  void open(std::string_view lead = "");
};

// Handlers: text and taps, per part of the conversation (chatbot_identity.cpp,
// chatbot_request.cpp, chatbot_summary.cpp). A tap's id that is not theirs returns false.
bool on_consent(Turn& t, std::string_view id);
bool on_who(Turn& t, std::string_view id);
void on_identity_text(Turn& t, std::string_view text);
void on_code_text(Turn& t, std::string_view text);
void on_citizen_name(Turn& t, std::string_view text);
bool on_ticket_choice(Turn& t, std::string_view id);
void on_ticket_message(Turn& t, std::string_view text, const std::optional<AttachmentRef>& file);
void on_identity_result(Turn& t, const IdentityLookupResult& r);
void on_code_result(Turn& t, const CodeCheckResult& r);
void on_ticket_result(Turn& t, const TicketMessageResult& r);

bool on_catalog_choice(Turn& t, std::string_view id);
void on_catalog_text(Turn& t, std::string_view text);
bool on_reserved_choice(Turn& t, std::string_view id);
void on_field_text(Turn& t, std::string_view text);
bool on_field_choice(Turn& t, std::string_view id);
bool on_attachments_choice(Turn& t, std::string_view id);
void on_attachments_text(Turn& t, std::string_view text);
void on_description(Turn& t, std::string_view text);
void choose_service(Turn& t, const CatalogService& s);
// After a form answer, a correction or the attachments: the next thing to ask.
void advance(Turn& t);

bool on_summary_choice(Turn& t, std::string_view id);
bool on_correction_choice(Turn& t, std::string_view id);
void on_registration_result(Turn& t, const RegistrationResult& r);

// Prompts of the request's steps (chatbot_prompts.cpp).
BotMessage catalog_prompt(const Turn& t, std::string_view lead);
BotMessage field_prompt(const Turn& t, std::string_view lead);
BotMessage summary_prompt(const Turn& t, std::string_view lead);
BotMessage correction_prompt(const Turn& t, std::string_view lead);

// "lead\n\nbody", or body alone.
std::string with_lead(std::string_view lead, std::string body);

}  // namespace guiche::chatbot
