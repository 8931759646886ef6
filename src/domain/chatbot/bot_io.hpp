#pragma once
// What goes into the chatbot with each turn (the input and the facts the app looked up) and
// what comes out (messages to send, effects for the app to perform). See chatbot.hpp.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/chatbot/bot_message.hpp"
#include "domain/service.hpp"
#include "domain/time.hpp"

namespace guiche::chatbot {

// ---- Facts: what the app knows, given with every input -------------------------------------

struct PersonFacts {
  std::int64_t id = 0;
  std::string name;
  bool may_use_public_servant_services = false;  // Audience::public_servants
  bool may_use_authorized_services = false;      // Audience::authorized_requesters
};

struct OpenTicket {
  std::int64_t id = 0;
  std::string protocol;  // "2026-000123"
  std::string subject;
};

struct CatalogService {  // a service open to WhatsApp
  std::string code;
  std::string name;
  Audience audience = Audience::anyone;
  std::vector<FormField> form;
};

struct Facts {
  // The person the phone matched (both Brazilian forms), if any.
  std::optional<PersonFacts> person;
  // That person's open tickets (or, once the conversation identified someone by code, that
  // person's: see Conversation::person), newest first, at most 10.
  std::vector<OpenTicket> open_tickets;
  std::vector<CatalogService> catalog;
  // Where a need described in words goes for the central's triage (a code of the catalog).
  std::string triage_service_code;
  // The desk's privacy notice (/privacidade), linked from the consent question; none when empty.
  std::string privacy_url;
  Instant now{};
  Date today{};  // the desk's local date (examples and checks of typed dates)
};

// ---- Inputs ----------------------------------------------------------------------------------

struct TextIn {
  std::string text;
};
struct ChoiceIn {  // a reply button or list row the person tapped
  std::string id;
  std::string title;
};
struct MediaIn {          // an image or document
  std::string media_ref;  // what the app needs to fetch it (WhatsApp's media id)
  std::string mime_type;
  std::string filename;  // documents carry one; images do not
  std::string caption;
};
struct UnsupportedIn {  // audio, sticker, location, contacts, reaction…
  std::string type;
};
struct QuietTimeout {};  // the app decided the conversation expired

// Results of effects (below), fed back by the app once it performed them.
struct IdentityLookupResult {
  bool found = false;
  std::string masked_email;  // where the code went ("m***a@sefaz.ms.gov.br")
};
struct CodeCheckResult {
  enum class Outcome { ok, wrong, expired };
  Outcome outcome = Outcome::wrong;
  std::optional<PersonFacts> person;  // with ok
};
struct RegistrationResult {
  bool registered = false;
  std::string protocol;
  std::string deadline;  // as the person should read it: "até 05/05/2026"
  std::string reason;    // pt-BR, when refused
};
struct TicketMessageResult {
  bool added = false;
  std::string reason;
};
struct EvaluationResult {
  bool recorded = false;
  std::string reason;
};

using BotInput =
    std::variant<TextIn, ChoiceIn, MediaIn, UnsupportedIn, QuietTimeout, IdentityLookupResult,
                 CodeCheckResult, RegistrationResult, TicketMessageResult, EvaluationResult>;

// ---- Effects ---------------------------------------------------------------------------------

struct AttachmentRef {
  std::string media_ref;
  std::string mime_type;
  std::string filename;
};

struct TranscriptLine {
  std::string from;  // "pessoa" or "bot"
  std::string text;
};

// The person accepted the privacy notice (LGPD): record it for the phone.
struct RecordConsent {
  std::string notice;  // the notice's text as shown
};
// Find a registered person by e-mail or CPF and, if found, send a code to their e-mail.
// Result: IdentityLookupResult.
struct LookUpIdentity {
  enum class By { email, cpf };
  By by = By::email;
  std::string value;  // normalized: lowercased e-mail, or the CPF's 11 digits
};
// Check the code the person typed against the last one sent. Result: CodeCheckResult.
struct CheckCode {
  std::string code;
};
// Register a request on the WhatsApp channel, from the phone. Result: RegistrationResult.
struct RegisterRequest {
  std::optional<std::int64_t> person_id;  // a known or identified person…
  std::string citizen_name;               // …or a new citizen, known by this name and the phone
  std::string service_code;
  std::string subject;
  std::string description;
  nlohmann::json form_answers = nlohmann::json::object();  // passes validate_form_answers
  std::vector<AttachmentRef> attachments;
};
// Add the person's message to one of their open tickets. Result: TicketMessageResult.
struct AddToTicket {
  std::int64_t ticket_id = 0;
  std::string text;
  std::vector<AttachmentRef> attachments;
};
// Put the conversation in the central's queue for a person to answer. No result.
struct HandOver {
  std::vector<TranscriptLine> transcript;
};
// While an attendant has the conversation: pass on what the person sent. No result.
struct RelayToAttendant {
  std::string text;
  std::vector<AttachmentRef> attachments;
};
// A rating from the resolution notice's buttons. Result: EvaluationResult.
struct RecordEvaluation {
  std::int64_t ticket_id = 0;
  int stars = 0;  // 1–5
};

using Effect = std::variant<RecordConsent, LookUpIdentity, CheckCode, RegisterRequest, AddToTicket,
                            HandOver, RelayToAttendant, RecordEvaluation>;

struct BotOutput {
  std::vector<BotMessage> messages;  // to send, in order
  std::vector<Effect> effects;       // to perform, in order, after saving the conversation
};

}  // namespace guiche::chatbot
