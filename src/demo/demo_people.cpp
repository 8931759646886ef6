// The people of the demo: desk staff of every role, requesters of client and
// non-client organizations and citizens, with the demo logins.
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

constexpr const char* kPassword = "guiche-demo";

enum class Access {
  none,          // no login: acts only in the demo history
  login,         // demo login with the shared password
  first_access,  // demo login that must change the password first
};

struct Grant {
  Role role;
  const char* unit;  // code, or nullptr for roles without a unit
};

struct Row {
  const char* key;  // the login, when there is one
  const char* name;
  const char* organization;  // acronym, or nullptr
  const char* email;         // or nullptr
  bool mobile;               // mobile phone (requesters) vs. desk extension
  bool with_cpf;
  Access access;
  std::vector<Grant> roles;
  const char* role_label;  // for the login table
};

// CPF check digits as the Receita computes them (see domain/identity.cpp).
std::string cpf_with_check_digits(std::string digits) {
  for (int round = 0; round < 2; ++round) {
    int weight = static_cast<int>(digits.size()) + 1;
    int sum = 0;
    for (char c : digits) sum += (c - '0') * weight--;
    const int rest = (sum * 10) % 11;
    digits.push_back(static_cast<char>('0' + (rest == 10 ? 0 : rest)));
  }
  return digits.substr(0, 3) + "." + digits.substr(3, 3) + "." + digits.substr(6, 3) + "-" +
         digits.substr(9, 2);
}

std::string random_digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + rng.uniform(0, 9)));
  return out;
}

