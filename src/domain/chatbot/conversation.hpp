#pragma once
// The state of one WhatsApp conversation, kept by the app between messages (as JSON).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/chatbot/bot_io.hpp"

namespace guiche::chatbot {

enum class Step {
  start,                  // nothing asked: the next message opens (consent, then who is writing)
  consent,                // privacy notice shown: Aceito / Não aceito
  who,                    // unknown phone: Tenho cadastro / Sou cidadão
  identity_key,           // waiting for an e-mail or CPF
  awaiting_lookup,        // LookUpIdentity issued
  code,                   // waiting for the code sent by e-mail
  awaiting_code_check,    // CheckCode issued
  citizen_name,           // waiting for a citizen's name
  ticket_or_new,          // open tickets listed: one of them, or a new request
  ticket_message,         // waiting for the message to add to the chosen ticket
  awaiting_ticket_add,    // AddToTicket issued
  service,                // the catalog: a code, a row, or a description of the need
  reserved_service,       // a citizen chose a reserved service: identify, or another one
  form_field,             // waiting for the answer to `field_key`
  attachments,            // photos and documents, until Concluir
  description,            // waiting for the description
  summary,                // Confirmar / Corrigir / Cancelar
  correction,             // which item to correct
  awaiting_registration,  // RegisterRequest issued
  with_attendant,         // handed over: what the person sends is relayed
};

std::string_view step_code(Step s);
std::optional<Step> parse_step(std::string_view code);

struct Conversation {
  static constexpr int kVersion = 1;

  Step step = Step::start;
  bool consent = false;
  std::optional<PersonFacts> person;  // identified in this conversation by an e-mail code
  std::string citizen_name;           // a citizen who gave a name
  std::string masked_email;           // where the code went
  std::string service_code;           // the service being requested
  bool described_need = false;        // came by describing the need (triage service)
  nlohmann::json answers = nlohmann::json::object();  // the form's answers so far
  std::string field_key;                              // the field being asked
  bool correcting = false;  // answering one item from the summary: back there after it
  std::vector<AttachmentRef> attachments;
  std::string description;
  int catalog_page = 0;
  std::int64_t ticket_id = 0;  // the open ticket chosen
  std::string ticket_protocol;
  std::vector<TranscriptLine> transcript;  // the latest lines, for a hand-over
  std::optional<Instant> last_activity;

  nlohmann::json to_json() const;
  // Never throws: a state this version cannot read (another version, a missing or mistyped
  // field, an unknown step) restarts the conversation, keeping the consent and the person
  // identified when those can still be read.
  static Conversation from_json(const nlohmann::json& j);

  // Back to the start of a request, keeping consent, identification and the transcript.
  void restart();
};

}  // namespace guiche::chatbot
