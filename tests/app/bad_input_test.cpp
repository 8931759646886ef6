// Bad input to the directory, to registration and its forms, to lists and to
// protocol look-ups: each gets a clear pt-BR error of the right kind and
// changes nothing.
#include "app/bad_input_fixture.hpp"
#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using Kind = DomainError::Kind;

class BadInputTest : public BadInputFixture {
 protected:
  Person seger_person() {
    Person p;
    p.name = "Lúcia Servidora";
    p.emails = {"lucia@seger.es.gov.br"};
    p.organization_id = w.seger.id;
    p.roles = {{Role::requester, std::nullopt}};
    return p;
  }

  app::RegisterRequest sis_request() {
    app::RegisterRequest r;
    r.requester_id = w.requester_seger.id;
    r.service_code = "SIS-ACESSO";
    r.subject = "Acesso ao SIGEFES";
    r.description = "Preciso lançar a folha de pagamento.";
    r.form_answers = {{"sistema", "SIGEFES"}, {"matricula", "123456"}};
    return r;
  }

  // Registers `r` as its requester; must be refused naming `fields`.
  std::string refused(const app::RegisterRequest& r, const std::vector<std::string>& fields) {
    const auto requester = as(w.requester_seger);
    return rejects(Kind::validation, fields,
                   [&] { desk->intake().register_request(requester, r); });
  }
};

TEST_P(BadInputTest, InvalidCpfIsRefused) {
  const auto admin = as(w.admin);
  for (const char* cpf :
       {"123.456.789-00", "111.111.111-11", "123.456.789", "123.abc.789-09", "123456789091", ""}) {
    Person p = seger_person();
    p.cpf = cpf;
    const auto text = rejects(Kind::validation, {"cpf"}, [&] {
      desk->directory().create_person(admin, {p, std::nullopt});
    });
    EXPECT_THAT(text, HasSubstr("CPF inválido")) << cpf;
  }
  Person p = seger_person();
  p.cpf = "123.456.789-09";
  EXPECT_EQ(desk->directory().create_person(admin, {p, std::nullopt}).cpf, "12345678909");
}

TEST_P(BadInputTest, InvalidEmailPhoneAndLoginAreRefusedTogether) {
  const auto admin = as(w.admin);
  for (const char* email : {"lucia@", "sem-arroba.es.gov.br", "a@b", "a@@b.com", "<a@b.com>",
                            "lucia @seger.es.gov.br", "lucia@seger..es.gov.br"}) {
    Person p = seger_person();
    p.emails = {email};
    rejects(Kind::validation, {"emails"}, [&] {
      desk->directory().create_person(admin, {p, std::nullopt});
    });
  }
  for (const char* phone : {"123", "(27) 3636-abcd", "+0 27 3636 1234", "27 83636 1234", ""}) {
    Person p = seger_person();
    p.phone = phone;
    rejects(Kind::validation, {"phone"}, [&] {
      desk->directory().create_person(admin, {p, std::nullopt});
    });
  }
  Person p = seger_person();
  p.emails = {"lucia@"};
  p.phone = "123";
  p.cpf = "123.456.789-00";
  p.login = "Lúcia!";
  p.name = " ";
  rejects(Kind::validation, {"name"}, [&] {
    desk->directory().create_person(admin, {p, std::nullopt});
  });
  p.name = "Lúcia";
  const auto text = rejects(Kind::validation, {"emails", "phone", "cpf", "login"}, [&] {
    desk->directory().create_person(admin, {p, std::nullopt});
  });
  EXPECT_THAT(text, HasSubstr("lucia@"));

  // Updates are checked the same way and leave the person as they were.
  Person maria = w.requester_seger;
  maria.emails = {"maria.arroba.seger"};
  maria.phone = "27";
  rejects(Kind::validation, {"emails", "phone"},
          [&] { desk->directory().update_person(admin, maria); });
  const Person stored = desk->directory().person(admin, w.requester_seger.id);
  EXPECT_EQ(stored.emails, w.requester_seger.emails);
  EXPECT_EQ(stored.phone, w.requester_seger.phone);

  // A duplicate is a conflict, not a second person.
  Person twin = seger_person();
  twin.emails = {"MARIA@seger.es.gov.br"};
  rejects(Kind::conflict, {}, [&] {
    desk->directory().create_person(admin, {twin, std::nullopt});
  });
}

