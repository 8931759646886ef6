// Use cases that manage the desk's reference data: organizations, units,
// people and services.
#include <algorithm>
#include <regex>

#include "app/access_policy.hpp"
#include "app/accounts/passwords.hpp"
#include "app/calendars/calendars.hpp"
#include "app/directory/directory.hpp"
#include "app/notices/notices.hpp"
#include "app/sla/sla_recompute.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "domain/popular_names.hpp"
#include "store/organization_rows.hpp"
#include "store/person_rows.hpp"
#include "store/service_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

void require_admin(const Actor& a) {
  if (!a.person.has_role(Role::admin)) throw forbidden("Somente administradores fazem isso.");
}

// Runs a write and turns a duplicate key into a conflict a person understands.
template <typename F>
void write_unique(store::Database& db, const std::string& duplicate_message, F&& f) {
  try {
    db.write(f);
  } catch (const store::StoreError& e) {
    if (e.kind() == store::StoreError::Kind::unique_violation) throw conflict(duplicate_message);
    throw;
  }
}

Organization validated_organization(const Organization& in) {
  Organization o = in;
  o.name = required_text(in.name, "name", "O nome", 200);
  o.acronym = required_text(in.acronym, "acronym", "A sigla", 30);
  if (o.is_client && o.client_reference.find_first_not_of(" \t") == std::string::npos) {
    throw invalid_field("client_reference",
                        "Informe o contrato ou ofício que torna o órgão cliente.");
  }
  return o;
}

// Referenced rows are checked here so a wrong id is a 422 naming the field,
// not a foreign-key failure of the engine.
void require_known_parent(store::Connection& c, const Organization& o) {
  if (o.parent_id && (*o.parent_id == o.id || !store::load_organization(c, *o.parent_id))) {
    throw invalid_field("parent_id", "Órgão superior desconhecido.");
  }
}

Service validated_service(store::Connection& c, const Service& in) {
  Service out = in;
  out.code = required_text(in.code, "code", "O código do serviço", 40);
  out.name = required_text(in.name, "name", "O nome do serviço", 200);
  out.popular_names = tidy_popular_names(in.popular_names);
  validate_form_definition(in.form);
  if (in.owning_unit_id) {
    bool found = false;
    for (const auto& u : store::load_units(c)) found = found || u.id == *in.owning_unit_id;
    if (!found) throw invalid_field("owning_unit_id", "Unidade responsável desconhecida.");
  }
  return out;
}

Person validated_person(const Person& in, store::Connection& c) {
  Person p = in;
  std::vector<FieldError> errors;
  p.name = required_text(in.name, "name", "O nome", 200);
  p.emails.clear();
  for (const auto& e : in.emails) {
    if (auto email = normalize_email(e)) {
      p.emails.push_back(*email);
    } else {
      errors.push_back({"emails", "E-mail inválido: " + e + "."});
    }
  }
  if (in.phone) {
    p.phone = normalize_phone(*in.phone);
    if (!p.phone) errors.push_back({"phone", "Telefone inválido (use +55 DDD número)."});
  }
  if (in.cpf) {
    p.cpf = normalize_cpf(*in.cpf);
    if (!p.cpf) errors.push_back({"cpf", "CPF inválido: confira os dígitos verificadores."});
  }
  static const std::regex login_pattern(R"([a-z0-9._@-]{3,64})");
  if (in.login && !std::regex_match(*in.login, login_pattern)) {
    errors.push_back({"login", "Login deve ter de 3 a 64 letras minúsculas, dígitos ou . _ @ -."});
  }
  if (p.organization_id && !store::load_organization(c, *p.organization_id)) {
    errors.push_back({"organization", "Órgão desconhecido."});
  }
  const auto units = store::load_units(c);
  for (const auto& g : p.roles) {
    bool unit_known = false;
    for (const auto& u : units) unit_known = unit_known || (g.unit_id && u.id == *g.unit_id);
    if (role_is_unit_scoped(g.role) && !unit_known) {
      errors.push_back({"roles", "O papel " + std::string(role_label_pt(g.role)) +
                                     " precisa de uma unidade válida."});
    }
  }
  if (p.has_role(Role::org_manager) && !p.organization_id) {
    errors.push_back({"roles", "Gestor do órgão precisa pertencer a um órgão."});
  }
  // A preference names a channel the person can be reached by.
  if (p.notice_preference == NoticePreference::email && p.emails.empty()) {
    errors.push_back({"notice_preference", "Para receber avisos por e-mail, informe um e-mail."});
  }
  if (p.notice_preference == NoticePreference::whatsapp && !p.phone) {
    errors.push_back(
        {"notice_preference", "Para receber avisos pelo WhatsApp, informe um telefone."});
  }
  if (!errors.empty()) throw invalid("Dados da pessoa a corrigir.", std::move(errors));
  return p;
}

