#include "store/person_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kPersonColumns =
    "id, name, login, must_change_password, phone, cpf, organization_id, active, "
    "notice_preference";

Person person_from_row(Connection& c, const Row& r) {
  Person p;
  p.id = r.integer(0);
  p.name = r.text(1);
  p.login = r.optional_text(2);
  p.must_change_password = r.integer(3) != 0;
  p.phone = r.optional_text(4);
  p.cpf = r.optional_text(5);
  p.organization_id = r.optional_integer(6);
  p.active = r.integer(7) != 0;
  p.notice_preference =
      parse_notice_preference(r.text(8)).value_or(NoticePreference::request_channel);
  for (const auto& e :
       c.query("SELECT email FROM person_emails WHERE person_id = ? ORDER BY position", {p.id})) {
    p.emails.push_back(e.text(0));
  }
  for (const auto& g :
       c.query("SELECT role, unit_id FROM role_grants WHERE person_id = ? ORDER BY role, unit_id",
               {p.id})) {
    if (auto role = parse_role(g.text(0))) p.roles.push_back({*role, g.optional_integer(1)});
  }
  return p;
}

void write_contacts_and_roles(Connection& c, const Person& p) {
  c.query("DELETE FROM person_emails WHERE person_id = ?", {p.id});
  c.query("DELETE FROM role_grants WHERE person_id = ?", {p.id});
  std::int64_t position = 0;
  for (const auto& e : p.emails) {
    c.query("INSERT INTO person_emails(person_id, email, position) VALUES (?, ?, ?)",
            {p.id, e, position++});
  }
  for (const auto& g : p.roles) {
    c.query("INSERT INTO role_grants(person_id, role, unit_id) VALUES (?, ?, ?)",
            {p.id, std::string(role_code(g.role)), optional_value(g.unit_id)});
  }
}

// People matching `head` (id1, id2, ...) `tail`, by name: the ids are bound, never spliced.
// SELECT people WHERE head ?, ?, ... tail, by name: `n` marks.
std::string people_where_in_sql(const std::string& head, const std::string& tail, std::size_t n) {
  std::string marks;
  for (std::size_t i = 0; i < n; ++i) marks += i ? ", ?" : "?";
  return std::string("SELECT ") + kPersonColumns + " FROM people WHERE " + head + marks + tail +
         " ORDER BY name, id";
}

std::vector<Person> people_where_in(Connection& c, const std::string& head, const std::string& tail,
                                    const std::vector<std::int64_t>& ids) {
  std::vector<Person> out;
  if (ids.empty()) return out;
  const std::vector<Value> params(ids.begin(), ids.end());
  for (const auto& r : c.query(people_where_in_sql(head, tail, ids.size()), params)) {
    out.push_back(person_from_row(c, r));
  }
  return out;
}

constexpr const char* kManagersHead =
    "active = 1 AND id IN (SELECT person_id FROM role_grants "
    "WHERE role = 'org_manager') AND organization_id IN (";

}  // namespace

std::int64_t insert_person(Connection& c, const Person& p, const std::optional<std::string>& hash,
                           Instant now) {
  Person stored = p;
  stored.id =
      c.query_one(
           "INSERT INTO people (name, login, password_hash, must_change_password, phone, cpf, "
           "organization_id, active, notice_preference, created_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {p.name, optional_value(p.login), optional_value(hash), flag(p.must_change_password),
            optional_value(p.phone), optional_value(p.cpf), optional_value(p.organization_id),
            flag(p.active), std::string(notice_preference_code(p.notice_preference)),
            to_millis(now)})
          ->integer(0);
  write_contacts_and_roles(c, stored);
  return stored.id;
}

void update_person(Connection& c, const Person& p) {
  c.query(
      "UPDATE people SET name = ?, login = ?, phone = ?, cpf = ?, organization_id = ?, active = ?, "
      "notice_preference = ? WHERE id = ?",
      {p.name, optional_value(p.login), optional_value(p.phone), optional_value(p.cpf),
       optional_value(p.organization_id), flag(p.active),
       std::string(notice_preference_code(p.notice_preference)), p.id});
  write_contacts_and_roles(c, p);
}

