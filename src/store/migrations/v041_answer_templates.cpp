// Version 41: answer templates, solution templates and macros (issue 19,
// item 2; app/answers/). A template is shared (unit_id NULL, kept by admins)
// or a unit's (kept by its managers too); its search_text is the title and
// text folded (lower case, no accents: domain/text_fold.hpp), so the picker
// finds "senha" in "Senha redefinida" with one LIKE over a small table. A
// macro names the steps it applies to a ticket at once: a reply from an
// answer template, a status, a unit to route to, minutes of work and, to
// resolve, a solution template. Versions 42 and 43 are other changes'.
namespace guiche::store {

extern const char* const kMigrationV041AnswerTemplates = R"SQL(
CREATE TABLE answer_templates (
  id {{id}},
  kind TEXT NOT NULL CHECK (kind IN ('answer', 'solution')),
  unit_id BIGINT REFERENCES units(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  search_text TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT REFERENCES people(id),
  updated_at BIGINT NOT NULL
);
CREATE INDEX answer_templates_kind ON answer_templates (kind, unit_id);
CREATE TABLE ticket_macros (
  id {{id}},
  unit_id BIGINT REFERENCES units(id),
  name TEXT NOT NULL,
  reply_template_id BIGINT REFERENCES answer_templates(id),
  set_status TEXT,
  route_unit_id BIGINT REFERENCES units(id),
  minutes INTEGER,
  solution_template_id BIGINT REFERENCES answer_templates(id),
  active INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT REFERENCES people(id),
  updated_at BIGINT NOT NULL
);
CREATE INDEX ticket_macros_unit ON ticket_macros (unit_id);
)SQL";

}  // namespace guiche::store
