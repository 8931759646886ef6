#pragma once
// The administration forms whose posted fields are more than one value per
// input: role rows, the service form builder and the SLA tables. Pure
// functions, so their parsing is tested on its own (tests/web).
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/role.hpp"
#include "domain/service.hpp"

namespace guiche::web {

using Fields = std::map<std::string, std::string>;

// Non-empty lines, trimmed ("\r\n" or "\n").
std::vector<std::string> split_lines(const std::string& text);
// The lines as a textarea shows them, one per line: split_lines' inverse.
std::string join_lines(const std::vector<std::string>& lines);

// Rows papel-N / unidade-N (N < "papeis"); a row without a role is skipped.
// An unknown role or a unit that is not a number is a malformed form.
std::vector<RoleGrant> role_rows_from(const Fields& fields);

// One row of the service's form builder, as typed: campo-N-chave, -rotulo,
// -tipo, -obrigatorio ("sim"), -opcoes (one per line); N < "campos".
struct BuilderRow {
  std::string key;
  std::string label;
  std::string type = "text";
  bool required = false;
  std::string choices;
  bool operator==(const BuilderRow&) const = default;
};
std::vector<BuilderRow> builder_rows_from(const Fields& fields);
std::vector<BuilderRow> builder_rows_of(const std::vector<FormField>& form);

// Applies the builder button pressed ("acao"): "adicionar", "remover-N",
// "subir-N", "descer-N". Returns the row to focus next (-1: none) or nullopt
// when `action` is not a builder action (e.g. "salvar").
std::optional<int> apply_builder_action(std::vector<BuilderRow>& rows, const std::string& action);

// The rows as the domain's form fields. A type the domain does not know is
// a validation error on campo-N-tipo; the domain validates the rest.
std::vector<FormField> form_fields_from(const std::vector<BuilderRow>& rows);

// Where the domain's form errors (named by a field's key, or "form") go
// among the builder's inputs: a repeated key to the later row's key, a choice
// without options to its options, a missing key or label to that row.
std::map<std::string, std::string> builder_errors(const DomainError& e,
                                                  const std::vector<BuilderRow>& rows);

// The SLA configuration document (as PUT /api/v1/sla/configuration takes)
// from the SLA page's tables, and which input each of its paths came from.
// Rows whose inputs are all empty, or marked -remover, are left out.
struct SlaPosted {
  nlohmann::json document;
  std::map<std::string, std::string> input_of;  // "policies[1].code" -> "politica-2-codigo"
};
SlaPosted sla_document_from(const Fields& fields);

}  // namespace guiche::web
