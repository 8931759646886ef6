// Creates the demo people through the desk: demo logins with the shared
// password, one that must change it, and people without a login.
#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

constexpr const char* kPassword = "guiche-demo";

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

std::vector<RoleGrant> grants_of(const World& w, const PersonRow& row) {
  std::vector<RoleGrant> out;
  for (const auto& g : row.roles) {
    out.push_back({g.role, g.unit ? std::optional(w.units.at(g.unit)) : std::nullopt});
  }
  return out;
}

}  // namespace

void create_admin(World& w) {
  Person admin = w.desk.accounts().bootstrap_user("Ricardo Almeida Coutinho", "admin", kPassword,
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
  w.people["admin"] = w.desk.directory().update_person(admin, me);

  int extension = 7211;
  for (const auto& row : people_rows()) {
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
        created = w.desk.directory().create_person(admin, app::NewPerson{p, std::nullopt});
        break;
      case Access::first_access:
        // A provisional password, changed on first access (docs/domain.md,
        // "Organizations, units and roles").
        p.login = row.key;
        created =
            w.desk.directory().create_person(admin, app::NewPerson{p, std::string(kPassword)});
        break;
      case Access::login: {
        // bootstrap_user sets a password that needs no change; the rest of
        // the record is completed by an ordinary update.
        // bootstrap_user takes no organization, so an org manager's role
        // can only be granted by the update, once the organization is set.
        std::vector<RoleGrant> first_roles = p.roles;
        std::erase_if(first_roles, [](const RoleGrant& g) { return g.role == Role::org_manager; });
        Person account =
            w.desk.accounts().bootstrap_user(row.name, row.key, kPassword, first_roles);
        p.id = account.id;
        p.login = account.login;
        created = w.desk.directory().update_person(admin, p);
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