TEST_P(BadInputTest, UnknownServiceIsRefused) {
  auto r = sis_request();
  // "sis acesso" names SIS-ACESSO as typed (domain/service_code.hpp); a longer code does not.
  for (const char* code : {"NAO-EXISTE", "", "SIS-ACESSO-2", "SIS"}) {
    r.service_code = code;
    EXPECT_THAT(refused(r, {"service"}), HasSubstr("Serviço desconhecido")) << code;
  }
}

TEST_P(BadInputTest, MissingRequiredFieldIsNamed) {
  auto r = sis_request();
  r.form_answers = {{"sistema", "SIGEFES"}};
  EXPECT_THAT(refused(r, {"matricula"}), HasSubstr("Campo obrigatório: Matrícula."));
  r.form_answers = {{"sistema", "SIGEFES"}, {"matricula", "   "}};
  EXPECT_THAT(refused(r, {"matricula"}), HasSubstr("Matrícula"));
  r.form_answers = {{"sistema", nullptr}, {"matricula", "123"}};
  EXPECT_THAT(refused(r, {"sistema"}), HasSubstr("Sistema"));
  r.form_answers = nlohmann::json::object();
  const auto text = refused(r, {"sistema", "matricula"});
  EXPECT_THAT(text, HasSubstr("Sistema"));
  EXPECT_THAT(text, HasSubstr("Matrícula"));
  r.form_answers = nlohmann::json::array({"SIGEFES", "123456"});
  refused(r, {"form_answers"});
}

TEST_P(BadInputTest, WrongTypesInFormFieldsAreRefused) {
  const std::vector<std::pair<nlohmann::json, std::string>> cases = {
      {{{"sistema", "SAP"}}, "sistema"},
      {{{"sistema", "sigefes"}}, "sistema"},
      {{{"sistema", 1}}, "sistema"},
      {{{"matricula", 123456}}, "matricula"},
      {{{"matricula", "123\n456"}}, "matricula"},
      {{{"matricula", std::string(501, '1')}}, "matricula"},
      {{{"inicio", "2026-02-30"}}, "inicio"},
      {{{"inicio", "31/12/2026"}}, "inicio"},
      {{{"inicio", "amanhã"}}, "inicio"},
      {{{"urgente", "talvez"}}, "urgente"},
      {{{"urgente", 1}}, "urgente"},
  };
  for (const auto& [change, field] : cases) {
    auto r = sis_request();
    r.form_answers.update(change);
    EXPECT_THAT(refused(r, {field}), HasSubstr(field + ":")) << change.dump();
  }

  // Numbers: a service whose form counts something.
  Service s;
  s.code = "LIC-SOFT";
  s.name = "Licenças de software";
  s.audience = Audience::public_servants;
  s.form = {{"quantidade", "Quantidade de licenças", FieldType::number, true, {}}};
  desk->directory().create_service(as(w.admin), s);
  auto r = sis_request();
  r.service_code = "LIC-SOFT";
  for (const nlohmann::json& value :
       {nlohmann::json("muitas"), nlohmann::json("12abc"), nlohmann::json("NaN"),
        nlohmann::json("inf"), nlohmann::json("-infinity"), nlohmann::json("1e999"),
        nlohmann::json(true), nlohmann::json::array({1})}) {
    r.form_answers = {{"quantidade", value}};
    EXPECT_THAT(refused(r, {"quantidade"}), HasSubstr("Quantidade de licenças")) << value.dump();
  }
  r.form_answers = {{"quantidade", "12"}};
  EXPECT_EQ(desk->intake().register_request(as(w.requester_seger), r).form_answers["quantidade"],
            12.0);
}

TEST_P(BadInputTest, UnknownFormKeyIsRefused) {
  auto r = sis_request();
  r.form_answers["perfil"] = "administrador";
  EXPECT_THAT(refused(r, {"perfil"}), HasSubstr("Campo desconhecido"));
}

TEST_P(BadInputTest, SubjectAndDescriptionMustBeCleanText) {
  const std::vector<std::string> bad_subjects = {
      "",
      "   \t ",
      "Acesso\x01 ao SIGEFES",
      "Acesso\x1b[31m vermelho",
      "Acesso\x7f",
      std::string("Acesso\0SIGEFES", 14),
      "Acesso ao SIGEFES \xff",
      "Acesso \xc3",                     // truncated sequence
      "Acesso \xc0\xaf",                 // overlong "/"
      "Acesso \xed\xa0\x80",             // UTF-16 surrogate
      "Acesso\r\nBcc: todos@es.gov.br",  // one line only: subjects go into e-mail headers
      "Acesso\nao SIGEFES",
      std::string(app::kMaxSubjectBytes + 1, 'a'),
  };
  for (const auto& subject : bad_subjects) {
    auto r = sis_request();
    r.subject = subject;
    EXPECT_THAT(refused(r, {"subject"}), HasSubstr("assunto")) << subject;
  }
  for (const char* description : {"", " \n ", "Texto\x02", "Texto \xfe\xff"}) {
    auto r = sis_request();
    r.description = description;
    refused(r, {"description"});
  }
  auto r = sis_request();
  r.description = "Linha um.\nLinha dois.\tCom tabulação.";
  r.subject = "  Acesso ao SIGEFES  ";
  const Ticket t = desk->intake().register_request(as(w.requester_seger), r);
  EXPECT_EQ(t.subject, "Acesso ao SIGEFES");
  EXPECT_EQ(t.description, r.description);
}

