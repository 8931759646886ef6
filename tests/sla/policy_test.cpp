// SLA policies: the defaults (docs/domain.md, "SLA clocks"), the choice of a policy and why, and
// the configuration document's validation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/error.hpp"
#include "domain/ticket.hpp"
#include "sla/policy.hpp"

namespace guiche::sla {
namespace {

std::vector<std::string> error_fields(const nlohmann::json& document) {
  try {
    configuration_from_json(document);
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), DomainError::Kind::validation);
    std::vector<std::string> fields;
    for (const auto& f : e.fields()) fields.push_back(f.field);
    return fields;
  }
  ADD_FAILURE() << "accepted: " << document.dump();
  return {};
}

TEST(SlaPolicy, DefaultMatrixAgreesWithTheDomainPriority) {
  const auto config = default_configuration();
  for (int impact = 1; impact <= 3; ++impact) {
    for (int urgency = 1; urgency <= 3; ++urgency) {
      EXPECT_EQ(config.priority_matrix[impact - 1][urgency - 1], priority_from(impact, urgency));
    }
  }
}

TEST(SlaPolicy, DefaultSeveritiesAndTargets) {
  const auto config = default_configuration();
  struct Expect {
    int impact, urgency;
    const char* severity;
    DurationUnit unit;
    std::int64_t amount;
  };
  for (auto e : {Expect{1, 1, "Crítica", DurationUnit::business_hours, 6},
                 Expect{1, 2, "Alta", DurationUnit::business_hours, 16},
                 Expect{1, 3, "Alta", DurationUnit::business_hours, 16},
                 Expect{2, 1, "Média", DurationUnit::business_days, 10},
                 Expect{2, 3, "Média", DurationUnit::business_days, 10},
                 Expect{3, 1, "Baixa", DurationUnit::business_days, 20},
                 Expect{3, 3, "Baixa", DurationUnit::business_days, 20}}) {
    auto s = select_policy(config, "SUP", "", Category::incident, e.impact, e.urgency);
    ASSERT_NE(s.policy, nullptr);
    EXPECT_EQ(s.severity, e.severity);
    EXPECT_EQ(s.policy->resolution.unit, e.unit);
    EXPECT_EQ(s.policy->resolution.amount, e.amount);
    EXPECT_THAT(s.reason, ::testing::HasSubstr("Severidade " + std::string(e.severity)));
  }
}

TEST(SlaPolicy, FederalCategoriesRunInCalendarHours) {
  const auto config = default_configuration();
  struct Expect {
    Category category;
    std::int64_t hours;
  };
  for (auto e :
       {Expect{Category::technical_consultation, 2}, Expect{Category::defect_with_stoppage, 4},
        Expect{Category::defect_without_stoppage, 24}}) {
    auto s = select_policy(config, "SUP", "", e.category, 1, 1);
    EXPECT_EQ(s.policy->resolution.unit, DurationUnit::calendar_hours);
    EXPECT_EQ(s.policy->resolution.amount, e.hours);
    EXPECT_THAT(s.reason, ::testing::HasSubstr("categoria"));
    EXPECT_EQ(s.severity, "Crítica");  // the severity is still reported
  }
}

TEST(SlaPolicy, ServicePolicyThenRulesThenSeverity) {
  auto config = default_configuration();
  config.rules.insert(config.rules.begin(),
                      SelectionRule{"SIS-ACESSO", std::nullopt, "Baixa", "alta"});
  auto by_rule = select_policy(config, "SIS-ACESSO", "", Category::service_request, 3, 3);
  EXPECT_EQ(by_rule.policy->code, "alta");
  EXPECT_EQ(by_rule.reason, "Regra 1 da configuração: serviço SIS-ACESSO, severidade Baixa.");
  auto by_service = select_policy(config, "SIS-ACESSO", "critica", Category::service_request, 3, 3);
  EXPECT_EQ(by_service.policy->code, "critica");
  EXPECT_EQ(by_service.reason, "Política definida no serviço SIS-ACESSO.");
  // An unknown policy named by a service falls through to the rules.
  EXPECT_EQ(select_policy(config, "SIS-ACESSO", "nao-existe", Category::service_request, 3, 3)
                .policy->code,
            "alta");
  auto other = select_policy(config, "OUTRO", "", Category::service_request, 3, 3);
  EXPECT_EQ(other.policy->code, "baixa");
  EXPECT_EQ(other.reason, "Severidade Baixa pela prioridade 9 (impacto 3 × urgência 3).");
}

TEST(SlaPolicy, JsonRoundTrip) {
  auto config = default_configuration();
  config.warning_fraction = 0.5;
  config.policies[0].pause_on_third_party = true;
  config.policies[0].calendar = CalendarChoice::organization;
  config.rules.push_back({"X", Category::incident, "Alta", "media"});
  const auto back = configuration_from_json(to_json(config));
  EXPECT_EQ(to_json(back), to_json(config));
  EXPECT_EQ(to_json(config)["policies"][0]["resolution_text"], "6 horas úteis");
}

TEST(SlaPolicy, InvalidDocumentsNameTheirFields) {
  auto good = to_json(default_configuration());
  auto doc = good;
  doc["policies"][1]["resolution"]["amount"] = 0;
  EXPECT_THAT(error_fields(doc), ::testing::ElementsAre("policies[1].resolution.amount"));
  doc = good;
  doc["policies"][2]["first_response"]["unit"] = "fortnights";
  EXPECT_THAT(error_fields(doc), ::testing::ElementsAre("policies[2].first_response.unit"));
  doc = good;
  doc["priority_matrix"][1][2] = 10;
  EXPECT_THAT(error_fields(doc), ::testing::ElementsAre("priority_matrix[1][2]"));
  doc = good;
  doc["severities"][1]["to"] = 2;  // priority 3 left without a severity
  EXPECT_THAT(error_fields(doc), ::testing::ElementsAre("severities"));
  doc = good;
  doc["rules"][0]["policy"] = "nao-existe";
  doc["rules"][1]["category"] = "outra";
  doc["warning_fraction"] = 1.5;
  EXPECT_THAT(error_fields(doc), ::testing::UnorderedElementsAre(
                                     "rules[0].policy", "rules[1].category", "warning_fraction"));
  doc = good;
  doc["policies"][1]["code"] = "critica";  // and "alta", which severities name, is gone
  EXPECT_THAT(error_fields(doc),
              ::testing::UnorderedElementsAre("policies[1].code", "severities[1].policy"));
  doc = good;
  doc["surprise"] = 1;
  EXPECT_THAT(error_fields(doc), ::testing::ElementsAre("surprise"));
  EXPECT_THAT(error_fields(nlohmann::json::array()), ::testing::ElementsAre("configuration"));
}

}  // namespace
}  // namespace guiche::sla
