#include "store/answer_template_rows.hpp"

#include "domain/text_fold.hpp"

namespace guiche::store {
namespace {

const char* const kTemplateColumns =
    "id, kind, unit_id, title, body, active, updated_by, updated_at";

AnswerTemplate answer_template_from(const Row& r) {
  AnswerTemplate t;
  t.id = r.integer(0);
  t.kind = parse_template_kind(r.text(1)).value_or(TemplateKind::answer);
  t.unit_id = r.optional_integer(2);
  t.title = r.text(3);
  t.body = r.text(4);
  t.active = r.integer(5) != 0;
  t.updated_by = r.optional_integer(6);
  t.updated_at = from_millis(r.integer(7));
  return t;
}

std::string template_search_text(const AnswerTemplate& t) {
  return fold_text(t.title + " " + t.body);
}

// LIKE's own wildcards in a word typed are plain characters.
std::string like_pattern(const std::string& word) {
  std::string out = "%";
  for (char ch : word) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "%";
}

}  // namespace

std::int64_t insert_answer_template(Connection& c, const AnswerTemplate& t) {
  return c
      .query_one(
          "INSERT INTO answer_templates (kind, unit_id, title, body, search_text, active, "
          "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {std::string(template_kind_code(t.kind)), optional_value(t.unit_id), t.title, t.body,
           template_search_text(t), std::int64_t{t.active ? 1 : 0}, optional_value(t.updated_by),
           to_millis(t.updated_at)})
      ->integer(0);
}

void update_answer_template(Connection& c, const AnswerTemplate& t) {
  c.query(
      "UPDATE answer_templates SET kind = ?, unit_id = ?, title = ?, body = ?, search_text = ?, "
      "active = ?, updated_by = ?, updated_at = ? WHERE id = ?",
      {std::string(template_kind_code(t.kind)), optional_value(t.unit_id), t.title, t.body,
       template_search_text(t), std::int64_t{t.active ? 1 : 0}, optional_value(t.updated_by),
       to_millis(t.updated_at), t.id});
}

std::optional<AnswerTemplate> load_answer_template(Connection& c, std::int64_t id) {
  auto r = c.query_one(
      std::string("SELECT ") + kTemplateColumns + " FROM answer_templates WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return answer_template_from(*r);
}

std::vector<AnswerTemplate> find_answer_templates(Connection& c, std::optional<TemplateKind> kind,
                                                  const std::vector<std::string>& words,
                                                  bool with_inactive, int limit) {
  std::string sql =
      std::string("SELECT ") + kTemplateColumns + " FROM answer_templates WHERE 1 = 1";
  std::vector<Value> params;
  if (kind) {
    sql += " AND kind = ?";
    params.emplace_back(std::string(template_kind_code(*kind)));
  }
  if (!with_inactive) sql += " AND active = 1";
  for (const auto& w : words) {
    sql += " AND search_text LIKE ? ESCAPE '\\'";
    params.emplace_back(like_pattern(w));
  }
  sql += " ORDER BY title, id LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  std::vector<AnswerTemplate> out;
  for (const auto& r : c.query(sql, params)) out.push_back(answer_template_from(r));
  return out;
}

}  // namespace guiche::store
