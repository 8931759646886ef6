#pragma once
// Answer and solution templates (migration v041, domain/answer_template.hpp).
// The table is small (tens to hundreds of rows per desk); a search folds the
// words typed and matches them against the stored folded text.
#include <optional>
#include <vector>

#include "domain/answer_template.hpp"
#include "store/database.hpp"

namespace guiche::store {

// search_text is derived from title and body here, on every write.
std::int64_t insert_answer_template(Connection& c, const AnswerTemplate& t);
void update_answer_template(Connection& c, const AnswerTemplate& t);
std::optional<AnswerTemplate> load_answer_template(Connection& c, std::int64_t id);
// Templates of `kind` (all kinds when nullopt), active ones only unless
// `with_inactive`, whose folded text holds every word of `words` (already
// folded), by title; at most `limit`.
std::vector<AnswerTemplate> find_answer_templates(Connection& c, std::optional<TemplateKind> kind,
                                                  const std::vector<std::string>& words,
                                                  bool with_inactive, int limit);

}  // namespace guiche::store
