// A new request: the service (catalog row, typed code or a described need), its form's fields
// one by one, attachments and the description.
#include <cctype>

#include "domain/ascii_text.hpp"
#include "domain/chatbot/folding.hpp"
#include "domain/chatbot/form_questions.hpp"
#include "domain/chatbot/texts_pt_br.hpp"
#include "domain/chatbot/turn.hpp"
#include "domain/identity.hpp"
#include "domain/service_code.hpp"

namespace guiche::chatbot {
namespace {

const CatalogService* by_code_key(const Turn& t, std::string_view typed) {
  std::vector<std::string> codes;
  for (const auto& s : t.f.catalog) codes.push_back(s.code);
  const auto code = typed_service_code(typed, codes);
  return code ? t.service(*code) : nullptr;
}

// The service whose code the text is, or quotes ("Código do serviço: sup-tec").
const CatalogService* quoted_service(const Turn& t, std::string_view text) {
  if (const auto* s = by_code_key(t, text)) return s;
  std::string token;
  auto check = [&]() -> const CatalogService* {
    auto b = token.find_first_not_of(",;:!?()[]\"'");
    auto e = token.find_last_not_of(",;:!?()[]\"'.");
    const CatalogService* s = nullptr;
    if (b != std::string::npos && e != std::string::npos && e >= b) {
      s = by_code_key(t, token.substr(b, e - b + 1));
    }
    token.clear();
    return s;
  };
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (const auto* s = check()) return s;
    } else {
      token.push_back(c);
    }
  }
  return check();
}

// A sentence, not a stray word: three words or twenty characters.
bool reads_as_a_need(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words >= 3 || utf8_length(text) >= 20;
}

// One word that looks like someone tried a code: has a hyphen or a digit, or is in capitals.
bool looks_like_a_code(std::string_view text) {
  const std::string folded = fold(text);
  if (service_code_key(text).empty() || folded.find(' ') != std::string::npos) return false;
  bool lower = false, marked = false;
  for (char c : folded) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') {
      return false;
    }
  }
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    lower = lower || std::islower(u);
    marked = marked || c == '-' || std::isdigit(u);
  }
  return marked || (!lower && text.size() >= 2);
}

const FormField* current_field(const Turn& t) {
  const auto* s = t.service(t.c.service_code);
  if (!s) return nullptr;
  for (const auto& f : s->form) {
    if (f.key == t.c.field_key) return &f;
  }
  return nullptr;
}

void take_answer(Turn& t, const FormField& field, const FieldReply& reply) {
  if (!reply.value) return t.ask(reply.problem);
  t.c.answers[field.key] = *reply.value;
  advance(t);
}

}  // namespace

void choose_service(Turn& t, const CatalogService& s) {
  t.c.service_code = s.code;
  if (s.audience != Audience::anyone && !t.person()) {
    t.c.step = Step::reserved_service;
    return t.ask();
  }
  t.c.answers = nlohmann::json::object();
  t.c.field_key.clear();
  t.c.correcting = false;
  t.c.step = Step::service;
  t.say(text_message(t.c.described_need ? texts::need_noted()
                                        : texts::service_chosen(s.code, s.name)));
  advance(t);
}

void advance(Turn& t) {
  const auto* s = t.service(t.c.service_code);
  if (!s) {
    t.c.step = Step::service;
    return t.ask(texts::service_gone());
  }
  if (t.c.correcting) {
    t.c.correcting = false;
    t.c.step = Step::summary;
    return t.ask();
  }
  for (const auto& f : s->form) {
    if (!t.c.answers.contains(f.key)) {
      t.c.field_key = f.key;
      t.c.step = Step::form_field;
      return t.ask();
    }
  }
  t.c.field_key.clear();
  if (t.c.step != Step::attachments && t.c.step != Step::description) {
    t.c.step = Step::attachments;
  } else if (t.c.description.empty()) {
    t.c.step = Step::description;
  } else {
    t.c.step = Step::summary;
  }
  t.ask();
}

bool on_catalog_choice(Turn& t, std::string_view id) {
  if (id.starts_with("servico:")) {
    const auto* s = t.service(id.substr(8));
    if (!s) return false;
    t.c.described_need = false;
    choose_service(t, *s);
    return true;
  }
  if (id.starts_with("catalogo:pagina:")) {
    auto page = id.substr(16);
    if (page.empty() || page.size() > 4 || !std::isdigit(static_cast<unsigned char>(page[0]))) {
      return false;
    }
    t.c.catalog_page = std::stoi(std::string(page));
    t.ask();
    return true;
  }
  if (id == "catalogo:descrever" && t.service(t.f.triage_service_code)) {
    t.c.described_need = true;  // the next sentence is the need, however short
    t.say(text_message(texts::describe_prompt()));
    return true;
  }
  return false;
}

void on_catalog_text(Turn& t, std::string_view typed) {
  std::string text = trim_blanks(typed);
  if (const auto* s = quoted_service(t, text)) {
    t.c.described_need = false;
    return choose_service(t, *s);
  }
  const auto* triage = t.service(t.f.triage_service_code);
  if (triage && is_clean_text(text) && utf8_length(text) >= 5 &&
      (t.c.described_need || reads_as_a_need(text))) {
    t.c.described_need = true;
    t.c.description = text;
    return choose_service(t, *triage);
  }
  if (looks_like_a_code(text)) return t.ask(texts::code_not_found(fit(text, 40)));
  t.ask(texts::service_not_understood());
}

bool on_reserved_choice(Turn& t, std::string_view id) {
  if (id == "reservado:identificar") {
    t.c.step = Step::identity_key;
    t.ask();
    return true;
  }
  if (id == "reservado:outro") {
    t.c.service_code.clear();
    t.c.step = Step::service;
    t.ask();
    return true;
  }
  return false;
}

void on_field_text(Turn& t, std::string_view text) {
  const auto* field = current_field(t);
  if (!field) return advance(t);
  take_answer(t, *field, read_typed_answer(*field, text, t.f.today));
}

bool on_field_choice(Turn& t, std::string_view id) {
  const auto* field = current_field(t);
  if (!field) return false;
  auto reply = read_tapped_answer(*field, id);
  if (!reply) return false;
  take_answer(t, *field, *reply);
  return true;
}

bool on_attachments_choice(Turn& t, std::string_view id) {
  if (id != "anexos:concluir") return false;
  advance(t);
  return true;
}

void on_attachments_text(Turn& t, std::string_view) {
  t.ask();
}

void on_description(Turn& t, std::string_view typed) {
  std::string text = trim_blanks(typed);
  if (utf8_length(text) < 5 || text.size() > 20000 || !is_clean_text(text)) {
    return t.ask(texts::description_too_short());
  }
  t.c.description = text;
  advance(t);
}

}  // namespace guiche::chatbot