TEST_P(BadInputTest, ImpactAndUrgencyMustBeOneToThree) {
  for (int value : {0, 4, -1, 100}) {
    auto r = sis_request();
    r.impact = value;
    refused(r, {"impact"});
    r = sis_request();
    r.urgency = value;
    refused(r, {"urgency"});
    const auto attendant = as(w.attendant);
    rejects(Kind::validation, {"impact"}, [&] {
      desk->work().triage(attendant, fresh.id,
                          {std::nullopt, std::nullopt, value, 2, std::nullopt});
    });
    rejects(Kind::validation, {"urgency"}, [&] {
      desk->work().triage(attendant, fresh.id,
                          {std::nullopt, std::nullopt, 2, value, std::nullopt});
    });
  }
}

TEST_P(BadInputTest, RefusedRequestsTakeNoProtocolNumber) {
  auto r = sis_request();
  r.form_answers = nlohmann::json::object();
  refused(r, {"sistema"});
  r = sis_request();
  r.subject = "";
  refused(r, {"subject"});
  // The two tickets of the fixture took 000001 and 000002: no gap after refusals.
  EXPECT_EQ(desk->intake().register_request(as(w.requester_seger), sis_request()).protocol,
            "2026-000003");
}

TEST_P(BadInputTest, MalformedCursorAndSearchAreRefused) {
  const auto attendant = as(w.attendant);
  for (const char* cursor : {"abc", "1.", ".5", "1.0", "1.-3", "1.2.3", "x.y", "1772452800000",
                             "99999999999999999999.1", "1.99999999999999999999"}) {
    store::TicketFilter f;
    f.cursor = cursor;
    EXPECT_THAT(
        rejects(Kind::validation, {"cursor"}, [&] { desk->tickets().list_tickets(attendant, f); }),
        HasSubstr("Cursor"))
        << cursor;
  }
  store::TicketFilter f;
  f.text = std::string(501, 'a');
  rejects(Kind::validation, {"q"}, [&] { desk->tickets().list_tickets(attendant, f); });
  // A cursor that came from the desk works.
  f = {};
  f.limit = 1;
  const auto first = desk->tickets().list_tickets(attendant, f);
  ASSERT_FALSE(first.next_cursor.empty());
  f.cursor = first.next_cursor;
  EXPECT_EQ(desk->tickets().list_tickets(attendant, f).tickets.size(), 1u);
}

TEST_P(BadInputTest, MalformedProtocolIsRefusedAndUnknownIsNotFound) {
  const auto attendant = as(w.attendant);
  for (const char* protocol : {"", "abc", "2026-", "2026-0000001", "26-000001", "2026-000000",
                               "2026/000001", "2026-00000a", "SA 2026", "２０２６-000001"}) {
    EXPECT_THAT(rejects(Kind::validation, {"protocol"},
                        [&] { desk->tickets().ticket_by_protocol(attendant, protocol); }),
                HasSubstr("AAAA-NNNNNN"))
        << protocol;
  }
  for (const char* protocol : {"2026-999999", "2025-000001", "[SA 2027-000001]"}) {
    const auto text = rejects(Kind::not_found, {},
                              [&] { desk->tickets().ticket_by_protocol(attendant, protocol); });
    EXPECT_THAT(text, HasSubstr("Chamado não encontrado")) << protocol;
  }
  // The ways people quote a protocol all work.
  for (const char* protocol : {"2026-000001", "2026-1", "[SA 2026-000001]", " 2026-000001 "}) {
    EXPECT_EQ(desk->tickets().ticket_by_protocol(attendant, protocol).id, fresh.id) << protocol;
  }
}

GUICHE_ON_BOTH_ENGINES(BadInputTest);

}  // namespace
}  // namespace guiche::testing
