#include "store/directory_rows.hpp"

namespace guiche::store {
namespace {

Value flag(bool b) {
  return std::int64_t{b ? 1 : 0};
}

Value date_value(const std::optional<Date>& d) {
  return d ? Value{format_date(*d)} : Value{};
}

std::optional<Date> date_at(const Row& r, std::size_t i) {
  auto text = r.optional_text(i);
  return text ? parse_date(*text) : std::nullopt;
}

constexpr const char* kOrganizationColumns =
    "id, name, acronym, cnpj, is_client, client_reference, calendar, parent_id, "
    "confirm_authorizations";

Organization organization_from_row(const Row& r) {
  Organization o;
  o.id = r.integer(0);
  o.name = r.text(1);
  o.acronym = r.text(2);
  o.cnpj = r.optional_text(3);
  o.is_client = r.integer(4) != 0;
  o.client_reference = r.text(5);
  o.calendar = r.text(6);
  o.parent_id = r.optional_integer(7);
  o.authorization_changes_need_confirmation = r.integer(8) != 0;
  return o;
}

constexpr const char* kPersonColumns =
    "id, name, login, must_change_password, phone, cpf, organization_id, active";

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

constexpr const char* kServiceColumns =
    "id, code, name, description, audience, who_may_use, required_documents, stages, cost, "
    "max_deadline, access_channels, communication_channels, complaint_channels, commitment, "
    "owning_unit_id, default_category, sla_policy, is_public, active, form";

std::vector<Value> service_values(const Service& s) {
  return {s.code,
          s.name,
          s.description,
          std::string(audience_code(s.audience)),
          s.who_may_use,
          s.required_documents,
          nlohmann::json(s.stages).dump(),
          s.cost,
          s.max_deadline,
          s.access_channels,
          s.communication_channels,
          s.complaint_channels,
          s.commitment,
          optional_value(s.owning_unit_id),
          std::string(category_code(s.default_category)),
          s.sla_policy,
          flag(s.is_public),
          flag(s.active),
          form_to_json(s.form).dump()};
}

Service service_from_row(const Row& r) {
  Service s;
  s.id = r.integer(0);
  s.code = r.text(1);
  s.name = r.text(2);
  s.description = r.text(3);
  s.audience = parse_audience(r.text(4)).value_or(Audience::authorized_requesters);
  s.who_may_use = r.text(5);
  s.required_documents = r.text(6);
  s.stages = nlohmann::json::parse(r.text(7)).get<std::vector<std::string>>();
  s.cost = r.text(8);
  s.max_deadline = r.text(9);
  s.access_channels = r.text(10);
  s.communication_channels = r.text(11);
  s.complaint_channels = r.text(12);
  s.commitment = r.text(13);
  s.owning_unit_id = r.optional_integer(14);
  s.default_category = parse_category(r.text(15)).value_or(Category::service_request);
  s.sla_policy = r.text(16);
  s.is_public = r.integer(17) != 0;
  s.active = r.integer(18) != 0;
  s.form = form_from_json(nlohmann::json::parse(r.text(19)));
  return s;
}

constexpr const char* kAuthorizationColumns =
    "id, organization_id, person_id, document_type, document_number, entered_by, valid_from, "
    "valid_until, state, decided_by, revocation_requested_until, revocation_requested_by, "
    "revoked_by, expires_on, revocation_reason";

AuthorizedRequester authorization_from_row(const Row& r) {
  AuthorizedRequester a;
  a.id = r.integer(0);
  a.organization_id = r.integer(1);
  a.person_id = r.integer(2);
  a.document_type = parse_document(r.text(3)).value_or(AuthorizationDocument::oficio);
  a.document_number = r.text(4);
  a.entered_by = r.integer(5);
  a.valid_from = parse_date(r.text(6)).value();
  a.valid_until = date_at(r, 7);
  a.state = parse_authorization_state(r.text(8)).value_or(AuthorizationState::pending);
  a.decided_by = r.optional_integer(9);
  a.revocation_requested_until = date_at(r, 10);
  a.revocation_requested_by = r.optional_integer(11);
  a.revoked_by = r.optional_integer(12);
  a.expires_on = date_at(r, 13);
  a.revocation_reason = r.text(14);
  return a;
}

std::string placeholders(int n) {
  std::string out = "?";
  for (int i = 1; i < n; ++i) out += ", ?";
  return out;
}

}  // namespace

std::int64_t insert_organization(Connection& c, const Organization& o, Instant now) {
  return c
      .query_one(
          "INSERT INTO organizations (name, acronym, cnpj, is_client, client_reference, calendar, "
          "parent_id, confirm_authorizations, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {o.name, o.acronym, optional_value(o.cnpj), flag(o.is_client), o.client_reference,
           o.calendar, optional_value(o.parent_id), flag(o.authorization_changes_need_confirmation),
           to_millis(now)})
      ->integer(0);
}