const std::vector<Row>& rows() {
  using R = Role;
  static const std::vector<Row> kRows = {
      // Desk staff (PRODEST).
      {"atendente", "Juliana Ferreira Lima", "PRODEST", "juliana.lima@prodest.es.gov.br", false,
       true, Access::login, {{R::attendant, "SGHDK"}}, "atendente (central de serviços, N1)"},
      {"carlos.santos", "Carlos Eduardo Santos", "PRODEST", "carlos.santos@prodest.es.gov.br",
       false, false, Access::none, {{R::attendant, "SGHDK"}}, ""},
      {"analista", "Fernanda Rocha Vieira", "PRODEST", "fernanda.vieira@prodest.es.gov.br", false,
       true, Access::login, {{R::analyst, "SGSIS"}}, "analista"},
      {"thiago.dias", "Thiago Moreira Dias", "PRODEST", "thiago.dias@prodest.es.gov.br", false,
       false, Access::none, {{R::analyst, "SGSIS"}, {R::analyst, "SGMAS"}}, ""},
      {"patricia.nascimento", "Patrícia Gomes Nascimento", "PRODEST",
       "patricia.nascimento@prodest.es.gov.br", false, false, Access::none,
       {{R::analyst, "SGMAS"}, {R::analyst, "SGPRJ"}}, ""},
      {"bruno.pires", "Bruno Cardoso Pires", "PRODEST", "bruno.pires@prodest.es.gov.br", false,
       false, Access::none, {{R::analyst, "SGSWB"}}, ""},
      {"analista.infra", "Rafael Souza Barcellos", "PRODEST", "rafael.barcellos@prodest.es.gov.br",
       false, true, Access::login, {{R::analyst, "SGDBA"}, {R::analyst, "SGMON"}},
       "analista de infraestrutura"},
      {"lucas.zanotti", "Lucas Henrique Zanotti", "PRODEST", "lucas.zanotti@prodest.es.gov.br",
       false, false, Access::none, {{R::analyst, "SGINT"}, {R::analyst, "SGSEG"}}, ""},
      {"aline.bermudes", "Aline Cristina Bermudes", "PRODEST", "aline.bermudes@prodest.es.gov.br",
       false, false, Access::none, {{R::analyst, "SGSIN"}}, ""},
      {"gustavo.frizzera", "Gustavo Lacerda Frizzera", "PRODEST",
       "gustavo.frizzera@prodest.es.gov.br", false, false, Access::none,
       {{R::analyst, "SGDWH"}, {R::analyst, "SGDAT"}, {R::analyst, "SGITG"}}, ""},
      {"gerente", "Marcelo Antônio Tristão", "PRODEST", "marcelo.tristao@prodest.es.gov.br", false,
       true, Access::login, {{R::unit_manager, "GESIN"}}, "gerente"},
      {"sandra.loureiro", "Sandra Regina Loureiro", "PRODEST", "sandra.loureiro@prodest.es.gov.br",
       false, false, Access::none, {{R::unit_manager, "GEOPE"}}, ""},
      {"olivia.meneghel", "Olívia Castro Meneghel", "PRODEST", "olivia.meneghel@prodest.es.gov.br",
       false, false, Access::none, {{R::unit_manager, "GESUP"}}, ""},
      {"relacionamento", "Cláudia Helena Pimentel", "PRODEST",
       "claudia.pimentel@prodest.es.gov.br", false, true, Access::login,
       {{R::client_relations, "ASESP"}}, "relacionamento com clientes"},
      {"comunicacao", "Daniel Rezende Campos", "PRODEST", "daniel.campos@prodest.es.gov.br", false,
       false, Access::login, {{R::communications, "ASCOM"}}, "assessoria de comunicação"},
      {"diretoria", "Paulo Sérgio Vervloet", "PRODEST", "paulo.vervloet@prodest.es.gov.br", false,
       false, Access::login, {{R::leadership, nullptr}}, "diretoria"},
      // Client organizations.
      {"solicitante", "Mariana Costa Ribeiro", "SEGER", "mariana.ribeiro@seger.es.gov.br", true,
       true, Access::login, {{R::requester, nullptr}}, "solicitante autorizada"},
      {"gestor.seger", "Roberto Luiz Sarmento", "SEGER", "roberto.sarmento@seger.es.gov.br", true,
       true, Access::login, {{R::requester, nullptr}, {R::org_manager, nullptr}},
       "gestor do órgão"},
      {"ana.delpupo", "Ana Paula Delpupo", "SEGER", "ana.delpupo@seger.es.gov.br", true, true,
       Access::none, {{R::requester, nullptr}}, ""},
      {"jose.venturim", "José Carlos Venturim", "SEGER", "jose.venturim@seger.es.gov.br", true,
       true, Access::none, {{R::requester, nullptr}}, ""},
      {"camila.rangel", "Camila Batista Rangel", "SEGER", "camila.rangel@seger.es.gov.br", true,
       false, Access::none, {{R::requester, nullptr}}, ""},
      {"solicitante.sesa", "Luciana Pereira Nunes", "SESA", "luciana.nunes@saude.es.gov.br", true,
       true, Access::login, {{R::requester, nullptr}}, "solicitante autorizada"},
      {"eduardo.falqueto", "Eduardo Lopes Falqueto", "SESA", "eduardo.falqueto@saude.es.gov.br",
       true, true, Access::none, {{R::requester, nullptr}}, ""},
      {"renata.dalla", "Renata Vasconcelos Dalla Bernardina", "SESA",
       "renata.bernardina@saude.es.gov.br", true, true, Access::none,
       {{R::requester, nullptr}, {R::org_manager, nullptr}}, ""},
      {"primeiro.acesso", "Gabriel Teixeira Scardua", "SEDU", "gabriel.scardua@sedu.es.gov.br",
       true, true, Access::first_access, {{R::requester, nullptr}},
       "solicitante (troca a senha no primeiro acesso)"},
      {"beatriz.stein", "Beatriz Oliveira Stein", "SEDU", "beatriz.stein@sedu.es.gov.br", true,
       true, Access::none, {{R::requester, nullptr}}, ""},
      {"vinicius.pagani", "Vinícius Caliman Pagani", "SEFAZ", "vinicius.pagani@sefaz.es.gov.br",
       true, true, Access::none, {{R::requester, nullptr}}, ""},
      // A municipality that is not a client: its requests go to client relations.
      {"sergio.bravin", "Sérgio Luiz Bravin", "PMV", "sergio.bravin@viana.es.gov.br", true, true,
       Access::none, {{R::requester, nullptr}}, ""},
      {"tatiane.fraga", "Tatiane Araújo Fraga", "PMV", "tatiane.fraga@viana.es.gov.br", true,
       false, Access::none, {{R::requester, nullptr}}, ""},
      // Citizens (seed 004: "cidadão em geral").
      {"cidadao", "Joana Ribeiro Barbosa", nullptr, "joana.barbosa@email.com.br", true, true,
       Access::login, {{R::requester, nullptr}}, "cidadã (sem órgão)"},
      {"antonio.moraes", "Antônio Carlos Moraes", nullptr, nullptr, true, false, Access::none,
       {{R::requester, nullptr}}, ""},
  };
  return kRows;
}

