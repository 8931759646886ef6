#include <gmock/gmock.h>

#include "domain/error.hpp"
#include "domain/service.hpp"

namespace guiche {
namespace {

const std::vector<FormField> kForm = {
    {"sistema", "Sistema", FieldType::choice, true, {"SIGEFES", "E-Docs"}},
    {"matricula", "Matrícula", FieldType::text, true, {}},
    {"detalhes", "Detalhes", FieldType::long_text, false, {}},
    {"inicio", "Data de início", FieldType::date, false, {}},
    {"quantidade", "Quantidade", FieldType::number, false, {}},
    {"urgente", "É urgente?", FieldType::yes_no, false, {}},
};

std::vector<std::string> fields_of(const nlohmann::json& answers) {
  try {
    validate_form_answers(kForm, answers);
  } catch (const DomainError& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields()) out.push_back(f.field);
    return out;
  }
  return {};
}

TEST(ServiceForm, NormalizesValidAnswers) {
  auto out = validate_form_answers(kForm, {{"sistema", "SIGEFES"},
                                           {"matricula", "123"},
                                           {"inicio", "2026-03-02"},
                                           {"quantidade", "3"},
                                           {"urgente", "sim"}});
  EXPECT_EQ(out["quantidade"], 3.0);
  EXPECT_EQ(out["urgente"], true);
  EXPECT_FALSE(out.contains("detalhes"));
}

TEST(ServiceForm, NamesEveryOffendingField) {
  using ::testing::UnorderedElementsAre;
  EXPECT_THAT(fields_of(nlohmann::json::object()), UnorderedElementsAre("sistema", "matricula"));
  EXPECT_THAT(fields_of({{"sistema", "SAP"}, {"matricula", "1"}}), UnorderedElementsAre("sistema"));
  EXPECT_THAT(fields_of({{"sistema", "SIGEFES"}, {"matricula", "  "}}),
              UnorderedElementsAre("matricula"));
  EXPECT_THAT(fields_of({{"sistema", "SIGEFES"}, {"matricula", 7}}),
              UnorderedElementsAre("matricula"));
  EXPECT_THAT(fields_of({{"sistema", "SIGEFES"}, {"matricula", "1"}, {"inicio", "2026-02-30"}}),
              UnorderedElementsAre("inicio"));
  EXPECT_THAT(fields_of({{"sistema", "SIGEFES"}, {"matricula", "1"}, {"quantidade", "três"}}),
              UnorderedElementsAre("quantidade"));
  EXPECT_THAT(fields_of({{"sistema", "SIGEFES"}, {"matricula", "1"}, {"urgente", "talvez"}}),
              UnorderedElementsAre("urgente"));
  EXPECT_THAT(fields_of({{"sistema", "SIGEFES"}, {"matricula", "1"}, {"senha", "x"}}),
              UnorderedElementsAre("senha"));
  EXPECT_THAT(fields_of({{"sistema", "SIGEFES"}, {"matricula", "linha\nquebrada"}}),
              UnorderedElementsAre("matricula"));
}

TEST(ServiceForm, DefinitionsNeedUniqueKeysAndChoices) {
  EXPECT_THROW(validate_form_definition({{"a", "A", FieldType::text, false, {}},
                                         {"a", "B", FieldType::text, false, {}}}),
               DomainError);
  EXPECT_THROW(validate_form_definition({{"a", "A", FieldType::choice, false, {}}}), DomainError);
  auto round_trip = form_from_json(form_to_json(kForm));
  ASSERT_EQ(round_trip.size(), kForm.size());
  EXPECT_EQ(round_trip[0].choices, kForm[0].choices);
  EXPECT_EQ(round_trip[5].type, FieldType::yes_no);
}

}  // namespace
}  // namespace guiche
