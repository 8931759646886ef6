#include "app/answers/answer_templates.hpp"

#include <sstream>

#include "app/access_policy.hpp"
#include "app/answers/answer_placeholders.hpp"
#include "app/answers/answer_scope.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "domain/text_fold.hpp"
#include "store/answer_template_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

std::vector<std::string> folded_words(const std::string& query) {
  std::vector<std::string> words;
  std::istringstream in(fold_text(query));
  for (std::string w; in >> w && words.size() < 8;) words.push_back(w);
  return words;
}

// Enough rows to fill a page after those of other units are left out.
constexpr int kTemplateRows = 500;

}  // namespace

std::vector<AnswerTemplate> AnswerTemplates::offered(const Actor& a, TemplateKind kind,
                                                     const std::string& query, int limit) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe usa respostas padrão.");
  std::vector<AnswerTemplate> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    for (auto& t :
         store::find_answer_templates(c, kind, folded_words(query), false, kTemplateRows)) {
      if (static_cast<int>(out.size()) >= limit) break;
      if (answers_offered_to(a.person, t.unit_id, *units)) out.push_back(std::move(t));
    }
  });
  return out;
}

std::vector<AnswerTemplate> AnswerTemplates::kept(const Actor& a) {
  require_active(a);
  if (!keeps_any_answers(a.person)) {
    throw forbidden("Somente administradores e gerentes de unidade mantêm respostas padrão.");
  }
  std::vector<AnswerTemplate> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    for (auto& t : store::find_answer_templates(c, std::nullopt, {}, true, 10 * kTemplateRows)) {
      if (may_keep_answers(a.person, t.unit_id, *units)) out.push_back(std::move(t));
    }
  });
  return out;
}

AnswerTemplate AnswerTemplates::get(const Actor& a, std::int64_t id) {
  require_active(a);
  std::optional<AnswerTemplate> t;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    t = store::load_answer_template(c, id);
    if (t && !may_keep_answers(a.person, t->unit_id, *units) &&
        !(t->active && answers_offered_to(a.person, t->unit_id, *units))) {
      t.reset();
    }
  });
  if (!t) throw not_found("Resposta padrão não encontrada.");
  return *t;
}

AnswerTemplate AnswerTemplates::save(const Actor& a, AnswerTemplate t) {
  require_active(a);
  if (!keeps_any_answers(a.person)) {
    throw forbidden("Somente administradores e gerentes de unidade mantêm respostas padrão.");
  }
  t.title = required_text(t.title, "title", "O título", 200);
  t.body = required_text(t.body, "body", "O texto", 20000);
  if (auto error = answer_body_error(t.body)) throw invalid_field("body", *error);
  ctx_.db.write([&](store::Connection& c) {
    const auto units = store::load_units(c);
    if (t.unit_id) {
      bool known = false;
      for (const auto& u : units) known = known || u.id == *t.unit_id;
      if (!known) throw invalid_field("unit", "Unidade desconhecida.");
    }
    if (t.id != 0) {
      const auto before = store::load_answer_template(c, t.id);
      if (!before || (!may_keep_answers(a.person, before->unit_id, units) &&
                      !answers_offered_to(a.person, before->unit_id, units))) {
        throw not_found("Resposta padrão não encontrada.");
      }
      if (!may_keep_answers(a.person, before->unit_id, units)) {
        throw forbidden("Você não mantém as respostas padrão desta unidade.");
      }
    }
    if (!may_keep_answers(a.person, t.unit_id, units)) {
      throw forbidden(t.unit_id ? "Você não mantém as respostas padrão desta unidade."
                                : "Somente administradores mantêm respostas padrão "
                                  "compartilhadas; escolha a sua unidade.");
    }
    t.updated_by = a.id();
    t.updated_at = ctx_.now();
    if (t.id == 0) {
      t.id = store::insert_answer_template(c, t);
    } else {
      store::update_answer_template(c, t);
    }
  });
  return t;
}

std::string AnswerTemplates::fill(const Actor& a, std::int64_t template_id,
                                  std::int64_t ticket_id) {
  const auto t = get(a, template_id);
  std::string out;
  ctx_.db.read([&](store::Connection& c) {
    const auto ticket = ctx_.visible_ticket(c, a, ticket_id);
    const auto units = ctx_.unit_tree(c);
    if (!ticket) throw not_found("Chamado não encontrado.");
    if (!can_work_ticket(a.person, *ticket, *units)) {
      throw forbidden("Você não atua na unidade responsável por este chamado.");
    }
    out = fill_answer(t.body, answer_values(c, ctx_.config, *ticket, a.person));
  });
  return out;
}

}  // namespace guiche::app
