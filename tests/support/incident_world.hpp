#pragma once
// The desk of tests/support/desk_world.hpp with what incident communication
// needs: two components (SIGEFES, of SGSIS, used by SEGER; the Rede
// Metropolitana, of GEINF, used by SEGER and SESA), an ASCOM officer, a
// director, and SESA's manager.
#include "app/directory/directory.hpp"
#include "app/incidents/status_components.hpp"
#include "app/incidents/status_notices.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {

// Who and what incident communication needs, added to a desk world.
struct IncidentWorld {
  Person ascom, director, manager_sesa;
  StatusComponent sigefes, network;
};

inline IncidentWorld add_incident_world(app::Desk& desk, const World& w, const app::Actor& admin) {
  IncidentWorld i;
  auto person = [&](const char* name, const char* email, std::optional<std::int64_t> org,
                    std::vector<RoleGrant> roles) {
    Person p;
    p.name = name;
    p.emails = {email};
    p.organization_id = org;
    p.roles = std::move(roles);
    return desk.directory().create_person(admin, {p, std::nullopt});
  };
  i.ascom = person("Amanda Comunicação", "amanda@prodest.es.gov.br", std::nullopt,
                   {{Role::communications, w.ascom.id}});
  i.director = person("Marcelo Diretor", "marcelo@prodest.es.gov.br", std::nullopt,
                      {{Role::leadership, w.gesin.id}});
  i.manager_sesa = person("Sérgio Gestor", "sergio@saude.es.gov.br", w.sesa.id,
                          {{Role::org_manager, std::nullopt}});
  StatusComponent c;
  c.name = "SIGEFES";
  c.group_name = "Sistemas corporativos";
  c.description = "Folha de pagamento do Estado";
  c.responsible_unit_id = w.sgsis.id;
  c.organization_ids = {w.seger.id};
  i.sigefes = desk.status_components().create_component(admin, c);
  c = StatusComponent{};
  c.name = "Rede Metropolitana";
  c.group_name = "Infraestrutura";
  c.responsible_unit_id = w.geinf.id;
  c.organization_ids = {w.seger.id, w.sesa.id};
  i.network = desk.status_components().create_component(admin, c);
  return i;
}

class IncidentTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    auto i = add_incident_world(*desk, w, as(w.admin));
    ascom = i.ascom;
    director = i.director;
    manager_sesa = i.manager_sesa;
    sigefes = i.sigefes;
    network = i.network;
  }

  app::NoticeView report_sigefes(const Person& by,
                                 const std::string& impact = "o lançamento da folha") {
    app::ReportIncident r;
    r.component_ids = {sigefes.id};
    r.impact = impact;
    r.description = "O SIGEFES não abre desde as 9h.";
    return desk->status_notices().report_incident(as(by), r);
  }
  app::NoticeView step(const Person& by, std::int64_t id, NoticeAction action) {
    app::NoticeStep s;
    s.action = action;
    s.text = "A equipe identificou a causa e aplica a correção.";
    s.position = "Diretor Técnico";
    s.organization_id = w.seger.id;
    s.starts_at = clock.now() + std::chrono::hours(48);
    s.ends_at = clock.now() + std::chrono::hours(50);
    return desk->status_notices().act(as(by), id, s);
  }
  app::NoticeView schedule_network(const Person& by) {
    app::ScheduleMaintenance s;
    s.component_ids = {network.id};
    s.impact = "o acesso à internet";
    s.starts_at = clock.now() + std::chrono::hours(24);
    s.ends_at = clock.now() + std::chrono::hours(26);
    return desk->status_notices().schedule_maintenance(as(by), s);
  }

  Person ascom, director, manager_sesa;
  StatusComponent sigefes, network;
};

}  // namespace guiche::testing
