#include "support/desk_world.hpp"
#include "app/directory/authorizations.hpp"
#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"

namespace guiche::testing {
namespace {

Person make_person(const std::string& name, const std::string& email,
                   std::optional<std::int64_t> org, std::vector<RoleGrant> roles) {
  Person p;
  p.name = name;
  p.emails = {email};
  p.organization_id = org;
  p.roles = std::move(roles);
  return p;
}

}  // namespace

void DeskWorldTest::SetUp() {
  database = std::make_unique<TestDatabase>(engine());
  desk = std::make_unique<app::Desk>(database->db(), clock, desk_config());
  Person root;
  root.id = -1;
  root.roles = {{Role::admin, std::nullopt}};
  const app::Actor admin{root, Channel::api};

  auto unit = [&](const char* code, const char* name, std::optional<std::int64_t> parent,
                  UnitKind kind = UnitKind::technical) {
    return desk->directory().create_unit(admin, Unit{0, code, name, parent, kind});
  };
  w.central = unit("SGHDK", "Subgerência de Help Desk", std::nullopt, UnitKind::service_center);
  w.relations = unit("ASESP", "Assessoria Especial", std::nullopt, UnitKind::client_relations);
  w.gesin = unit("GESIN", "Gerência de Sistemas", std::nullopt);
  w.sgsis = unit("SGSIS", "Subgerência de Sistemas", w.gesin.id);
  w.geinf = unit("GEINF", "Gerência de Infraestrutura", std::nullopt);
  w.sgdba = unit("SGDBA", "Subgerência de Banco de Dados", w.geinf.id);
  w.ascom = unit("ASCOM", "Assessoria de Comunicação", std::nullopt, UnitKind::communications);

  auto org = [&](const char* name, const char* acronym, bool client) {
    Organization o;
    o.name = name;
    o.acronym = acronym;
    o.is_client = client;
    o.client_reference = client ? "Contrato 012/2025" : "";
    o.calendar = "br-es";
    return desk->directory().create_organization(admin, o);
  };
  w.seger = org("Secretaria de Gestão e Recursos Humanos", "SEGER", true);
  w.sesa = org("Secretaria da Saúde", "SESA", true);
  w.viana = org("Prefeitura Municipal de Viana", "PMV", false);

  auto person = [&](const Person& p) {
    return desk->directory().create_person(admin, {p, std::nullopt});
  };
  w.admin = person(make_person("Ana Admin", "admin@prodest.es.gov.br", std::nullopt,
                               {{Role::admin, std::nullopt}}));
  w.attendant = person(make_person("Carlos Atendente", "carlos@prodest.es.gov.br", std::nullopt,
                                   {{Role::attendant, w.central.id}}));
  w.analyst_sis = person(make_person("Sofia Analista", "sofia@prodest.es.gov.br", std::nullopt,
                                     {{Role::analyst, w.sgsis.id}}));
  w.analyst_dba = person(make_person("Diego DBA", "diego@prodest.es.gov.br", std::nullopt,
                                     {{Role::analyst, w.sgdba.id}}));
  w.manager_gesin = person(make_person("Gustavo Gerente", "gustavo@prodest.es.gov.br", std::nullopt,
                                       {{Role::unit_manager, w.gesin.id}}));
  w.relations_agent = person(make_person("Regina Relacionamento", "regina@prodest.es.gov.br",
                                         std::nullopt, {{Role::client_relations, w.relations.id}}));
  w.requester_seger = person(make_person("Maria Solicitante", "maria@seger.es.gov.br", w.seger.id,
                                         {{Role::requester, std::nullopt}}));
  w.manager_seger = person(make_person("Otávio Gestor", "otavio@seger.es.gov.br", w.seger.id,
                                       {{Role::org_manager, std::nullopt}}));
  w.requester_sesa = person(make_person("Paulo Saúde", "paulo@saude.es.gov.br", w.sesa.id,
                                        {{Role::requester, std::nullopt}}));
  w.requester_viana = person(make_person("Vera Viana", "vera@viana.es.gov.br", w.viana.id,
                                         {{Role::requester, std::nullopt}}));
  w.citizen = person(make_person("João Cidadão", "joao@example.com", std::nullopt,
                                 {{Role::requester, std::nullopt}}));

  const app::Actor real_admin = as(w.admin);
  for (auto [who, org_id] :
       {std::pair{w.requester_seger, w.seger.id}, std::pair{w.manager_seger, w.seger.id},
        std::pair{w.requester_sesa, w.sesa.id}}) {
    desk->authorizations().authorize_requester(
        real_admin, {org_id, who.id, AuthorizationDocument::oficio, "Ofício 45/2026",
                     Date{std::chrono::year{2026} / 1 / 1}});
  }

  Service s;
  s.code = "SIS-ACESSO";
  s.name = "Acesso a sistemas corporativos";
  s.description = "Criação e alteração de acesso aos sistemas do Estado.";
  s.audience = Audience::authorized_requesters;
  s.owning_unit_id = w.sgsis.id;
  s.form = {{"sistema", "Sistema", FieldType::choice, true, {"SIGEFES", "SIARHES", "E-Docs"}},
            {"matricula", "Matrícula", FieldType::text, true, {}},
            {"inicio", "Data de início", FieldType::date, false, {}},
            {"urgente", "É urgente?", FieldType::yes_no, false, {}}};
  w.sis_access = desk->directory().create_service(real_admin, s);
  s = Service{};
  s.code = "SUP-TEC";
  s.name = "Solicitar Suporte de Tecnologia";
  s.audience = Audience::anyone;
  s.owning_unit_id = w.central.id;
  s.default_category = Category::technical_consultation;
  w.support = desk->directory().create_service(real_admin, s);
  s = Service{};
  s.code = "EMAIL-INST";
  s.name = "E-mail institucional";
  s.audience = Audience::public_servants;
  w.servants = desk->directory().create_service(real_admin, s);
  s = Service{};
  s.code = "PROJ-SIS";
  s.name = "Projeto de sistema";
  s.audience = Audience::authorized_requesters;
  s.default_category = Category::project;
  w.project = desk->directory().create_service(real_admin, s);
}

app::DeskConfig DeskWorldTest::desk_config() {
  return app::DeskConfig{database->data_dir()};
}

void DeskWorldTest::TearDown() {
  desk.reset();
  database.reset();
}

Person DeskWorldTest::create_ombudsman(const std::string& name, const std::string& email) {
  Person p;
  p.name = name;
  p.emails = {email};
  p.roles = {{Role::ombudsman, std::nullopt}};
  return desk->directory().create_person(as(w.admin), {p, std::nullopt});
}

Person DeskWorldTest::create_leader() {
  Person p;
  p.name = "Lia Diretora";
  p.emails = {"lia@prodest.es.gov.br"};
  p.roles = {{Role::leadership, std::nullopt}};
  return desk->directory().create_person(as(w.admin), {p, std::nullopt});
}

Person DeskWorldTest::create_data_protection_officer() {
  Person p;
  p.name = "Dora Encarregada";
  p.emails = {"dora@prodest.es.gov.br"};
  p.roles = {{Role::data_protection_officer, std::nullopt}};
  return desk->directory().create_person(as(w.admin), {p, std::nullopt});
}

Ticket DeskWorldTest::register_sis(const Person& requester, const std::string& subject) {
  app::RegisterRequest r;
  r.requester_id = requester.id;
  r.service_code = "SIS-ACESSO";
  r.subject = subject;
  r.description = "Preciso de acesso para lançar a folha de pagamento.";
  r.form_answers = {{"sistema", "SIGEFES"}, {"matricula", "123456"}};
  return desk->intake().register_request(as(requester), r);
}

std::int64_t DeskWorldTest::count(const std::string& table) {
  std::int64_t n = 0;
  database->db().read(
      [&](store::Connection& c) { n = c.query_one("SELECT count(*) FROM " + table)->integer(0); });
  return n;
}

}  // namespace guiche::testing
