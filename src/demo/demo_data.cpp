// Entry points of the demo loader: builds the directory, the charter and two
// months of tickets through the application layer, then reports in pt-BR.
#include "demo/demo_data.hpp"

#include <array>
#include <map>
#include <sstream>

#include "app/sla/sla_recompute.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

using namespace std::chrono;

std::string pad(const std::string& text, std::size_t width) {
  // Width in characters, not bytes: pt-BR labels carry accents.
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xc0) != 0x80;
  return text + std::string(width > chars ? width - chars : 1, ' ');
}

std::string summary(World& w) {
  const auto admin = w.as("admin");
  std::map<Status, int> by_status;
  for (auto id : w.ticket_ids) ++by_status[w.desk.tickets().ticket(admin, id).status];
  int clients = 0;
  for (const auto& [acronym, o] : w.organizations) clients += o.is_client;

  std::ostringstream out;
  out << "Dados de demonstração carregados (histórico de " << format_date(local_day_of(w.begin))
      << " a " << format_date(local_day_of(w.end)) << ").\n\n"
      << "  Órgãos:    " << w.organizations.size() << " (" << clients << " clientes)\n"
      << "  Unidades:  " << w.units.size() << "\n"
      << "  Pessoas:   " << w.people.size() << "\n"
      << "  Serviços:  " << w.services.size() << "\n"
      << "  Chamados:  " << w.ticket_ids.size() << "\n";
  static constexpr std::array kOrder{Status::new_,
                                     Status::triage,
                                     Status::assigned,
                                     Status::in_progress,
                                     Status::pending_requester,
                                     Status::pending_third_party,
                                     Status::resolved,
                                     Status::closed,
                                     Status::reopened,
                                     Status::cancelled};
  for (Status s : kOrder) {
    out << "    " << pad(std::string(status_label_pt(s)), 30) << by_status[s] << "\n";
  }
  out << "\nAcessos de demonstração (senha de todos: guiche-demo):\n";
  out << "  " << pad("login", 18) << pad("papel", 48) << "unidade / órgão\n";
  for (const auto& l : w.logins) {
    out << "  " << pad(l.login, 18) << pad(l.role, 48) << l.where << "\n";
  }
  return out.str();
}

}  // namespace

bool has_data(store::Database& db) {
  bool any = false;
  db.read([&](store::Connection& c) {
    any = c.query_one("SELECT count(*) FROM organizations")->integer(0) > 0;
  });
  return any;
}

std::string load_demo_data(store::Database& db, const std::string& data_dir) {
  const Instant now = SystemClock().now();
  // The history starts sixty days ago, at the opening of a working day.
  const Instant begin =
      snap_forward(at_local(local_day_of(now - days{60}), hours{8})) + minutes{17};
  ManualClock clock(begin);
  app::Desk desk(db, clock, app::DeskConfig{data_dir});
  World w(desk, clock, begin, now);

  create_admin(w);
  create_calendars(w);
  create_units(w);
  create_organizations(w);
  create_people(w);
  create_authorizations(w);
  create_services(w);
  create_status_components(w);
  create_answer_templates(w);
  create_knowledge_articles(w);
  schedule_tickets(w);
  schedule_incidents(w);
  schedule_equipment_custody(w);
  schedule_manifestations(w);
  w.timeline.run(clock, desk, clock.now(), now);
  add_whatsapp_conversations(w);
  // The calendars above restarted the clocks' recompute: finished here, so
  // the demo desk starts with no job pending.
  desk.sla_recompute().run_until_done();
  return summary(w);
}

}  // namespace guiche::demo
