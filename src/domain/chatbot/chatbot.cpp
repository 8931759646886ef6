// The turn: what holds at every step (hand-over, cancel, menu, evaluations, unsupported types,
// timeouts, pending effects), then the step's own handler (turn.hpp).
#include "domain/chatbot/chatbot.hpp"

#include <cctype>
#include <charconv>

#include "domain/chatbot/folding.hpp"
#include "domain/chatbot/texts_pt_br.hpp"
#include "domain/chatbot/turn.hpp"

namespace guiche::chatbot {
namespace {

constexpr std::size_t kTranscriptLines = 40;
constexpr std::size_t kTranscriptLineChars = 500;
constexpr std::size_t kMaxAttachments = 10;

// The folded words of a message, punctuation dropped ("Atendente, por favor!" →
// {"atendente", "por", "favor"}).
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : fold(text)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word.push_back(c);
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// "atendente" alone or in a short request ("quero falar com um atendente"); a long sentence
// that mentions one ("o atendente de ontem não resolveu…") is an answer, not a request.
bool asks_for_attendant(const std::vector<std::string>& w) {
  if (w.empty() || w.size() > 5) return false;
  for (const auto& x : w) {
    if (x == texts::word_attendant) return true;
  }
  return false;
}

bool is_word(const std::vector<std::string>& w, std::string_view word) {
  return w.size() == 1 && w[0] == word;
}

bool awaiting_effect(Step s) {
  return s == Step::awaiting_lookup || s == Step::awaiting_code_check ||
         s == Step::awaiting_ticket_add || s == Step::awaiting_registration;
}

bool building_request(Step s) {
  return s == Step::service || s == Step::reserved_service || s == Step::form_field ||
         s == Step::attachments || s == Step::description || s == Step::summary ||
         s == Step::correction || s == Step::awaiting_registration;
}

void hand_over(Turn& t) {
  t.c.restart();
  t.c.step = Step::with_attendant;
  t.say(text_message(texts::handed_over()));
  t.effect(HandOver{t.c.transcript});
}

void restart_and_open(Turn& t, bool say_cancelled) {
  bool had_request = building_request(t.c.step);
  t.c.restart();
  t.open(say_cancelled && had_request ? texts::cancelled() : "");
}

// A tap on the resolution notice's buttons: "avaliar:<ticket id>:<1-5>".
std::optional<RecordEvaluation> evaluation_of(std::string_view id) {
  constexpr std::string_view prefix = "avaliar:";
  if (!id.starts_with(prefix)) return std::nullopt;
  auto rest = id.substr(prefix.size());
  auto colon = rest.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  RecordEvaluation e;
  auto a = rest.substr(0, colon), b = rest.substr(colon + 1);
  auto [ea, ra] = std::from_chars(a.data(), a.data() + a.size(), e.ticket_id);
  auto [eb, rb] = std::from_chars(b.data(), b.data() + b.size(), e.stars);
  if (ra != std::errc() || ea != a.data() + a.size() || rb != std::errc() ||
      eb != b.data() + b.size() || e.ticket_id <= 0 || e.stars < 1 || e.stars > 5) {
    return std::nullopt;
  }
  return e;
}

AttachmentRef attachment_of(const MediaIn& m) {
  return {m.media_ref, m.mime_type, m.filename};
}

std::string what_was_received(const MediaIn& m) {
  if (!m.filename.empty()) return m.filename;
  return m.mime_type.starts_with("image/") ? texts::a_photo() : texts::a_document();
}

// A tap, by id, in the current step.
bool on_choice(Turn& t, std::string_view id) {
  switch (t.c.step) {
    case Step::consent:
      return on_consent(t, id);
    case Step::who:
    case Step::identity_key:
      return on_who(t, id);
    case Step::ticket_or_new:
      return on_ticket_choice(t, id);
    case Step::service:
      return on_catalog_choice(t, id);
    case Step::reserved_service:
      return on_reserved_choice(t, id);
    case Step::form_field:
      return on_field_choice(t, id);
    case Step::attachments:
      return on_attachments_choice(t, id);
    case Step::summary:
      return on_summary_choice(t, id);
    case Step::correction:
      return on_correction_choice(t, id);
    default:
      return false;
  }
}

void on_text(Turn& t, std::string_view text) {
  switch (t.c.step) {
    case Step::identity_key:
      return on_identity_text(t, text);
    case Step::code:
      return on_code_text(t, text);
    case Step::citizen_name:
      return on_citizen_name(t, text);
    case Step::ticket_message:
      return on_ticket_message(t, text, std::nullopt);
    case Step::service:
      return on_catalog_text(t, text);
    case Step::form_field:
      return on_field_text(t, text);
    case Step::attachments:
      return on_attachments_text(t, text);
    case Step::description:
      return on_description(t, text);
    default:
      // Steps answered by taps: say how.
      t.ask(t.c.step == Step::summary ? texts::summary_use_buttons() : texts::use_the_options());
  }
}

void handle(Turn& t, const TextIn& in) {
  // A verification code is a secret: it does not go to the attendants with the transcript.
  t.remember("pessoa", t.c.step == Step::code ? texts::code_withheld() : in.text);
  auto w = words(in.text);
  if (t.c.step == Step::with_attendant) {
    if (is_word(w, texts::word_menu) || is_word(w, texts::word_cancel)) {
      return restart_and_open(t, false);
    }
    return t.effect(RelayToAttendant{in.text, {}});
  }
  if (asks_for_attendant(w)) return hand_over(t);
  if (is_word(w, texts::word_cancel)) return restart_and_open(t, true);
  if (is_word(w, texts::word_menu)) return restart_and_open(t, false);
  if (awaiting_effect(t.c.step)) return t.say(text_message(texts::busy()));
  if (t.c.step == Step::start) return t.open();
  // A button or row title typed instead of tapped counts as the tap.
  std::string folded = fold(in.text);
  const BotMessage asked = t.prompt();
  for (const auto& o : asked.options) {
    if (fold(o.title) == folded && on_choice(t, o.id)) return;
  }
  on_text(t, in.text);
}

void handle(Turn& t, const ChoiceIn& in) {
  t.remember("pessoa", "[" + in.title + "]");
  if (auto e = evaluation_of(in.id)) return t.effect(*e);
  if (t.c.step == Step::with_attendant) return t.effect(RelayToAttendant{in.title, {}});
  if (awaiting_effect(t.c.step)) return t.say(text_message(texts::busy()));
  if (t.c.step == Step::start) return t.open();
  if (!on_choice(t, in.id)) t.ask(texts::stale_option());
}

void handle(Turn& t, const MediaIn& in) {
  t.remember("pessoa", "(" + what_was_received(in) + ")");
  auto file = attachment_of(in);
  switch (t.c.step) {
    case Step::with_attendant:
      return t.effect(RelayToAttendant{in.caption, {file}});
    case Step::start:
      return t.open();  // nothing is kept before the consent
    case Step::ticket_message:
      return on_ticket_message(t, in.caption, file);
    case Step::service:
    case Step::form_field:
    case Step::attachments:
    case Step::description:
    case Step::summary:
    case Step::correction:
      break;
    default:
      if (awaiting_effect(t.c.step)) return t.say(text_message(texts::busy()));
      return t.ask(texts::attachment_not_now());
  }
  if (t.c.attachments.size() >= kMaxAttachments) {
    return t.c.step == Step::attachments ? t.ask(texts::attachments_full())
                                         : t.ask(texts::attachment_not_now());
  }
  t.c.attachments.push_back(file);
  if (t.c.step == Step::attachments) {
    return t.say(buttons_message(texts::attachment_received(what_was_received(in)),
                                 {{"anexos:concluir", std::string(texts::done), ""}}));
  }
  if (t.c.step == Step::description && !in.caption.empty()) {
    return on_description(t, in.caption);
  }
  t.ask(texts::attachment_noted(what_was_received(in)));
}

void handle(Turn& t, const UnsupportedIn& in) {
  t.remember("pessoa", "(" + in.type + ")");
  t.say(text_message(texts::unsupported()));
  if (t.c.step == Step::start) t.open();
}

void handle(Turn& t, const QuietTimeout&) {
  if (t.c.step == Step::start) return;
  t.say(text_message(building_request(t.c.step) ? texts::expired_request() : texts::expired()));
  t.c.restart();
}

void handle(Turn& t, const IdentityLookupResult& r) {
  if (t.c.step == Step::awaiting_lookup) on_identity_result(t, r);
}
void handle(Turn& t, const CodeCheckResult& r) {
  if (t.c.step == Step::awaiting_code_check) on_code_result(t, r);
}
void handle(Turn& t, const RegistrationResult& r) {
  if (t.c.step == Step::awaiting_registration) on_registration_result(t, r);
}
void handle(Turn& t, const TicketMessageResult& r) {
  if (t.c.step == Step::awaiting_ticket_add) on_ticket_result(t, r);
}
void handle(Turn& t, const EvaluationResult& r) {
  t.say(
      text_message(r.recorded ? texts::evaluation_thanks() : texts::evaluation_refused(r.reason)));
}

}  // namespace

std::string with_lead(std::string_view lead, std::string body) {
  if (lead.empty()) return body;
  return std::string(lead) + "\n\n" + body;
}

void Turn::remember(std::string from, std::string text) {
  c.transcript.push_back({std::move(from), fit(text, kTranscriptLineChars)});
  if (c.transcript.size() > kTranscriptLines) {
    c.transcript.erase(c.transcript.begin(),
                       c.transcript.begin() + (c.transcript.size() - kTranscriptLines));
  }
}

void Turn::say(BotMessage m) {
  std::string line = m.body;
  for (const auto& o : m.options) line += " [" + o.title + "]";
  remember("bot", line);
  out.messages.push_back(std::move(m));
}

std::optional<PersonFacts> Turn::person() const {
  return c.person ? c.person : f.person;
}

std::string Turn::first_name() const {
  std::string name = person() ? person()->name : c.citizen_name;
  return name.substr(0, name.find(' '));
}

const CatalogService* Turn::service(std::string_view code) const {
  for (const auto& s : f.catalog) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

void Turn::open(std::string_view lead) {
  if (!c.consent) {
    c.step = Step::consent;
    return ask(lead);
  }
  if (!person() && c.citizen_name.empty()) {
    c.step = Step::who;
    return ask(lead);
  }
  c.step = person() && !f.open_tickets.empty() ? Step::ticket_or_new : Step::service;
  ask(lead.empty() ? texts::greeting(first_name()) : std::string(lead));
}

BotOutput converse(Conversation& conversation, const BotInput& input, const Facts& facts) {
  Turn t{conversation, facts, {}};
  conversation.last_activity = facts.now;
  // A state that skipped the consent (an older version's, say) starts over.
  if (!conversation.consent && conversation.step != Step::start &&
      conversation.step != Step::consent) {
    conversation.restart();
  }
  std::visit([&](const auto& in) { handle(t, in); }, input);
  return std::move(t.out);
}

}  // namespace guiche::chatbot