std::vector<RoleGrant> grants_of(const World& w, const Row& row) {
  std::vector<RoleGrant> out;
  for (const auto& g : row.roles) {
    out.push_back({g.role, g.unit ? std::optional(w.units.at(g.unit)) : std::nullopt});
  }
  return out;
}

}  // namespace

void create_admin(World& w) {
  Person admin = w.desk.bootstrap_user("Ricardo Almeida Coutinho", "admin", kPassword,
                                       {{Role::admin, std::nullopt}});
  w.people["admin"] = admin;
  w.logins.push_back({"admin", "administrador", "PRODEST"});
}

void create_people(World& w) {
  const auto admin = w.as("admin");
  // The administrator's contacts are filled in now that PRODEST exists.
  Person me = w.people.at("admin");
  me.organization_id = w.organizations.at("PRODEST").id;
  me.emails = {"ricardo.coutinho@prodest.es.gov.br"};
  me.phone = "+552736367210";
  w.people["admin"] = w.desk.update_person(admin, me);

  int extension = 7211;
  for (const auto& row : rows()) {
    Person p;
    p.name = row.name;
    if (row.organization) p.organization_id = w.organizations.at(row.organization).id;
    if (row.email) p.emails = {row.email};
    p.phone = row.mobile ? "+55279" + std::to_string(w.rng.uniform(8811, 9998)) +
                               std::to_string(w.rng.uniform(1000, 9999))
                         : "+55273636" + std::to_string(extension++);
    if (row.with_cpf) p.cpf = cpf_with_check_digits(random_digits(w.rng, 9));
    p.roles = grants_of(w, row);
    Person created;
    switch (row.access) {
      case Access::none:
        created = w.desk.create_person(admin, app::NewPerson{p, std::nullopt});
        break;
      case Access::first_access:
        // A provisional password, as seed 002 describes: changed on first access.
        p.login = row.key;
        created = w.desk.create_person(admin, app::NewPerson{p, std::string(kPassword)});
        break;
      case Access::login: {
        // bootstrap_user sets a password that needs no change; the rest of
        // the record is completed by an ordinary update.
        Person account = w.desk.bootstrap_user(row.name, row.key, kPassword, p.roles);
        p.id = account.id;
        p.login = account.login;
        created = w.desk.update_person(admin, p);
        break;
      }
    }
    w.people[row.key] = created;
    if (row.access != Access::none) {
      std::string where = row.organization ? row.organization : "sem órgão";
      if (!row.roles.empty() && row.roles.front().unit) where = row.roles.front().unit;
      if (row.roles.size() > 1 && row.roles[1].unit) where += ", " + std::string(row.roles[1].unit);
      w.logins.push_back({row.key, row.role_label, where});
    }
    for (const auto& g : row.roles) {
      if (g.unit && (g.role == Role::analyst || g.role == Role::attendant)) {
        w.workers[g.unit].push_back(row.key);
      }
    }
    w.tick();
  }
}

}  // namespace guiche::demo
