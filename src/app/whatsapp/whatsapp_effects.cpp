// The chatbot's effects about the person (whatsapp_conversations.hpp):
// consent, proving who is writing by a code e-mailed to a registered
// address, the rating of a resolved request. The requests themselves:
// whatsapp_requests.cpp.
#include "app/notices/notices.hpp"
#include "app/tickets/ticket_work.hpp"
#include "app/whatsapp/identity_code.hpp"
#include "app/whatsapp/whatsapp_conversations.hpp"
#include "domain/error.hpp"
#include "domain/whatsapp/whatsapp_number.hpp"
#include "store/person_rows.hpp"
#include "store/whatsapp_identity_code_rows.hpp"

namespace guiche::app {

namespace {
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;
}  // namespace

std::optional<chatbot::BotInput> WhatsAppConversations::perform(Session& s,
                                                                const chatbot::Effect& effect) {
  using R = std::optional<chatbot::BotInput>;
  return std::visit(
      Overloaded{
          [&](const chatbot::RecordConsent& e) -> R {
            s.row.consented_at = s.w.now();
            s.row.consent_notice = e.notice;
            return std::nullopt;
          },
          [&](const chatbot::LookUpIdentity& e) -> R { return look_up_identity(s, e); },
          [&](const chatbot::CheckCode& e) -> R { return check_code(s, e); },
          [&](const chatbot::RegisterRequest& e) -> R { return register_request(s, e); },
          [&](const chatbot::AddToTicket& e) -> R { return add_to_ticket(s, e); },
          [&](const chatbot::HandOver& e) -> R {
            std::string transcript;
            for (const auto& line : e.transcript) {
              transcript += (line.from == "bot" ? "Assistente: " : "Pessoa: ") + line.text + "\n";
            }
            hand_over(s, transcript);
            return std::nullopt;
          },
          [&](const chatbot::RelayToAttendant& e) -> R {
            relay(s, e);
            return std::nullopt;
          },
          [&](const chatbot::RecordEvaluation& e) -> R { return record_evaluation(s, e); },
      },
      effect);
}

chatbot::BotInput WhatsAppConversations::look_up_identity(Session& s,
                                                          const chatbot::LookUpIdentity& e) {
  auto& c = s.w.connection();
  std::optional<Person> person = e.by == chatbot::LookUpIdentity::By::email
                                     ? store::find_person_by_email(c, e.value)
                                     : store::find_person_by_cpf(c, e.value);
  if (!person || !person->active || person->emails.empty()) {
    return chatbot::IdentityLookupResult{false, ""};
  }
  const std::string code = new_identity_code();
  store::save_whatsapp_identity_code(
      c, {s.wa_id, person->id, identity_code_mac(code), s.w.now() + config_.code_valid, 0});
  // The code proves the e-mail is theirs: it goes by e-mail whatever the person prefers.
  Person by_email = *person;
  by_email.phone.reset();
  by_email.notice_preference = NoticePreference::email;
  notices_.enqueue(c, "whatsapp_code", by_email, std::nullopt,
                   {{"code", code}, {"minutes", std::to_string(config_.code_valid.count())}},
                   s.w.now(), Channel::email);
  return chatbot::IdentityLookupResult{true, masked_email(person->emails.front())};
}

chatbot::BotInput WhatsAppConversations::check_code(Session& s, const chatbot::CheckCode& e) {
  using Outcome = chatbot::CodeCheckResult::Outcome;
  auto& c = s.w.connection();
  const auto sent = store::load_whatsapp_identity_code(c, s.wa_id);
  if (!sent) return chatbot::CodeCheckResult{Outcome::expired, std::nullopt};
  if (s.w.now() >= sent->expires_at || sent->attempts >= config_.code_attempts) {
    store::delete_whatsapp_identity_code(c, s.wa_id);
    return chatbot::CodeCheckResult{Outcome::expired, std::nullopt};
  }
  if (!identity_code_matches(sent->code_mac, e.code)) {
    store::count_whatsapp_code_attempt(c, s.wa_id);
    return chatbot::CodeCheckResult{Outcome::wrong, std::nullopt};
  }
  store::delete_whatsapp_identity_code(c, s.wa_id);
  auto person = store::load_person(c, sent->person_id);
  if (!person || !person->active) return chatbot::CodeCheckResult{Outcome::expired, std::nullopt};
  // The number just proved it speaks for this person: known from now on, if they had none.
  if (!person->phone) {
    if (auto e164 = e164_of_whatsapp(s.wa_id)) {
      person->phone = *e164;
      store::update_person(c, *person);
      ctx_.directory_changed();
    }
  }
  s.row.person_id = person->id;
  return chatbot::CodeCheckResult{Outcome::ok, person_facts(s, *person)};
}

chatbot::BotInput WhatsAppConversations::record_evaluation(Session& s,
                                                           const chatbot::RecordEvaluation& e) {
  auto who = writer(s);
  if (!who) return chatbot::EvaluationResult{false, "Não identificamos quem está avaliando."};
  s.ticket_id = e.ticket_id;
  try {
    work_.evaluate_in(s.w, Actor{*who, Channel::whatsapp}, e.ticket_id, e.stars, "");
    s.outcome = "avaliação registrada (" + std::to_string(e.stars) + ")";
    return chatbot::EvaluationResult{true, ""};
  } catch (const DomainError& error) {
    s.outcome = std::string("avaliação recusada: ") + error.what();
    return chatbot::EvaluationResult{false, error.what()};
  }
}

}  // namespace guiche::app
