#pragma once
// Answer templates (respostas padrão) and solution templates (issue 19,
// item 2): the staff find the ones offered to them while typing and fill one
// from a ticket; admins and unit managers keep them (app/answers/answer_scope.hpp).
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/answer_template.hpp"

namespace guiche::app {

class AnswerTemplates {
 public:
  static constexpr int kOffered = 20;  // the picker shows at most this many

  explicit AnswerTemplates(DeskContext& context) : ctx_(context) {}

  // The active templates of `kind` offered to `a` whose title or text holds
  // every word of `query` (accents and case aside), by title.
  std::vector<AnswerTemplate> offered(const Actor& a, TemplateKind kind, const std::string& query,
                                      int limit = kOffered);
  // Every template `a` keeps, inactive ones too, by title.
  std::vector<AnswerTemplate> kept(const Actor& a);
  // A template offered to or kept by `a`; not found otherwise.
  AnswerTemplate get(const Actor& a, std::int64_t id);
  // Creates (id 0) or changes a template `a` may keep, in its unit as it
  // was and as it will be.
  AnswerTemplate save(const Actor& a, AnswerTemplate t);
  // Template `template_id` (offered to `a`) filled from ticket `ticket_id`
  // (one `a` may work).
  std::string fill(const Actor& a, std::int64_t template_id, std::int64_t ticket_id);

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