Unit validated_unit(const Unit& in) {
  Unit out = in;
  out.code = required_text(in.code, "code", "O código", 30);
  out.name = required_text(in.name, "name", "O nome", 200);
  return out;
}

void require_known_parent(const std::vector<Unit>& units, const Unit& u) {
  if (!u.parent_id) return;
  for (const auto& existing : units) {
    if (existing.id == *u.parent_id) return;
  }
  throw invalid_field("parent", "Unidade superior desconhecida.");
}

// Attendants and org managers may register requesters, nothing more.
void require_may_manage_person(const Actor& a, const Person& p) {
  if (a.person.has_role(Role::admin)) return;
  bool only_requester = true;
  for (const auto& g : p.roles) only_requester = only_requester && g.role == Role::requester;
  if (only_requester && a.person.has_role(Role::attendant)) return;
  if (only_requester && a.person.has_role(Role::org_manager) && a.person.organization_id &&
      p.organization_id == a.person.organization_id) {
    return;
  }
  throw forbidden("Você não pode cadastrar ou alterar esta pessoa.");
}

// Staff see everyone; others see themselves and, as org managers, their organization.
bool may_see_person(const Person& viewer, const Person& p) {
  return p.id == viewer.id || is_staff(viewer) ||
         (viewer.has_role(Role::org_manager) && viewer.organization_id &&
          p.organization_id == viewer.organization_id);
}

}  // namespace

Organization Directory::create_organization(const Actor& a, const Organization& o) {
  require_active(a);
  require_admin(a);
  Organization out = validated_organization(o);
  calendars_.require_known_calendar(out.calendar, "calendar");
  write_unique(ctx_.db, "Já existe um órgão com esta sigla.", [&](store::Connection& c) {
    require_known_parent(c, out);
    out.id = store::insert_organization(c, out, ctx_.now());
  });
  return out;
}

Organization Directory::update_organization(const Actor& a, const Organization& o) {
  require_active(a);
  require_admin(a);
  const Organization out = validated_organization(o);
  calendars_.require_known_calendar(out.calendar, "calendar");
  const Instant now = ctx_.now();
  write_unique(ctx_.db, "Já existe um órgão com esta sigla.", [&](store::Connection& c) {
    auto existing = store::load_organization(c, out.id);
    if (!existing) throw not_found("Órgão não encontrado.");
    require_known_parent(c, out);
    store::update_organization(c, out);
    // Policies may run their clocks on the requester organization's calendar.
    if (existing->calendar != out.calendar) {
      start_sla_recompute(c, "calendário do órgão " + out.acronym + " alterado", a, now);
    }
  });
  return out;
}

std::vector<Organization> Directory::organizations(const Actor& a) {
  require_active(a);
  std::vector<Organization> out;
  ctx_.db.read([&](store::Connection& c) { out = store::load_organizations(c); });
  if (!is_staff(a.person)) {
    std::erase_if(out, [&](const Organization& o) { return a.person.organization_id != o.id; });
  }
  return out;
}

Unit Directory::create_unit(const Actor& a, const Unit& u) {
  require_active(a);
  require_admin(a);
  Unit out = validated_unit(u);
  write_unique(ctx_.db, "Já existe uma unidade com este código.", [&](store::Connection& c) {
    require_known_parent(store::load_units(c), out);
    out.id = store::insert_unit(c, out);
  });
  ctx_.directory_changed();
  return out;
}

Unit Directory::update_unit(const Actor& a, const Unit& u) {
  require_active(a);
  require_admin(a);
  Unit out = validated_unit(u);
  write_unique(ctx_.db, "Já existe uma unidade com este código.", [&](store::Connection& c) {
    const auto units = store::load_units(c);
    const auto existing =
        std::find_if(units.begin(), units.end(), [&](const Unit& x) { return x.id == out.id; });
    if (existing == units.end()) throw not_found("Unidade não encontrada.");
    require_known_parent(units, out);
    if (out.parent_id && unit_is_within(units, *out.parent_id, out.id)) {
      throw invalid_field("parent",
                          "A unidade superior não pode ser a própria unidade nem uma abaixo dela.");
    }
    if (existing->active && !out.active) {
      const auto open = store::open_tickets_in_unit(c, out.id);
      if (open > 0) {
        throw invalid_field("active", "A unidade tem " + std::to_string(open) +
                                          " chamado(s) em aberto: encaminhe-os a outra unidade "
                                          "antes de desativá-la.");
      }
    }
    store::update_unit(c, out);
  });
  ctx_.directory_changed();
  return out;
}

