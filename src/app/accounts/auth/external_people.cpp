#include "app/accounts/auth/external_people.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "store/authorization_rows.hpp"
#include "store/directory_group_rows.hpp"
#include "store/external_identity_rows.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {
namespace {

// The directory's name, tidied as the desk's forms would (at most 200 bytes,
// cut at a character boundary); the login when the directory has none.
std::string tidy_name(const ExternalProfile& p) {
  std::string name = p.name;
  name.erase(0, name.find_first_not_of(" \t"));
  name.erase(name.find_last_not_of(" \t") + 1);
  if (name.empty() || !is_clean_text(name)) name = p.login;
  if (name.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return name;
}

std::optional<std::string> valid_login(const std::string& typed) {
  std::string login = typed;
  std::transform(login.begin(), login.end(), login.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  static const std::regex pattern(R"([a-z0-9._@-]{3,64})");
  if (!std::regex_match(login, pattern)) return std::nullopt;
  return login;
}

// Whether the value belongs to nobody but `self` (0: a person not yet stored).
bool free_for(const std::optional<Person>& holder, std::int64_t self) {
  return !holder || holder->id == self;
}

void take_contacts(store::Connection& c, const ExternalProfile& p, Person& person) {
  person.name = tidy_name(p);
  std::vector<std::string> emails;
  for (const auto& e : p.emails) {
    auto email = normalize_email(e);
    if (!email || std::find(emails.begin(), emails.end(), *email) != emails.end()) continue;
    if (free_for(store::find_person_by_email(c, *email), person.id)) emails.push_back(*email);
  }
  if (p.add_emails) {
    for (const auto& e : emails) {
      if (std::find(person.emails.begin(), person.emails.end(), e) == person.emails.end())
        person.emails.push_back(e);
    }
  } else if (!emails.empty()) {
    person.emails = emails;
  }
  if (p.phone) {
    if (auto phone = normalize_phone(*p.phone)) person.phone = phone;
  }
  // A CPF another person holds stays theirs: the two stay two people (never
  // one found by CPF alone).
  if (p.cpf && free_for(store::find_person_by_cpf(c, *p.cpf), person.id)) person.cpf = p.cpf;
}

// The groups' rules of authorized requesters (issue 16, item 5): for each
// matching rule, a confirmed record in the rule's name (its document, the
// admin who set it) unless the person already has an effective one for that
// organization; a record a rule made whose group the person left, or whose
// rule was removed, is revoked with the reason, its history kept. Runs at each
// directory sign-in, so a change in the directory counts from the next one.
void sync_authorizations(DeskContext& ctx, store::Connection& c, const GroupAccess& access,
                         std::int64_t person_id, Instant now) {
  const Date today = ctx.local_date(now);
  std::set<std::int64_t> kept_rules;
  for (const auto& link : store::directory_authorizations_of(c, person_id)) {
    auto record = store::load_authorization(c, link.authorization_id);
    if (!record || record->valid_until || record->state != AuthorizationState::confirmed) continue;
    const bool still = std::any_of(access.authorizing.begin(), access.authorizing.end(),
                                   [&](const auto& m) { return m.id == link.mapping_id; });
    if (still) {
      kept_rules.insert(link.mapping_id);
      continue;
    }
    record->valid_until = Date{std::chrono::sys_days{today} - std::chrono::days{1}};
    record->revoked_by = record->entered_by;
    record->revocation_reason =
        "Deixou de pertencer ao grupo do diretório que o autorizava (regra: " +
        std::string(document_code(record->document_type)) + " " + record->document_number + ").";
    store::update_authorization(c, *record);
  }
  const auto existing = store::authorizations_of_person(c, person_id);
  for (const auto& rule : access.authorizing) {
    if (kept_rules.count(rule.id)) continue;
    const bool authorized = std::any_of(existing.begin(), existing.end(), [&](const auto& a) {
      return a.organization_id == *rule.organization_id && a.is_effective_on(today);
    });
    if (authorized) continue;
    AuthorizedRequester a;
    a.organization_id = *rule.organization_id;
    a.person_id = person_id;
    a.document_type = rule.document_type.value_or(AuthorizationDocument::oficio);
    a.document_number = rule.document_number;
    a.entered_by = rule.created_by;
    a.valid_from = today;
    a.state = AuthorizationState::confirmed;
    a.decided_by = rule.created_by;
    store::link_directory_authorization(c, store::insert_authorization(c, a, now), rule.id,
                                        person_id);
  }
}

void take_groups(store::Connection& c, const ExternalProfile& p, Person& person) {
  if (!p.groups) return;
  const auto access = access_from_groups(store::load_directory_group_mappings(c), *p.groups);
  if (access.organization_id) person.organization_id = access.organization_id;
  person.roles = access.roles;
  // A manager of no organization manages nothing (directory/directory.cpp refuses it too).
  if (!person.organization_id) {
    std::erase_if(person.roles, [](const RoleGrant& g) { return g.role == Role::org_manager; });
    if (person.roles.empty()) person.roles.push_back({Role::requester, std::nullopt});
  }
}

Person sign_in_once(DeskContext& ctx, const ExternalProfile& p) {
  Person out;
  ctx.db.write([&](store::Connection& c) {
    const Instant now = ctx.now();
    if (auto id = store::person_of_external_identity(c, p.issuer, p.subject)) {
      auto person = store::load_person(c, *id);
      if (!person || !person->active) {
        throw DomainError(DomainError::Kind::unauthenticated, "Usuário inativo ou inexistente.");
      }
      take_contacts(c, p, *person);
      take_groups(c, p, *person);
      store::update_person(c, *person);
      if (p.groups) {
        sync_authorizations(ctx, c,
                            access_from_groups(store::load_directory_group_mappings(c), *p.groups),
                            person->id, now);
      }
      store::touch_external_identity(c, p.issuer, p.subject, now);
      out = *person;
      return;
    }
    Person person;
    if (auto login = valid_login(p.login); login && !store::find_person_by_login(c, *login)) {
      person.login = login;
    }
    person.roles = {{Role::requester, std::nullopt}};
    take_contacts(c, p, person);
    take_groups(c, p, person);
    person.id = store::insert_person(c, person, std::nullopt, now);
    store::insert_external_identity(c, p.issuer, p.subject, person.id, now);
    if (p.groups) {
      sync_authorizations(ctx, c,
                          access_from_groups(store::load_directory_group_mappings(c), *p.groups),
                          person.id, now);
    }
    out = person;
  });
  ctx.directory_changed();  // roles or the organization may have moved
  return out;
}

}  // namespace

Person sign_in_external_person(DeskContext& ctx, const ExternalProfile& profile) {
  try {
    return sign_in_once(ctx, profile);
  } catch (const store::StoreError& e) {
    // Two first sign-ins of one account at once: the second finds the first's person.
    if (e.kind() != store::StoreError::Kind::unique_violation) throw;
    return sign_in_once(ctx, profile);
  }
}

}  // namespace guiche::app
