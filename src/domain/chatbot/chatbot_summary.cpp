// The summary of a request: confirm (register it), correct one item, or cancel; and the
// registration's result.
#include "domain/chatbot/texts_pt_br.hpp"
#include "domain/chatbot/turn.hpp"
#include "domain/error.hpp"

namespace guiche::chatbot {
namespace {

// The ticket's subject: the description's first line, short.
std::string subject_of(const std::string& description) {
  return fit(description.substr(0, description.find('\n')), 100);
}

void register_request(Turn& t) {
  const auto* s = t.service(t.c.service_code);
  if (!s) {
    t.c.step = Step::service;
    return t.ask(texts::service_gone());
  }
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& [key, value] : t.c.answers.items()) {
    if (!value.is_null()) answers[key] = value;
  }
  RegisterRequest r;
  try {
    r.form_answers = validate_form_answers(s->form, answers);
  } catch (const DomainError& e) {
    // The form changed since these answers were given: ask again what no longer fits.
    std::string problem = e.what();
    for (const auto& field : e.fields()) {
      t.c.answers.erase(field.field);
      problem = field.message;
    }
    t.c.correcting = false;
    t.c.step = Step::form_field;
    t.say(text_message(problem));
    return advance(t);
  }
  if (auto p = t.person()) {
    r.person_id = p->id;
  } else if (!t.c.citizen_name.empty()) {
    r.citizen_name = t.c.citizen_name;
  } else {
    t.c.step = Step::who;
    return t.ask();
  }
  r.service_code = s->code;
  r.subject = subject_of(t.c.description);
  r.description = t.c.description;
  r.attachments = t.c.attachments;
  t.effect(std::move(r));
  t.c.step = Step::awaiting_registration;
}

}  // namespace

bool on_summary_choice(Turn& t, std::string_view id) {
  if (id == "resumo:confirmar") {
    register_request(t);
  } else if (id == "resumo:corrigir") {
    t.c.step = Step::correction;
    t.ask();
  } else if (id == "resumo:cancelar") {
    t.c.restart();
    t.open(texts::cancelled());
  } else {
    return false;
  }
  return true;
}

bool on_correction_choice(Turn& t, std::string_view id) {
  const auto* s = t.service(t.c.service_code);
  if (id == "corrigir:servico") {
    t.c.service_code.clear();
    t.c.answers = nlohmann::json::object();
    t.c.described_need = false;
    t.c.step = Step::service;
    t.ask();
    return true;
  }
  if (id == "corrigir:descricao") {
    t.c.correcting = true;
    t.c.step = Step::description;
    t.ask();
    return true;
  }
  if (id == "corrigir:todas") {
    t.c.answers = nlohmann::json::object();
    t.c.correcting = false;
    t.c.step = Step::form_field;
    advance(t);
    return true;
  }
  if (s && id.starts_with("corrigir:campo:")) {
    auto key = id.substr(15);
    for (const auto& f : s->form) {
      if (f.key != key) continue;
      t.c.field_key = f.key;
      t.c.correcting = true;
      t.c.step = Step::form_field;
      t.ask();
      return true;
    }
  }
  return false;
}

void on_registration_result(Turn& t, const RegistrationResult& r) {
  if (!r.registered) {
    t.c.step = Step::summary;
    return t.ask(texts::registration_refused(r.reason));
  }
  t.c.restart();
  t.say(text_message(texts::registered(r.protocol, r.deadline)));
}

}  // namespace guiche::chatbot