void update_organization(Connection& c, const Organization& o) {
  c.query(
      "UPDATE organizations SET name = ?, acronym = ?, cnpj = ?, is_client = ?, "
      "client_reference = ?, calendar = ?, parent_id = ?, confirm_authorizations = ? WHERE id = ?",
      {o.name, o.acronym, optional_value(o.cnpj), flag(o.is_client), o.client_reference, o.calendar,
       optional_value(o.parent_id), flag(o.authorization_changes_need_confirmation), o.id});
}

std::optional<Organization> load_organization(Connection& c, std::int64_t id) {
  auto row = c.query_one(
      std::string("SELECT ") + kOrganizationColumns + " FROM organizations WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return organization_from_row(*row);
}

std::vector<Organization> load_organizations(Connection& c) {
  std::vector<Organization> out;
  for (const auto& r : c.query(std::string("SELECT ") + kOrganizationColumns +
                               " FROM organizations ORDER BY acronym")) {
    out.push_back(organization_from_row(r));
  }
  return out;
}

std::int64_t insert_unit(Connection& c, const Unit& u) {
  return c
      .query_one(
          "INSERT INTO units (code, name, parent_id, kind, active) VALUES (?, ?, ?, ?, ?) "
          "RETURNING id",
          {u.code, u.name, optional_value(u.parent_id), std::string(unit_kind_code(u.kind)),
           flag(u.active)})
      ->integer(0);
}

void update_unit(Connection& c, const Unit& u) {
  c.query("UPDATE units SET code = ?, name = ?, parent_id = ?, kind = ?, active = ? WHERE id = ?",
          {u.code, u.name, optional_value(u.parent_id), std::string(unit_kind_code(u.kind)),
           flag(u.active), u.id});
}

std::int64_t open_tickets_in_unit(Connection& c, std::int64_t unit_id) {
  return c
      .query_one(
          "SELECT count(*) FROM tickets WHERE unit_id = ? AND status NOT IN ('closed', "
          "'cancelled')",
          {unit_id})
      ->integer(0);
}

std::vector<Unit> load_units(Connection& c) {
  std::vector<Unit> out;
  for (const auto& r :
       c.query("SELECT id, code, name, parent_id, kind, active FROM units ORDER BY id")) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.optional_integer(3),
                   parse_unit_kind(r.text(4)).value_or(UnitKind::technical), r.integer(5) != 0});
  }
  return out;
}

std::int64_t insert_person(Connection& c, const Person& p, const std::optional<std::string>& hash,
                           Instant now) {
  Person stored = p;
  stored.id =
      c.query_one(
           "INSERT INTO people (name, login, password_hash, must_change_password, phone, cpf, "
           "organization_id, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {p.name, optional_value(p.login), optional_value(hash), flag(p.must_change_password),
            optional_value(p.phone), optional_value(p.cpf), optional_value(p.organization_id),
            flag(p.active), to_millis(now)})
          ->integer(0);
  write_contacts_and_roles(c, stored);
  return stored.id;
}

