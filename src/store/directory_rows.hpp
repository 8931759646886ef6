#pragma once
// Reading and writing the desk's reference data: organizations, units,
// people (with e-mails and role grants), services and authorizations.
#include <optional>
#include <string>
#include <vector>

#include "domain/authorization.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/service.hpp"
#include "domain/unit.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_organization(Connection& c, const Organization& o, Instant now);
void update_organization(Connection& c, const Organization& o);
std::optional<Organization> load_organization(Connection& c, std::int64_t id);
std::vector<Organization> load_organizations(Connection& c);

std::int64_t insert_unit(Connection& c, const Unit& u);
std::vector<Unit> load_units(Connection& c);
void update_unit(Connection& c, const Unit& u);
// Tickets of the unit not yet closed or cancelled (a resolved one may reopen).
std::int64_t open_tickets_in_unit(Connection& c, std::int64_t unit_id);

// Inserts the person with e-mails and roles; returns the id.
std::int64_t insert_person(Connection& c, const Person& p, const std::optional<std::string>& hash,
                           Instant now);
// Replaces name, contacts, organization, roles and the active flag.
void update_person(Connection& c, const Person& p);
std::optional<Person> load_person(Connection& c, std::int64_t id);
std::optional<Person> find_person_by_login(Connection& c, const std::string& login);
std::optional<Person> find_person_by_email(Connection& c, const std::string& email);
std::vector<Person> search_people(Connection& c, const std::string& text, int limit);
// Active people with any role granted in one of `unit_ids`, by name.
std::vector<Person> people_granted_in_units(Connection& c,
                                            const std::vector<std::int64_t>& unit_ids);
std::optional<std::string> password_hash_of(Connection& c, std::int64_t person_id);
void set_password(Connection& c, std::int64_t person_id, const std::string& hash, bool must_change);

std::int64_t insert_service(Connection& c, const Service& s);
void update_service(Connection& c, const Service& s);
std::optional<Service> load_service(Connection& c, std::int64_t id);
std::optional<Service> find_service_by_code(Connection& c, const std::string& code);
std::vector<Service> load_services(Connection& c);

std::int64_t insert_authorization(Connection& c, const AuthorizedRequester& a, Instant now);
void update_authorization(Connection& c, const AuthorizedRequester& a);
std::optional<AuthorizedRequester> load_authorization(Connection& c, std::int64_t id);
std::vector<AuthorizedRequester> authorizations_of_person(Connection& c, std::int64_t person_id);
std::vector<AuthorizedRequester> authorizations_of_organization(Connection& c,
                                                                std::int64_t organization_id);

}  // namespace guiche::store
