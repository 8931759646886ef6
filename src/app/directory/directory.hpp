#pragma once
// The desk's reference data: organizations, units, people and services.
// Admins manage it (org managers their own organization's people); staff and
// requesters read what they may.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/audience.hpp"
#include "domain/category.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/service.hpp"
#include "domain/unit.hpp"

namespace guiche::app {

class Calendars;
class Notices;

struct NewPerson {
  Person person;                                // id ignored
  std::optional<std::string> initial_password;  // must be changed on first access
  // A caller registered by the central de serviços must leave an e-mail or a
  // phone, or the desk could never tell them anything.
  bool must_be_reachable = false;
};

class Directory {
 public:
  Directory(DeskContext& context, Calendars& calendars, Notices& notices)
      : ctx_(context), calendars_(calendars), notices_(notices) {}

  Organization create_organization(const Actor& a, const Organization& o);
  Organization update_organization(const Actor& a, const Organization& o);
  std::vector<Organization> organizations(const Actor& a);
  Unit create_unit(const Actor& a, const Unit& u);
  // Admins change a unit's code, name, parent, kind or activity; a unit with
  // tickets not yet closed or cancelled cannot be deactivated.
  Unit update_unit(const Actor& a, const Unit& u);
  std::vector<Unit> units();
  // directory/directory_reads.cpp: single reads and lists that check the caller.
  Organization organization(const Actor& a, std::int64_t organization_id);
  std::vector<Unit> units(const Actor& a);
  std::vector<Category> categories(const Actor& a);
  // The people who may be given tickets of `unit_id` (its analysts,
  // attendants and client relations, the managers of it or of a unit above
  // it), by name. Staff only.
  std::vector<Person> unit_members(const Actor& a, std::int64_t unit_id);
  Person create_person(const Actor& a, const NewPerson& p);
  Person update_person(const Actor& a, const Person& p);
  Person person(const Actor& a, std::int64_t person_id);
  std::vector<Person> find_people(const Actor& a, const std::string& text);
  // The names of those of `ids` the actor may see, read at once (a list's
  // rows: one query for the page, not three per person).
  std::map<std::int64_t, std::string> person_names(const Actor& a,
                                                   const std::vector<std::int64_t>& ids);
  Service create_service(const Actor& a, const Service& s);
  Service update_service(const Actor& a, const Service& s);
  std::vector<Service> services(const Actor& a);
  // Whether each service's audience admits the caller today, in the order of
  // `services` (service_audience.cpp): the catalog lists a person's own
  // services first and says who may use the others. Staff are admitted to all.
  std::vector<AudienceDecision> audience_of(const Actor& a, const std::vector<Service>& services);
  Service service_by_code(const Actor& a, const std::string& code);

 private:
  DeskContext& ctx_;
  Calendars& calendars_;
  Notices& notices_;
};

}  // namespace guiche::app
