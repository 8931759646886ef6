// The PRODEST unit tree (docs/domain.md, "Organizations, units and roles") and
// the organizations the desk serves.
#include <stdexcept>

#include "app/directory/directory.hpp"
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

// CNPJ check digits (mod 11), so the fictitious numbers are well formed.
std::string cnpj_with_check_digits(const std::string& base12) {
  std::string d = base12;
  for (int round = 0; round < 2; ++round) {
    int weight = static_cast<int>(d.size()) - 7;
    int sum = 0;
    for (char c : d) {
      sum += (c - '0') * weight;
      weight = weight == 2 ? 9 : weight - 1;
    }
    const int rest = sum % 11;
    d.push_back(static_cast<char>('0' + (rest < 2 ? 0 : 11 - rest)));
  }
  return d.substr(0, 2) + "." + d.substr(2, 3) + "." + d.substr(5, 3) + "/" + d.substr(8, 4) + "-" +
         d.substr(12, 2);
}

int year_of(Instant t) {
  return static_cast<int>(std::chrono::year_month_day{local_day_of(t)}.year());
}

}  // namespace

app::Actor World::as(const std::string& key, Channel channel) const {
  auto it = people.find(key);
  if (it == people.end()) throw std::logic_error("demo: pessoa desconhecida: " + key);
  return app::Actor{it->second, channel};
}

std::int64_t World::person_id(const std::string& key) const {
  return as(key).id();
}

void create_units(World& w) {
  struct Row {
    const char* code;
    const char* name;
    const char* parent;
    UnitKind kind;
  };
  // Parents first: each row may name an earlier one.
  static const Row kUnits[] = {
      {"DITEC", "Diretoria Técnica", nullptr, UnitKind::technical},
      {"GESIN", "Gerência de Sistemas de Informação", "DITEC", UnitKind::technical},
      {"GEINF", "Gerência de Gestão da Informação", "DITEC", UnitKind::technical},
      {"GESUP", "Gerência de Suporte", "DITEC", UnitKind::technical},
      {"GEOPE", "Gerência de Operação", "DITEC", UnitKind::technical},
      {"SGSIS", "Subgerência de Desenvolvimento de Sistemas", "GESIN", UnitKind::technical},
      {"SGMAS", "Subgerência de Manutenção e Sustentação de Sistemas", "GESIN",
       UnitKind::technical},
      {"SGPRJ", "Subgerência de Projetos de Sistemas", "GESIN", UnitKind::technical},
      {"SGSWB", "Subgerência de Soluções Web e Portais", "GESIN", UnitKind::technical},
      {"SGITG", "Subgerência de Informações Territoriais e Geoprocessamento", "GEINF",
       UnitKind::technical},
      {"SGDWH", "Subgerência de Data Warehouse e Inteligência de Negócios", "GEINF",
       UnitKind::technical},
      {"SGDAT", "Subgerência de Administração de Dados", "GEINF", UnitKind::technical},
      {"SGHDK", "Subgerência de Help Desk (Central de Serviços)", "GESUP",
       UnitKind::service_center},
      {"SGSIN", "Subgerência de Suporte em Informática", "GESUP", UnitKind::technical},
      {"SGMON", "Subgerência de Monitoramento de Serviços", "GEOPE", UnitKind::technical},
      {"SGINT", "Subgerência de Internet e Correio Eletrônico", "GEOPE", UnitKind::technical},
      {"SGSEG", "Subgerência de Segurança da Informação", "GEOPE", UnitKind::technical},
      {"SGDBA", "Subgerência de Administração de Banco de Dados", "GEOPE", UnitKind::technical},
      {"ASESP", "Assessoria Especial (Relacionamento com Clientes)", nullptr,
       UnitKind::client_relations},
      {"ASCOM", "Assessoria de Comunicação", nullptr, UnitKind::communications},
  };
  const auto admin = w.as("admin");
  for (const auto& row : kUnits) {
    Unit u;
    u.code = row.code;
    u.name = row.name;
    u.kind = row.kind;
    if (row.parent) u.parent_id = w.units.at(row.parent);
    w.units[u.code] = w.desk.directory().create_unit(admin, u).id;
    w.tick();
  }
}

void create_organizations(World& w) {
  // The year of the document that made each organization a client: the same
  // day its requesters' records start (demo_authorizations.cpp).
  const auto year = [&](int days_before) {
    return std::to_string(year_of(w.begin - std::chrono::days{days_before}));
  };
  struct Row {
    const char* acronym;
    const char* name;
    const char* cnpj_base;
    std::string reference;  // empty: not a client
    bool confirm_changes;
    // The state bodies sit in Vitória and observe its municipal holidays
    // (demo_calendars.cpp); Viana's own holidays are not in the seed data.
    const char* calendar;
  };
  const Row rows[] = {
      {"PRODEST", "Instituto de Tecnologia da Informação e Comunicação do Estado do Espírito Santo",
       "271440300001", "", true, kVitoriaCalendar},
      {"SEGER", "Secretaria de Estado de Gestão e Recursos Humanos", "276395740001",
       "Contrato nº 012/" + year(420) + " (prestação de serviços de TIC)", true, kVitoriaCalendar},
      // SESA keeps its own list without the central's confirmation (docs/domain.md,
      // "Authorized requesters and audiences").
      {"SESA", "Secretaria de Estado da Saúde", "271358620001",
       "Contrato nº 027/" + year(700) + " e 3º Termo Aditivo", false, kVitoriaCalendar},
      {"SEDU", "Secretaria de Estado da Educação", "272301830001",
       "Ofício SEDU/GS nº 045/" + year(330), true, kVitoriaCalendar},
      {"SEFAZ", "Secretaria de Estado da Fazenda", "270808820001", "Contrato nº 003/" + year(200),
       true, kVitoriaCalendar},
      {"PMV", "Prefeitura Municipal de Viana", "271655540001", "", true, "br-es"},
  };
  const auto admin = w.as("admin");
  for (const auto& row : rows) {
    Organization o;
    o.name = row.name;
    o.acronym = row.acronym;
    o.cnpj = cnpj_with_check_digits(row.cnpj_base);
    o.is_client = !row.reference.empty();
    o.client_reference = row.reference;
    o.calendar = row.calendar;
    o.authorization_changes_need_confirmation = row.confirm_changes;
    w.organizations[o.acronym] = w.desk.directory().create_organization(admin, o);
    w.tick();
  }
}

}  // namespace guiche::demo
