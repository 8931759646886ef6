// Reads of reference data the faces need one object at a time. Each asks the
// same questions as the list it mirrors, so a single read never shows more.
#include <algorithm>

#include "app/access_policy.hpp"
#include "app/directory/directory.hpp"
#include "domain/error.hpp"
#include "store/organization_rows.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {

Organization Directory::organization(const Actor& a, std::int64_t organization_id) {
  require_active(a);
  std::optional<Organization> o;
  ctx_.db.read([&](store::Connection& c) { o = store::load_organization(c, organization_id); });
  // Like organizations(): staff see every organization, others only their own;
  // the rest is "not found" so ids of other organizations reveal nothing.
  if (!o || (!is_staff(a.person) && a.person.organization_id != o->id)) {
    throw not_found("Órgão não encontrado.");
  }
  return *o;
}

std::vector<Unit> Directory::units(const Actor& a) {
  // The unit tree is no secret (tickets name their unit), but a person who
  // must still change the initial password gets nothing else first.
  require_active(a);
  return units();
}

std::vector<Person> Directory::unit_members(const Actor& a, std::int64_t unit_id) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe consulta os membros das unidades.");
  std::vector<Person> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto all = ctx_.unit_tree(c);
    // The unit and the units above it: a manager of any of them takes its tickets.
    std::vector<std::int64_t> chain;
    for (std::optional<std::int64_t> at = unit_id; at;) {
      auto u = std::find_if(all->begin(), all->end(), [&](const Unit& x) { return x.id == *at; });
      if (u == all->end() || std::find(chain.begin(), chain.end(), u->id) != chain.end()) break;
      chain.push_back(u->id);
      at = u->parent_id;
    }
    if (chain.empty()) throw not_found("Unidade não encontrada.");
    for (auto& p : store::people_granted_in_units(c, chain)) {
      if (can_be_assigned(p, unit_id, *all)) out.push_back(std::move(p));
    }
  });
  return out;
}

std::vector<Category> Directory::categories(const Actor& a) {
  require_active(a);
  return {Category::technical_consultation,
          Category::defect_with_stoppage,
          Category::defect_without_stoppage,
          Category::service_request,
          Category::incident,
          Category::project};
}

}  // namespace guiche::app