std::optional<Person> load_person(Connection& c, std::int64_t id) {
  auto row =
      c.query_one(std::string("SELECT ") + kPersonColumns + " FROM people WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return person_from_row(c, *row);
}

std::optional<Person> find_person_by_login(Connection& c, const std::string& login) {
  auto row = c.query_one(std::string("SELECT ") + kPersonColumns + " FROM people WHERE login = ?",
                         {login});
  if (!row) return std::nullopt;
  return person_from_row(c, *row);
}

std::optional<Person> find_person_by_email(Connection& c, const std::string& email) {
  auto row = c.query_one("SELECT person_id FROM person_emails WHERE email = ?", {email});
  if (!row) return std::nullopt;
  return load_person(c, row->integer(0));
}

std::optional<Person> find_person_by_cpf(Connection& c, const std::string& cpf) {
  auto row =
      c.query_one(std::string("SELECT ") + kPersonColumns + " FROM people WHERE cpf = ?", {cpf});
  if (!row) return std::nullopt;
  return person_from_row(c, *row);
}

std::vector<Person> active_people_with_phone(Connection& c,
                                             const std::vector<std::string>& e164_forms,
                                             int limit) {
  std::vector<Person> out;
  if (e164_forms.empty()) return out;
  std::string marks;
  std::vector<Value> params;
  for (const auto& form : e164_forms) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(form);
  }
  params.emplace_back(std::int64_t{limit});
  // people_phone (v018) answers the IN list.
  for (const auto& r :
       c.query(std::string("SELECT ") + kPersonColumns + " FROM people WHERE phone IN (" + marks +
                   ") AND active = 1 ORDER BY id LIMIT ?",
               params)) {
    out.push_back(person_from_row(c, r));
  }
  return out;
}

std::vector<Person> search_people(Connection& c, const std::string& text, int limit) {
  std::string like = "%" + text + "%";
  std::vector<Person> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kPersonColumns +
                   " FROM people WHERE lower(name) LIKE lower(?) OR cpf = ? OR id IN "
                   "(SELECT person_id FROM person_emails WHERE email LIKE lower(?)) "
                   "ORDER BY name, id LIMIT ?",
               {like, text, like, std::int64_t{limit}})) {
    out.push_back(person_from_row(c, r));
  }
  return out;
}

std::vector<PersonName> person_names(Connection& c, const std::vector<std::int64_t>& ids) {
  std::vector<PersonName> out;
  if (ids.empty()) return out;
  std::string sql = "SELECT id, name, organization_id FROM people WHERE id IN (";
  for (std::size_t i = 0; i < ids.size(); ++i) sql += i ? ", ?" : "?";
  const std::vector<Value> params(ids.begin(), ids.end());
  for (const auto& r : c.query(sql + ")", params)) {
    out.push_back({r.integer(0), r.text(1), r.optional_integer(2)});
  }
  return out;
}

std::vector<Person> people_granted_in_units(Connection& c,
                                            const std::vector<std::int64_t>& unit_ids) {
  return people_where_in(c,
                         "active = 1 AND id IN (SELECT person_id FROM role_grants "
                         "WHERE unit_id IN (",
                         "))", unit_ids);
}

std::vector<Person> organization_managers(Connection& c,
                                          const std::vector<std::int64_t>& organization_ids) {
  return people_where_in(c, kManagersHead, ")", organization_ids);
}

std::string organization_managers_sql(std::size_t organizations) {
  return people_where_in_sql(kManagersHead, ")", organizations);
}

std::optional<std::string> password_hash_of(Connection& c, std::int64_t person_id) {
  auto row = c.query_one("SELECT password_hash FROM people WHERE id = ?", {person_id});
  return row ? row->optional_text(0) : std::nullopt;
}

void set_password(Connection& c, std::int64_t person_id, const std::string& hash,
                  bool must_change) {
  c.query("UPDATE people SET password_hash = ?, must_change_password = ? WHERE id = ?",
          {hash, flag(must_change), person_id});
}

}  // namespace guiche::store
