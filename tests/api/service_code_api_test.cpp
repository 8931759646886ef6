// POST /api/v1/tickets takes the service's code as people type it: case,
// accents, spaces and separators do not matter (domain/service_code.hpp); a
// code naming no active service is a 422 that registers nothing.
#include <gmock/gmock.h>

#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class ServiceCodeApiTest : public ApiTest {
 protected:
  HttpResult request(const Browser& b, const std::string& code) {
    const json body = {{"service_code", code},
                       {"subject", "Acesso ao SIGEFES"},
                       {"description", "Preciso lançar empenhos."},
                       {"form_answers", {{"sistema", "SIGEFES"}, {"matricula", "3344"}}}};
    return call("POST", "/api/v1/tickets", b, body.dump());
  }
};

TEST_P(ServiceCodeApiTest, TheCodeAsTypedNamesTheService) {
  Browser maria = sign_in(w.requester_seger);
  for (const std::string code :
       {"SIS-ACESSO", " sis-acesso ", "Sis Acesso", "SISACESSO", "sis_acésso", "[SIS-ACESSO]"}) {
    const auto r = request(maria, code);
    ASSERT_EQ(r.status, 201) << code << " " << r.body;
    const json t = r.json();
    EXPECT_EQ(t["service_id"], w.sis_access.id) << code;
  }
}

TEST_P(ServiceCodeApiTest, ACodeNamingNoServiceRegistersNothing) {
  Browser maria = sign_in(w.requester_seger);
  for (const std::string code : {"SIS", "SIS-ACESSO-2", "sis acesso sigefes"}) {
    const auto r = request(maria, code);
    EXPECT_EQ(r.status, 422) << code << " " << r.body;
    const json problem = r.json();
    EXPECT_THAT(problem.value("detail", ""), HasSubstr("Serviço desconhecido")) << r.body;
  }
  EXPECT_EQ(count("tickets"), 0);
}

GUICHE_ON_BOTH_ENGINES(ServiceCodeApiTest);

}  // namespace
}  // namespace guiche::testing