std::vector<Unit> Directory::units() {
  std::vector<Unit> out;
  ctx_.db.read([&](store::Connection& c) { out = store::load_units(c); });
  return out;
}

Person Directory::create_person(const Actor& a, const NewPerson& n) {
  require_active(a);
  require_may_manage_person(a, n.person);
  if (n.must_be_reachable && n.person.emails.empty() && !n.person.phone) {
    throw invalid_field("emails", "Informe um e-mail ou um telefone para contato.");
  }
  std::optional<std::string> hash;
  if (n.initial_password) hash = hash_password(*n.initial_password);
  Person out;
  write_unique(ctx_.db, "Já existe uma pessoa com este login, e-mail ou CPF.",
               [&](store::Connection& c) {
                 out = validated_person(n.person, c);
                 out.must_change_password = n.initial_password.has_value();
                 out.id = store::insert_person(c, out, hash, ctx_.now());
                 // The credentials go out with the person (same transaction).
                 if (n.initial_password && out.login) {
                   notices_.enqueue(c, "first_access", out, std::nullopt,
                                    {{"login", *out.login},
                                     {"password", *n.initial_password},
                                     {"sign_in_url", ctx_.config.public_url + "/entrar"}},
                                    ctx_.now());
                 }
               });
  return out;
}

Person Directory::update_person(const Actor& a, const Person& p) {
  require_active(a);
  require_may_manage_person(a, p);
  Person out;
  write_unique(ctx_.db, "Já existe uma pessoa com este login, e-mail ou CPF.",
               [&](store::Connection& c) {
                 auto existing = store::load_person(c, p.id);
                 if (!existing || !may_see_person(a.person, *existing)) {
                   throw not_found("Pessoa não encontrada.");
                 }
                 require_may_manage_person(a, *existing);
                 out = validated_person(p, c);
                 out.must_change_password = existing->must_change_password;
                 store::update_person(c, out);
               });
  ctx_.directory_changed();
  return out;
}

Person Directory::person(const Actor& a, std::int64_t person_id) {
  require_active(a);
  std::optional<Person> p;
  ctx_.db.read([&](store::Connection& c) { p = store::load_person(c, person_id); });
  if (!p || !may_see_person(a.person, *p)) throw not_found("Pessoa não encontrada.");
  return *p;
}

std::map<std::int64_t, std::string> Directory::person_names(const Actor& a,
                                                            const std::vector<std::int64_t>& ids) {
  require_active(a);
  std::vector<store::PersonName> found;
  ctx_.db.read([&](store::Connection& c) { found = store::person_names(c, ids); });
  std::map<std::int64_t, std::string> names;
  for (auto& n : found) {
    Person seen;
    seen.id = n.id;
    seen.organization_id = n.organization_id;
    if (may_see_person(a.person, seen)) names[n.id] = std::move(n.name);
  }
  return names;
}

std::vector<Person> Directory::find_people(const Actor& a, const std::string& text) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe pesquisa pessoas.");
  std::string query = text;
  if (auto cpf = normalize_cpf(text)) query = *cpf;
  if (query.size() < 2) throw invalid_field("q", "Digite ao menos 2 caracteres.");
  std::vector<Person> out;
  ctx_.db.read([&](store::Connection& c) { out = store::search_people(c, query, 50); });
  return out;
}

Service Directory::create_service(const Actor& a, const Service& s) {
  require_active(a);
  require_admin(a);
  Service out;
  write_unique(ctx_.db, "Já existe um serviço com este código.", [&](store::Connection& c) {
    out = validated_service(c, s);
    out.id = store::insert_service(c, out);
  });
  return out;
}

Service Directory::update_service(const Actor& a, const Service& s) {
  require_active(a);
  require_admin(a);
  Service out;
  write_unique(ctx_.db, "Já existe um serviço com este código.", [&](store::Connection& c) {
    if (!store::load_service(c, s.id)) throw not_found("Serviço não encontrado.");
    out = validated_service(c, s);
    store::update_service(c, out);
  });
  return out;
}

std::vector<Service> Directory::services(const Actor& a) {
  require_active(a);
  std::vector<Service> out;
  ctx_.db.read([&](store::Connection& c) { out = store::load_services(c); });
  if (!is_staff(a.person)) {
    std::erase_if(out, [](const Service& s) { return !s.active || !s.is_public; });
  }
  return out;
}

Service Directory::service_by_code(const Actor& a, const std::string& code) {
  for (auto& s : services(a)) {
    if (s.code == code) return s;
  }
  throw not_found("Serviço não encontrado.");
}

}  // namespace guiche::app
