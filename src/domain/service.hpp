#pragma once
// An item of the Carta de Serviços (Lei 13.460 art. 7) and its request form.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/category.hpp"

namespace guiche {

// Who may use the service (docs/domain.md, "Authorized requesters and audiences").
enum class Audience { authorized_requesters, public_servants, anyone };
std::string_view audience_code(Audience a);
std::optional<Audience> parse_audience(std::string_view code);

enum class FieldType { text, long_text, choice, date, number, yes_no };
std::string_view field_type_code(FieldType t);
std::optional<FieldType> parse_field_type(std::string_view code);

struct FormField {
  std::string key;
  std::string label;
  FieldType type = FieldType::text;
  bool required = false;
  std::vector<std::string> choices;  // for FieldType::choice
};

struct Service {
  std::int64_t id = 0;
  std::string code;  // what the requester may quote
  std::string name;
  // Nomes populares: what people call it ("VPN" for "Acesso remoto seguro"),
  // found by the catalog's search and shown on the charter.
  std::vector<std::string> popular_names;
  std::string description;  // o que é este serviço
  Audience audience = Audience::authorized_requesters;
  std::string who_may_use;  // quem pode utilizar, as the charter says it
  std::string required_documents;
  std::vector<std::string> stages;
  std::string cost;
  std::string max_deadline;
  std::string access_channels;
  std::string communication_channels;
  std::string complaint_channels;  // canais para manifestações
  std::string commitment;
  std::optional<std::int64_t> owning_unit_id;
  Category default_category = Category::service_request;
  std::string sla_policy;
  bool is_public = true;
  bool active = true;
  std::vector<FormField> form;
};

// Checks `answers` (a JSON object key → value) against the form: required
// fields present and non-empty, each value of its field's type, no unknown
// keys. Returns the answers normalized (numbers as numbers, yes/no as bool);
// throws DomainError(validation) naming every offending field.
nlohmann::json validate_form_answers(const std::vector<FormField>& form,
                                     const nlohmann::json& answers);

// Checks a form definition itself (unique keys, choices for choice fields).
void validate_form_definition(const std::vector<FormField>& form);

nlohmann::json form_to_json(const std::vector<FormField>& form);
std::vector<FormField> form_from_json(const nlohmann::json& j);

}  // namespace guiche
