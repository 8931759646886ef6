#pragma once
// Rows of the people table with their e-mails (person_emails) and role grants
// (role_grants), and their password hashes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/person.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

// Inserts the person with e-mails and roles; returns the id.
std::int64_t insert_person(Connection& c, const Person& p, const std::optional<std::string>& hash,
                           Instant now);
// Replaces name, contacts, organization, roles and the active flag.
void update_person(Connection& c, const Person& p);
std::optional<Person> load_person(Connection& c, std::int64_t id);
std::optional<Person> find_person_by_login(Connection& c, const std::string& login);
std::optional<Person> find_person_by_email(Connection& c, const std::string& email);
std::optional<Person> find_person_by_cpf(Connection& c, const std::string& cpf);
// The active people whose phone is one of `e164_forms` (a number's forms,
// domain/whatsapp/whatsapp_number.hpp), at most `limit`, by id.
std::vector<Person> active_people_with_phone(Connection& c,
                                             const std::vector<std::string>& e164_forms, int limit);
std::vector<Person> search_people(Connection& c, const std::string& text, int limit);
// Only what a list shows of each person (and who may see it), in one query.
struct PersonName {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::int64_t> organization_id;
};
std::vector<PersonName> person_names(Connection& c, const std::vector<std::int64_t>& ids);
// Active people with any role granted in one of `unit_ids`, by name.
std::vector<Person> people_granted_in_units(Connection& c,
                                            const std::vector<std::int64_t>& unit_ids);
// Active managers (role org_manager) of the organizations `organization_ids`,
// by name: the organizations' contacts for status notices.
std::vector<Person> organization_managers(Connection& c,
                                          const std::vector<std::int64_t>& organization_ids);
// Its SQL for `organizations` ids (the plan test reads it).
std::string organization_managers_sql(std::size_t organizations);
std::optional<std::string> password_hash_of(Connection& c, std::int64_t person_id);
void set_password(Connection& c, std::int64_t person_id, const std::string& hash, bool must_change);

}  // namespace guiche::store
