// See whatsapp_conversations.hpp: the turn loop, the facts the engine is
// given, and the bot's answers on their way to the outbox.
#include "app/whatsapp/whatsapp_conversations.hpp"

#include <algorithm>
#include <deque>

#include "domain/audience.hpp"
#include "domain/chatbot/chatbot.hpp"
#include "domain/chatbot/cloud_inbound.hpp"
#include "domain/chatbot/texts_pt_br.hpp"
#include "domain/whatsapp/whatsapp_number.hpp"
#include "mail/mime.hpp"
#include "store/authorization_rows.hpp"
#include "store/organization_rows.hpp"
#include "store/outbox_rows.hpp"
#include "store/person_rows.hpp"
#include "store/service_rows.hpp"
#include "store/ticket_queries.hpp"
#include "store/whatsapp_payload.hpp"

namespace guiche::app {
namespace {

// Effects feed results back; a turn never needs more rounds than this.
constexpr int kMaxRounds = 12;
constexpr int kOpenTicketsShown = 10;

// What the person reads, as staff see it on the ticket and in the outbox.
std::string plain_text(const chatbot::BotMessage& m) {
  std::string text = m.body;
  for (const auto& o : m.options) text += "\n• " + o.title;
  return text;
}

bool is_plain_text(const nlohmann::json& message) {
  return message.value("type", "") == "text" && !message.contains("context") &&
         message.contains("text") && message["text"].is_object();
}

}  // namespace

WhatsAppConversations::Session WhatsAppConversations::open_session(LedgerWrite& w,
                                                                   const std::string& wa_id) {
  Session s{w, wa_id, {}, {}, std::nullopt, std::nullopt, "", std::nullopt, {}};
  auto& c = w.connection();
  if (auto row = store::load_whatsapp_conversation(c, wa_id)) {
    s.row = *row;
    try {
      s.conversation = chatbot::Conversation::from_json(nlohmann::json::parse(row->state));
    } catch (const nlohmann::json::exception&) {
      s.conversation = chatbot::Conversation{};  // unreadable: starts over
    }
  } else {
    s.row.wa_id = wa_id;
  }
  std::vector<std::string> forms;
  for (const auto& digits : whatsapp_number_forms(wa_id)) forms.push_back("+" + digits);
  // A number two people share names neither: they identify themselves.
  auto people = store::active_people_with_phone(c, forms, 2);
  if (people.size() == 1) s.phone_person = people.front();
  return s;
}

void WhatsAppConversations::close_session(Session& s) {
  if (!s.not_accepted.empty()) {
    send(s, chatbot::text_message(chatbot::texts::files_not_accepted(s.not_accepted)));
    s.not_accepted.clear();
  }
  const Instant now = s.w.now();
  s.row.state = s.conversation.to_json().dump();
  s.row.updated_at = now;
  if (s.conversation.person) s.row.person_id = s.conversation.person->id;
  if (!s.row.person_id && s.phone_person) s.row.person_id = s.phone_person->id;
  s.row.expires_at.reset();
  if (s.conversation.step != chatbot::Step::start) s.row.expires_at = now + config_.quiet;
  store::save_whatsapp_conversation(s.w.connection(), s.row);
}

std::vector<WhatsAppMessageHandler::Handled> WhatsAppConversations::handle(
    LedgerWrite& w, const std::string& wa_id,
    const std::vector<store::WhatsAppInboundItem>& messages) {
  Session s = open_session(w, wa_id);
  std::vector<Handled> handled(messages.size());
  std::size_t i = 0;
  while (i < messages.size()) {
    s.ticket_id.reset();
    s.outcome = "respondida pelo assistente";
    const auto message = nlohmann::json::parse(messages[i].item);
    std::size_t next = i + 1;
    if (join_replied_ticket(s, message)) {
      // done: the ticket has it
    } else if (is_plain_text(message)) {
      // Quick texts in a row are one thought ("oi" / "minha impressora" / "não liga").
      std::string text = message["text"].value("body", "");
      while (next < messages.size()) {
        const auto more = nlohmann::json::parse(messages[next].item);
        if (!is_plain_text(more)) break;
        text += "\n" + more["text"].value("body", "");
        ++next;
      }
      converse(s, chatbot::TextIn{text});
    } else {
      converse(s, chatbot::bot_input_of_cloud_message(message));
    }
    for (; i < next; ++i) handled[i] = {s.outcome, s.ticket_id};
  }
  close_session(s);
  return handled;
}

int WhatsAppConversations::expire_quiet() {
  std::vector<std::string> numbers;
  ctx_.db.read([&](store::Connection& c) {
    numbers = store::quiet_whatsapp_conversations(c, ctx_.now(), 100);
  });
  int expired = 0;
  for (const auto& wa_id : numbers) {
    ledger_.write([&](LedgerWrite& w) {
      Session s = open_session(w, wa_id);
      // Read again under the lock: a message may have just kept it alive.
      if (!s.row.expires_at || *s.row.expires_at > w.now()) return;
      converse(s, chatbot::QuietTimeout{});
      close_session(s);
      ++expired;
    });
  }
  return expired;
}

void WhatsAppConversations::converse(Session& s, chatbot::BotInput input) {
  std::deque<chatbot::BotInput> inputs{std::move(input)};
  for (int round = 0; !inputs.empty() && round < kMaxRounds; ++round) {
    const chatbot::BotInput current = std::move(inputs.front());
    inputs.pop_front();
    const chatbot::BotOutput out = chatbot::converse(s.conversation, current, facts(s));
    for (const auto& m : out.messages) send(s, m);
    for (const auto& effect : out.effects) {
      if (auto result = perform(s, effect)) inputs.push_back(std::move(*result));
    }
  }
}

chatbot::Facts WhatsAppConversations::facts(Session& s) {
  auto& c = s.w.connection();
  chatbot::Facts f;
  f.now = s.w.now();
  f.today = ctx_.local_date(f.now);
  if (s.phone_person) f.person = person_facts(s, *s.phone_person);
  const std::optional<std::int64_t> whose =
      s.conversation.person ? std::optional(s.conversation.person->id)
                            : (s.phone_person ? std::optional(s.phone_person->id) : std::nullopt);
  if (whose) {
    store::TicketScope scope;
    scope.requester_ids = {*whose};
    store::TicketFilter filter;
    for (Status st : {Status::new_, Status::triage, Status::assigned, Status::in_progress,
                      Status::pending_requester, Status::pending_third_party, Status::reopened}) {
      filter.statuses.push_back(st);
    }
    filter.limit = kOpenTicketsShown;
    for (const auto& t : store::list_tickets(c, scope, filter).tickets) {
      f.open_tickets.push_back({t.id, t.protocol, t.subject});
    }
  }
  // The catalog does not change within a turn: read once, not once per effect's round.
  if (!s.catalog) {
    s.catalog.emplace();
    for (const auto& service : store::load_services(c)) {
      if (!service.active || !service.is_public) continue;
      s.catalog->push_back({service.code, service.name, service.audience, service.form});
    }
    std::sort(s.catalog->begin(), s.catalog->end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
  }
  f.catalog = *s.catalog;
  // A need described in words goes where the desk's generic requests go (the mail's service).
  f.triage_service_code = ctx_.config.mail_service_code;
  f.privacy_url = ctx_.config.public_url + "/privacidade";
  return f;
}

void WhatsAppConversations::send(Session& s, const chatbot::BotMessage& message) {
  const Instant now = s.w.now();
  store::OutboxMessage m;
  m.channel = "whatsapp";
  m.template_key = "whatsapp_bot";
  m.ticket_id = s.ticket_id;
  if (auto who = writer(s)) {
    m.recipient_id = who->id;
    m.recipient_name = who->name;
  }
  // Answered in the form WhatsApp named the number by.
  m.recipient_address = "+" + s.wa_id;
  m.text_body = plain_text(message);
  store::WhatsAppPayload payload;
  payload.message = message.to_cloud_api_json();
  m.payload = store::to_payload_json(payload);
  m.next_attempt_at = now;
  m.created_at = now;
  store::add_message(s.w.connection(), m, mail::domain_of(ctx_.config.mail_from_address));
}

chatbot::PersonFacts WhatsAppConversations::person_facts(Session& s, const Person& p) {
  auto& c = s.w.connection();
  const Date today = ctx_.local_date(s.w.now());
  chatbot::PersonFacts f;
  f.id = p.id;
  f.name = p.name;
  std::optional<Organization> organization;
  if (p.organization_id) organization = store::load_organization(c, *p.organization_id);
  const auto records = store::authorizations_of_person(c, p.id);
  Service probe;
  probe.audience = Audience::public_servants;
  f.may_use_public_servant_services =
      check_audience(probe, p, organization, records, today).admitted;
  probe.audience = Audience::authorized_requesters;
  f.may_use_authorized_services = check_audience(probe, p, organization, records, today).admitted;
  return f;
}

std::optional<Person> WhatsAppConversations::writer(Session& s) {
  auto& c = s.w.connection();
  if (s.conversation.person) return store::load_person(c, s.conversation.person->id);
  if (s.phone_person) return s.phone_person;
  if (s.row.person_id) return store::load_person(c, *s.row.person_id);
  return std::nullopt;
}

}  // namespace guiche::app