void update_person(Connection& c, const Person& p) {
  c.query(
      "UPDATE people SET name = ?, login = ?, phone = ?, cpf = ?, organization_id = ?, active = ? "
      "WHERE id = ?",
      {p.name, optional_value(p.login), optional_value(p.phone), optional_value(p.cpf),
       optional_value(p.organization_id), flag(p.active), p.id});
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

std::vector<Person> people_granted_in_units(Connection& c,
                                            const std::vector<std::int64_t>& unit_ids) {
  std::vector<Person> out;
  if (unit_ids.empty()) return out;
  std::string marks;
  std::vector<Value> params;
  for (auto id : unit_ids) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  for (const auto& r :
       c.query(std::string("SELECT ") + kPersonColumns +
                   " FROM people WHERE active = 1 AND id IN (SELECT person_id FROM role_grants "
                   "WHERE unit_id IN (" +
                   marks + ")) ORDER BY name, id",
               params)) {
    out.push_back(person_from_row(c, r));
  }
  return out;
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

std::int64_t insert_service(Connection& c, const Service& s) {
  return c
      .query_one(std::string("INSERT INTO services (") + (kServiceColumns + 4) + ") VALUES (" +
                     placeholders(19) + ") RETURNING id",
                 service_values(s))
      ->integer(0);
}

void update_service(Connection& c, const Service& s) {
  auto values = service_values(s);
  values.emplace_back(s.id);
  c.query(
      "UPDATE services SET code = ?, name = ?, description = ?, audience = ?, who_may_use = ?, "
      "required_documents = ?, stages = ?, cost = ?, max_deadline = ?, access_channels = ?, "
      "communication_channels = ?, complaint_channels = ?, commitment = ?, owning_unit_id = ?, "
      "default_category = ?, sla_policy = ?, is_public = ?, active = ?, form = ? WHERE id = ?",
      values);
}

std::optional<Service> load_service(Connection& c, std::int64_t id) {
  auto row =
      c.query_one(std::string("SELECT ") + kServiceColumns + " FROM services WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return service_from_row(*row);
}

std::optional<Service> find_service_by_code(Connection& c, const std::string& code) {
  auto row = c.query_one(std::string("SELECT ") + kServiceColumns + " FROM services WHERE code = ?",
                         {code});
  if (!row) return std::nullopt;
  return service_from_row(*row);
}

std::vector<Service> load_services(Connection& c) {
  std::vector<Service> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kServiceColumns + " FROM services ORDER BY code")) {
    out.push_back(service_from_row(r));
  }
  return out;
}

std::int64_t insert_authorization(Connection& c, const AuthorizedRequester& a, Instant now) {
  return c
      .query_one(
          "INSERT INTO authorizations (organization_id, person_id, document_type, "
          "document_number, entered_by, valid_from, valid_until, state, decided_by, "
          "revocation_requested_until, revocation_requested_by, revoked_by, expires_on, "
          "revocation_reason, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {a.organization_id, a.person_id, std::string(document_code(a.document_type)),
           a.document_number, a.entered_by, format_date(a.valid_from), date_value(a.valid_until),
           std::string(authorization_state_code(a.state)), optional_value(a.decided_by),
           date_value(a.revocation_requested_until), optional_value(a.revocation_requested_by),
           optional_value(a.revoked_by), date_value(a.expires_on), a.revocation_reason,
           to_millis(now)})
      ->integer(0);
}

void update_authorization(Connection& c, const AuthorizedRequester& a) {
  c.query(
      "UPDATE authorizations SET valid_until = ?, state = ?, decided_by = ?, "
      "revocation_requested_until = ?, revocation_requested_by = ?, revoked_by = ?, "
      "revocation_reason = ? WHERE id = ?",
      {date_value(a.valid_until), std::string(authorization_state_code(a.state)),
       optional_value(a.decided_by), date_value(a.revocation_requested_until),
       optional_value(a.revocation_requested_by), optional_value(a.revoked_by), a.revocation_reason,
       a.id});
}

std::optional<AuthorizedRequester> load_authorization(Connection& c, std::int64_t id) {
  auto row = c.query_one(
      std::string("SELECT ") + kAuthorizationColumns + " FROM authorizations WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return authorization_from_row(*row);
}

std::vector<AuthorizedRequester> authorizations_of_person(Connection& c, std::int64_t person_id) {
  std::vector<AuthorizedRequester> out;
  for (const auto& r : c.query(std::string("SELECT ") + kAuthorizationColumns +
                                   " FROM authorizations WHERE person_id = ? ORDER BY id",
                               {person_id})) {
    out.push_back(authorization_from_row(r));
  }
  return out;
}

std::vector<AuthorizedRequester> authorizations_of_organization(Connection& c,
                                                                std::int64_t organization_id) {
  std::vector<AuthorizedRequester> out;
  for (const auto& r : c.query(std::string("SELECT ") + kAuthorizationColumns +
                                   " FROM authorizations WHERE organization_id = ? ORDER BY id",
                               {organization_id})) {
    out.push_back(authorization_from_row(r));
  }
  return out;
}

}  // namespace guiche::store
