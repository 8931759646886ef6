// Consent, who is writing (a known phone, an e-mail code, a citizen's name) and the open
// tickets a message may be about.
#include <algorithm>
#include <cctype>

#include "domain/ascii_text.hpp"
#include "domain/chatbot/texts_pt_br.hpp"
#include "domain/chatbot/turn.hpp"
#include "domain/identity.hpp"

namespace guiche::chatbot {
namespace {

// A person's name as typed: letters (any script), spaces, apostrophes, hyphens, dots; 3 to 100
// characters.
std::optional<std::string> read_name(std::string_view typed) {
  std::string name;
  for (char c : trim_blanks(typed)) {
    bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (blank && (name.empty() || name.back() == ' ')) continue;
    name.push_back(blank ? ' ' : c);
  }
  auto n = utf8_length(name);
  if (n < 3 || n > 100 || !is_clean_text(name)) return std::nullopt;
  bool letter = false;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || u >= 0x80) letter = true;
    if (std::isdigit(u) || c == '@' || c == '/' || c == ':') return std::nullopt;
  }
  if (!letter) return std::nullopt;
  return name;
}

}  // namespace

bool on_consent(Turn& t, std::string_view id) {
  if (id == "consentimento:sim") {
    t.c.consent = true;
    t.effect(RecordConsent{texts::consent_notice(t.f.privacy_url)});
    t.open();
    return true;
  }
  if (id == "consentimento:nao") {
    t.c.restart();
    t.say(text_message(texts::consent_refused()));
    return true;
  }
  return false;
}

bool on_who(Turn& t, std::string_view id) {
  if (id == "quem:cadastro" && t.c.step == Step::who) {
    t.c.step = Step::identity_key;
    t.ask();
    return true;
  }
  if (id == "quem:cidadao") {
    t.c.service_code.clear();
    if (t.c.citizen_name.empty()) {
      t.c.step = Step::citizen_name;
      t.ask();
    } else {
      t.c.step = Step::service;
      t.ask(texts::greeting(t.first_name()));
    }
    return true;
  }
  return false;
}

void on_identity_text(Turn& t, std::string_view text) {
  std::string typed = trim_blanks(text);
  if (auto email = normalize_email(typed)) {
    t.effect(LookUpIdentity{LookUpIdentity::By::email, *email});
  } else if (auto cpf = normalize_cpf(typed)) {
    t.effect(LookUpIdentity{LookUpIdentity::By::cpf, *cpf});
  } else {
    return t.ask(texts::identity_invalid());
  }
  t.c.step = Step::awaiting_lookup;
}

void on_identity_result(Turn& t, const IdentityLookupResult& r) {
  if (!r.found) {
    t.c.step = Step::identity_key;
    return t.ask(texts::identity_not_found());
  }
  t.c.masked_email = r.masked_email;
  t.c.step = Step::code;
  t.ask();
}

void on_code_text(Turn& t, std::string_view text) {
  std::string code;
  for (char c : text) {
    if (c != ' ' && c != '-' && c != '\t' && c != '\n' && c != '\r') code.push_back(c);
  }
  bool plausible = code.size() >= 4 && code.size() <= 12 &&
                   std::all_of(code.begin(), code.end(),
                               [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  if (!plausible) return t.ask(texts::code_invalid());
  t.effect(CheckCode{code});
  t.c.step = Step::awaiting_code_check;
}

void on_code_result(Turn& t, const CodeCheckResult& r) {
  if (r.outcome == CodeCheckResult::Outcome::wrong) {
    t.c.step = Step::code;
    return t.ask(texts::code_wrong());
  }
  if (r.outcome == CodeCheckResult::Outcome::expired || !r.person) {
    t.c.step = Step::identity_key;
    return t.ask(texts::code_expired());
  }
  t.c.person = r.person;
  t.c.masked_email.clear();
  std::string lead = texts::identified(t.first_name());
  if (const auto* s = t.service(t.c.service_code)) {
    // A citizen who chose a reserved service identified to ask for it: on with it.
    t.say(text_message(lead));
    return choose_service(t, *s);
  }
  t.c.service_code.clear();
  t.c.step = t.f.open_tickets.empty() ? Step::service : Step::ticket_or_new;
  t.ask(lead);
}

void on_citizen_name(Turn& t, std::string_view text) {
  auto name = read_name(text);
  if (!name) return t.ask(texts::citizen_name_invalid());
  t.c.citizen_name = *name;
  t.c.step = Step::service;
  t.ask(texts::greeting(t.first_name()));
}

bool on_ticket_choice(Turn& t, std::string_view id) {
  if (id == "chamado:novo") {
    t.c.step = Step::service;
    t.ask();
    return true;
  }
  for (const auto& ticket : t.f.open_tickets) {
    if (id == "chamado:" + std::to_string(ticket.id)) {
      t.c.ticket_id = ticket.id;
      t.c.ticket_protocol = ticket.protocol;
      t.c.step = Step::ticket_message;
      t.ask();
      return true;
    }
  }
  return false;
}

void on_ticket_message(Turn& t, std::string_view text, const std::optional<AttachmentRef>& file) {
  std::string message = trim_blanks(text);
  if (message.empty() && !file) return t.ask();
  AddToTicket add{t.c.ticket_id, message, {}};
  if (file) add.attachments.push_back(*file);
  t.effect(std::move(add));
  t.c.step = Step::awaiting_ticket_add;
}

void on_ticket_result(Turn& t, const TicketMessageResult& r) {
  std::string protocol = t.c.ticket_protocol;
  t.c.restart();
  t.say(text_message(r.added ? texts::ticket_message_added(protocol)
                             : texts::ticket_message_refused(r.reason)));
}

}  // namespace guiche::chatbot
