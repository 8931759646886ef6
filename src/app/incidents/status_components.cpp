#include "app/incidents/status_components.hpp"

#include <algorithm>

#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "store/organization_rows.hpp"
#include "store/service_rows.hpp"
#include "store/status_component_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

void require_admin(const Actor& a) {
  if (!a.person.has_role(Role::admin)) {
    throw forbidden("Somente administradores cadastram componentes.");
  }
}

// Checked inside the write, so a wrong id is a 422 naming its field.
StatusComponent validated(store::Connection& c, const StatusComponent& in) {
  StatusComponent s = in;
  s.name = required_text(in.name, "name", "O nome", 120);
  s.group_name = required_text(in.group_name, "group_name", "O grupo", 120);
  if (s.description.size() > 500) {
    throw invalid_field("description", "A descrição tem no máximo 500 caracteres.");
  }
  const auto units = store::load_units(c);
  if (std::none_of(units.begin(), units.end(),
                   [&](const Unit& u) { return u.id == s.responsible_unit_id && u.active; })) {
    throw invalid_field("responsible_unit_id", "Unidade responsável desconhecida ou inativa.");
  }
  if (s.service_id && !store::load_service(c, *s.service_id)) {
    throw invalid_field("service_id", "Serviço desconhecido.");
  }
  std::sort(s.organization_ids.begin(), s.organization_ids.end());
  s.organization_ids.erase(std::unique(s.organization_ids.begin(), s.organization_ids.end()),
                           s.organization_ids.end());
  for (auto id : s.organization_ids) {
    if (!store::load_organization(c, id)) {
      throw invalid_field("organization_ids", "Órgão desconhecido: " + std::to_string(id) + ".");
    }
  }
  return s;
}

template <typename F>
void write_unique(store::Database& db, F&& f) {
  try {
    db.write(f);
  } catch (const store::StoreError& e) {
    if (e.kind() == store::StoreError::Kind::unique_violation) {
      throw conflict("Já existe um componente com este nome.");
    }
    throw;
  }
}

}  // namespace

std::vector<StatusComponent> StatusComponents::components(bool include_inactive) {
  std::vector<StatusComponent> out;
  ctx_.db.read([&](store::Connection& c) { out = store::load_status_components(c); });
  if (!include_inactive) std::erase_if(out, [](const StatusComponent& s) { return !s.active; });
  return out;
}

StatusComponent StatusComponents::component(std::int64_t id) {
  std::optional<StatusComponent> s;
  ctx_.db.read([&](store::Connection& c) { s = store::load_status_component(c, id); });
  if (!s) throw not_found("Componente não encontrado.");
  return *s;
}

StatusComponent StatusComponents::create_component(const Actor& a, const StatusComponent& in) {
  require_active(a);
  require_admin(a);
  StatusComponent out;
  write_unique(ctx_.db, [&](store::Connection& c) {
    out = validated(c, in);
    out.id = store::insert_status_component(c, out);
  });
  return out;
}

StatusComponent StatusComponents::update_component(const Actor& a, const StatusComponent& in) {
  require_active(a);
  require_admin(a);
  StatusComponent out;
  write_unique(ctx_.db, [&](store::Connection& c) {
    if (!store::load_status_component(c, in.id)) throw not_found("Componente não encontrado.");
    out = validated(c, in);
    store::update_status_component(c, out);
  });
  return out;
}

}  // namespace guiche::app
