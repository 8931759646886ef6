#include "web/admin/admin_forms.hpp"

#include <gtest/gtest.h>

#include <set>

#include "sla/policy.hpp"

namespace guiche::web {
namespace {

Fields two_rows() {
  return {{"campos", "2"},
          {"campo-0-chave", " matricula "},
          {"campo-0-rotulo", "Matrícula"},
          {"campo-0-tipo", "number"},
          {"campo-0-obrigatorio", "sim"},
          {"campo-1-chave", "sistema"},
          {"campo-1-rotulo", "Sistema"},
          {"campo-1-tipo", "choice"},
          {"campo-1-opcoes", "SIGEFES\r\n\r\n  SEP \n"}};
}

TEST(FormBuilder, PostedRowsBecomeTheDomainsFields) {
  const auto rows = builder_rows_from(two_rows());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].key, "matricula");
  EXPECT_TRUE(rows[0].required);
  EXPECT_FALSE(rows[1].required);
  const auto form = form_fields_from(rows);
  ASSERT_EQ(form.size(), 2u);
  EXPECT_EQ(form[0].type, FieldType::number);
  EXPECT_EQ(form[0].label, "Matrícula");
  EXPECT_EQ(form[1].type, FieldType::choice);
  EXPECT_EQ(form[1].choices, (std::vector<std::string>{"SIGEFES", "SEP"}));
  // And back: what the page shows for a stored form is what it posts.
  EXPECT_EQ(form_fields_from(builder_rows_of(form))[1].choices, form[1].choices);
}

TEST(FormBuilder, TheCountBoundsTheRowsRead) {
  auto fields = two_rows();
  fields["campos"] = "1";
  EXPECT_EQ(builder_rows_from(fields).size(), 1u);
  fields["campos"] = "99999999";  // forged: not read at all
  EXPECT_TRUE(builder_rows_from(fields).empty());
  fields["campos"] = "abc";
  EXPECT_TRUE(builder_rows_from(fields).empty());
}

TEST(FormBuilder, ActionsAddRemoveAndMoveRows) {
  auto rows = builder_rows_from(two_rows());
  EXPECT_EQ(apply_builder_action(rows, "descer-0"), 1);
  EXPECT_EQ(rows[0].key, "sistema");
  EXPECT_EQ(apply_builder_action(rows, "subir-1"), 0);
  EXPECT_EQ(rows[0].key, "matricula");
  EXPECT_EQ(apply_builder_action(rows, "subir-0"), 0);  // already first: unchanged
  EXPECT_EQ(rows[0].key, "matricula");
  EXPECT_EQ(apply_builder_action(rows, "adicionar"), 2);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2], BuilderRow{});
  EXPECT_EQ(apply_builder_action(rows, "remover-0"), 0);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].key, "sistema");
  EXPECT_EQ(apply_builder_action(rows, "remover-7"), -1);  // stale page: nothing removed
  EXPECT_EQ(rows.size(), 2u);
  EXPECT_EQ(apply_builder_action(rows, "salvar"), std::nullopt);
  EXPECT_EQ(apply_builder_action(rows, ""), std::nullopt);
  EXPECT_EQ(apply_builder_action(rows, "remover--1"), std::nullopt);
  EXPECT_EQ(rows.size(), 2u);
}

TEST(FormBuilder, AnUnknownTypeIsAnErrorOnItsRow) {
  auto fields = two_rows();
  fields["campo-1-tipo"] = "planilha";
  try {
    form_fields_from(builder_rows_from(fields));
    FAIL() << "expected a validation error";
  } catch (const DomainError& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].field, "campo-1-tipo");
  }
}

TEST(FormBuilder, DomainErrorsGoToTheRowTheyAreAbout) {
  auto fields = two_rows();
  fields["campos"] = "4";
  fields["campo-1-opcoes"] = "";          // a choice without options
  fields["campo-2-chave"] = "matricula";  // repeated key
  fields["campo-2-rotulo"] = "Outra";
  fields["campo-3-rotulo"] = "Sem chave";
  const auto rows = builder_rows_from(fields);
  try {
    validate_form_definition(form_fields_from(rows));
    FAIL() << "expected a validation error";
  } catch (const DomainError& e) {
    const auto errors = builder_errors(e, rows);
    EXPECT_TRUE(errors.count("campo-1-opcoes")) << e.what();
    EXPECT_TRUE(errors.count("campo-2-chave"));
    EXPECT_TRUE(errors.count("campo-3-chave"));
    EXPECT_FALSE(errors.count("campo-0-chave"));  // the first of the repeated keys is fine
    EXPECT_FALSE(errors.count("_geral"));
  }
}

