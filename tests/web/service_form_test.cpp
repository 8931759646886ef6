// A service's typed fields in the portal's forms: dates typed as Brazilians
// write them reach the desk as AAAA-MM-DD, and a date that is no day is
// refused with the other errors, next to its input, asking for dd/mm/aaaa.
#include <gmock/gmock.h>

#include "domain/error.hpp"
#include "web/service_form.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

Service access_service() {
  Service s;
  s.form = {{"matricula", "Matrícula", FieldType::text, true, {}},
            {"inicio", "Acesso a partir de", FieldType::date, false, {}}};
  return s;
}

TEST(ServiceFormTest, DatesTypedDayFirstReachTheDeskAsIsoDates) {
  web::Form form;
  form.fields = {{"campo-matricula", "1234567"}, {"campo-inicio", "1/3/2027"}};
  nlohmann::json answers = nlohmann::json::object();
  std::map<std::string, std::string> rename;
  web::read_field_answers(access_service(), form, answers, rename);
  EXPECT_EQ(answers["inicio"], "2027-03-01");
  EXPECT_EQ(answers["matricula"], "1234567");
  EXPECT_EQ(rename["inicio"], "campo-inicio");
  EXPECT_EQ(validate_form_answers(access_service().form, answers)["inicio"], "2027-03-01");
  EXPECT_EQ(web::answer_for_display(access_service().form[1], "2027-03-01"), "01/03/2027");
  EXPECT_EQ(web::answer_for_display(access_service().form[0], "2027-03-01"), "2027-03-01");
}

TEST(ServiceFormTest, ADateThatIsNoDayIsRefusedWithTheOtherErrors) {
  const auto service = access_service();
  web::Form form;
  form.fields = {{"campo-inicio", "31/02/2027"}};
  nlohmann::json answers = nlohmann::json::object();
  std::map<std::string, std::string> rename;
  web::read_field_answers(service, form, answers, rename);
  try {
    validate_form_answers(service.form, answers);
    FAIL() << "the desk should refuse the form";
  } catch (const DomainError& e) {
    const auto errors = web::form_field_errors(e, rename, service, form);
    ASSERT_TRUE(errors.contains("campo-matricula"));  // the required field too
    ASSERT_TRUE(errors.contains("campo-inicio"));
    EXPECT_THAT(errors.at("campo-inicio"), HasSubstr("dd/mm/aaaa"));
  }
}

}  // namespace
}  // namespace guiche::testing
