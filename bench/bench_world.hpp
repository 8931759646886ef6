#pragma once
// The least a registration needs, shared by the benchmarks: a central de
// serviços, a client organization, an authorized requester and a service.
#include "app/desk.hpp"
#include "app/directory/authorizations.hpp"
#include "app/directory/directory.hpp"

namespace guiche::bench {

struct BenchWorld {
  Person requester;
  std::string service_code = "CARGA";
};

inline BenchWorld prepare_bench_world(app::Desk& desk) {
  Person root;
  root.id = -1;
  root.roles = {{Role::admin, std::nullopt}};
  const app::Actor bootstrap{root, Channel::api};
  desk.directory().create_unit(
      bootstrap, Unit{0, "SGHDK", "Help Desk", std::nullopt, UnitKind::service_center});
  Organization org;
  org.name = "Secretaria de Carga";
  org.acronym = "SECARGA";
  org.is_client = true;
  org.client_reference = "Contrato 1/2026";
  org = desk.directory().create_organization(bootstrap, org);
  Person admin;
  admin.name = "Administradora";
  admin.roles = {{Role::admin, std::nullopt}};
  admin = desk.directory().create_person(bootstrap, {admin, std::nullopt});
  const app::Actor real_admin{admin, Channel::api};
  Person requester;
  requester.name = "Solicitante de Carga";
  requester.emails = {"carga@carga.es.gov.br"};
  requester.organization_id = org.id;
  requester.roles = {{Role::requester, std::nullopt}};
  requester = desk.directory().create_person(bootstrap, {requester, std::nullopt});
  desk.authorizations().authorize_requester(
      real_admin, {org.id, requester.id, AuthorizationDocument::contract, "1/2026",
                   Date{std::chrono::year{2020} / 1 / 1}});
  Service s;
  s.code = "CARGA";
  s.name = "Serviço de carga";
  s.form = {{"sistema", "Sistema", FieldType::text, false, {}}};
  desk.directory().create_service(real_admin, s);
  return {requester};
}

}  // namespace guiche::bench
