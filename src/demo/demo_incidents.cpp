// The demo's status page: PRODEST's components, a past incident told from
// report to restoration as norm NPI-007 orders it (a client's manager
// reports, ASCOM acknowledges, the team confirms, ASCOM publishes, the board
// confirms and announces the restoration in its own name), one incident
// still open, and a maintenance scheduled for the coming days.
#include "app/incidents/status_components.hpp"
#include "app/incidents/status_notices.hpp"
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

using namespace std::chrono;

struct ComponentRow {
  const char* name;
  const char* group;
  const char* description;
  const char* unit;
};

constexpr ComponentRow kComponents[] = {
    {"SIGEFES", "Sistemas corporativos", "Folha de pagamento e gestão de pessoas do Estado",
     "SGMAS"},
    {"E-Docs", "Sistemas corporativos", "Processo administrativo eletrônico", "SGSWB"},
    {"Portal do Servidor", "Sistemas corporativos", "Contracheques e serviços ao servidor",
     "SGSWB"},
    {"Correio eletrônico", "Infraestrutura", "E-mail institucional dos órgãos", "SGINT"},
    {"Rede Metropolitana", "Infraestrutura", "Conexão dos órgãos à rede do Estado", "SGINT"},
    {"Banco de dados corporativo", "Infraestrutura", "Bancos de dados dos sistemas do Estado",
     "SGDBA"},
};

std::string first_worker(const World& w, const std::string& unit) {
  return w.workers.at(unit).front();
}

app::NoticeView step(World& w, const std::string& who, std::int64_t id, NoticeAction action,
                     const std::string& text = "") {
  app::NoticeStep s;
  s.action = action;
  s.text = text;
  s.position = "Diretor-Presidente";
  return w.desk.status_notices().act(w.as(who), id, s);
}

}  // namespace

void create_status_components(World& w) {
  const auto admin = w.as("admin");
  std::vector<std::int64_t> clients;
  for (const auto& [acronym, o] : w.organizations) {
    if (o.is_client) clients.push_back(o.id);
  }
  for (const auto& row : kComponents) {
    StatusComponent c;
    c.name = row.name;
    c.group_name = row.group;
    c.description = row.description;
    c.responsible_unit_id = w.units.at(row.unit);
    c.organization_ids = clients;
    w.components[row.name] = w.desk.status_components().create_component(admin, c).id;
    w.tick();
  }
}

void schedule_incidents(World& w) {
  // Ten days ago, mid-morning: E-Docs slow for everyone, for two hours.
  const Instant past = snap_forward(at_local(local_day_of(w.end - days{10}), hours{10}));
  auto id = std::make_shared<std::int64_t>(0);
  w.timeline.add(past, "incidente E-Docs relatado", [&w, id] {
    app::ReportIncident r;
    r.component_ids = {w.components.at("E-Docs")};
    r.title = "Lentidão no E-Docs";
    r.description = "Os processos não abrem; a tela fica carregando.";
    *id = w.desk.status_notices().report_incident(w.as("gestor.seger"), r).notice.id;
  });
  const std::string team = first_worker(w, "SGSWB");
  w.timeline.add(past + minutes{12}, "incidente E-Docs: recebimento",
                 [&w, id] { step(w, "comunicacao", *id, NoticeAction::acknowledge); });
  w.timeline.add(past + minutes{30}, "incidente E-Docs confirmado", [&w, id, team] {
    app::NoticeStep s;
    s.action = NoticeAction::confirm_general;
    s.impact = "a abertura e a tramitação de processos";
    w.desk.status_notices().act(w.as(team), *id, s);
    step(w, "comunicacao", *id, NoticeAction::publish);
    step(w, "diretoria", *id, NoticeAction::leadership_confirm);
  });
  w.timeline.add(past + minutes{75}, "incidente E-Docs: atualização", [&w, id] {
    step(w, "comunicacao", *id, NoticeAction::update,
         "A causa foi identificada: um dos servidores de aplicação ficou sem memória. A equipe "
         "está transferindo o atendimento para os demais servidores.");
  });
  w.timeline.add(past + minutes{130}, "incidente E-Docs restabelecido", [&w, id, team] {
    step(w, team, *id, NoticeAction::restore);
    step(w, "comunicacao", *id, NoticeAction::publish);
    step(w, "diretoria", *id, NoticeAction::leadership_restore);
  });

  // Today, an hour before the end: the mail is down, and not yet restored.
  const Instant today = w.end - hours{1};
  auto open = std::make_shared<std::int64_t>(0);
  const std::string mail_team = first_worker(w, "SGINT");
  w.timeline.add(today, "incidente do correio em aberto", [&w, open, mail_team] {
    app::ReportIncident r;
    r.component_ids = {w.components.at("Correio eletrônico")};
    r.title = "Instabilidade no correio eletrônico";
    r.impact = "o envio e o recebimento de e-mails";
    *open = w.desk.status_notices().report_incident(w.as(mail_team), r).notice.id;
    step(w, mail_team, *open, NoticeAction::confirm_general);
    step(w, "comunicacao", *open, NoticeAction::publish);
  });

  // A maintenance of the databases in three days, at night, already announced (6.5).
  w.timeline.add(today + minutes{5}, "manutenção programada", [&w] {
    app::ScheduleMaintenance s;
    s.component_ids = {w.components.at("Banco de dados corporativo")};
    s.title = "Atualização dos bancos de dados corporativos";
    s.impact = "os sistemas que usam os bancos de dados corporativos";
    s.starts_at = at_local(local_day_of(w.end + days{3}), hours{22});
    s.ends_at = *s.starts_at + hours{3};
    const auto id =
        w.desk.status_notices().schedule_maintenance(w.as(first_worker(w, "SGDBA")), s).notice.id;
    step(w, "comunicacao", id, NoticeAction::publish);
  });
}

}  // namespace guiche::demo