TEST(RoleRows, RowsWithoutARoleAreSkippedAndUnitsKept) {
  const Fields fields = {{"papeis", "3"}, {"papel-0", "attendant"}, {"unidade-0", "4"},
                         {"papel-1", ""}, {"unidade-1", "5"},       {"papel-2", "admin"}};
  const auto roles = role_rows_from(fields);
  ASSERT_EQ(roles.size(), 2u);
  EXPECT_EQ(roles[0].role, Role::attendant);
  EXPECT_EQ(roles[0].unit_id, 4);
  EXPECT_EQ(roles[1].role, Role::admin);
  EXPECT_FALSE(roles[1].unit_id);
  EXPECT_THROW(role_rows_from({{"papeis", "1"}, {"papel-0", "root"}}), DomainError);
  EXPECT_THROW(role_rows_from({{"papeis", "1"}, {"papel-0", "analyst"}, {"unidade-0", "-3"}}),
               DomainError);
}

TEST(SlaTables, TheDocumentSkipsBlankAndRemovedRowsAndNamesEachInput) {
  Fields f = {{"alerta", "0,8"}, {"politicas", "3"}, {"faixas", "2"}, {"regras", "1"}};
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k)
      f["matriz-" + std::to_string(i) + "-" + std::to_string(k)] = std::to_string(i * 3 + k + 1);
  f["matriz-1-2"] = "x";
  f["politica-0-codigo"] = "velha";
  f["politica-0-rotulo"] = "Velha";
  f["politica-0-remover"] = "sim";
  f["politica-1-codigo"] = "nova";
  f["politica-1-rotulo"] = "Nova";
  f["politica-1-primeira-unidade"] = "business-hours";
  f["politica-1-primeira-qtd"] = "2";
  f["politica-1-solucao-unidade"] = "business-days";
  f["politica-1-solucao-qtd"] = "dez";
  f["politica-1-pausa"] = "sim";
  f["politica-1-calendario"] = "desk";
  f["politica-2-primeira-unidade"] = "business-hours";  // a blank row: selects only
  f["faixa-0-de"] = "1";
  f["faixa-0-ate"] = "9";
  f["faixa-0-nome"] = "Única";
  f["faixa-0-politica"] = "nova";
  f["regra-0-politica"] = "nova";
  f["regra-0-categoria"] = "incident";
  const auto posted = sla_document_from(f);
  const auto& d = posted.document;
  EXPECT_DOUBLE_EQ(d["warning_fraction"].get<double>(), 0.8);
  EXPECT_EQ(d["priority_matrix"][0][1], 2);
  EXPECT_EQ(d["priority_matrix"][1][2], "x");  // left for the domain to refuse
  ASSERT_EQ(d["policies"].size(), 1u);
  EXPECT_EQ(d["policies"][0]["code"], "nova");
  EXPECT_EQ(d["policies"][0]["first_response"]["amount"], 2);
  EXPECT_EQ(d["policies"][0]["resolution"]["amount"], "dez");
  EXPECT_TRUE(d["policies"][0]["pause_on_third_party"].get<bool>());
  ASSERT_EQ(d["severities"].size(), 1u);
  ASSERT_EQ(d["rules"].size(), 1u);
  EXPECT_FALSE(d["rules"][0].contains("service_code"));
  EXPECT_EQ(d["rules"][0]["category"], "incident");
  EXPECT_EQ(posted.input_of.at("policies[0].resolution.amount"), "politica-1-solucao-qtd");
  EXPECT_EQ(posted.input_of.at("priority_matrix[1][2]"), "matriz-1-2");
  EXPECT_EQ(posted.input_of.at("warning_fraction"), "alerta");
  // The domain names the cells; each error lands on the input it came from.
  try {
    sla::configuration_from_json(d);
    FAIL() << "expected a validation error";
  } catch (const DomainError& e) {
    std::set<std::string> inputs;
    for (const auto& fe : e.fields()) {
      auto it = posted.input_of.find(fe.field);
      inputs.insert(it == posted.input_of.end() ? "?" + fe.field : it->second);
    }
    EXPECT_TRUE(inputs.count("matriz-1-2"));
    EXPECT_TRUE(inputs.count("politica-1-solucao-qtd"));
  }
}

}  // namespace
}  // namespace guiche::web
