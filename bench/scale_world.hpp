#pragma once
// A desk at state scale for bench_desk_scale: a central de serviços and eight
// technical units with three analysts each, twenty client organizations with
// twenty-five authorized requesters each, a dozen services of every category,
// and tickets registered and worked through the application layer (so every
// row a ticket owns — events, search entry, SLA cache, outbox — is the real
// one), in a realistic mix of states.
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "app/accounts/accounts.hpp"
#include "app/desk.hpp"
#include "app/directory/authorizations.hpp"
#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/error.hpp"

namespace guiche::bench {

// The desk's "now" while filling: it moves forward by one step per
// registered ticket, so tickets spread over months and the older open ones
// are past their deadlines, as in a real backlog. Shared by the fill threads.
class FillClock final : public Clock {
 public:
  explicit FillClock(Instant start) : millis_(to_millis(start)) {}
  Instant now() const override { return from_millis(millis_.load()); }
  void advance(std::int64_t ms) { millis_.fetch_add(ms); }
  void set(Instant t) { millis_.store(to_millis(t)); }

 private:
  std::atomic<std::int64_t> millis_;
};

struct ScaleWorld {
  std::int64_t central = 0;
  std::vector<std::int64_t> units;
  std::vector<std::vector<std::int64_t>> analysts;  // per unit
  Person supervisor;                                // routes, assigns and resolves
  Person attendant;                                 // "me" in the measured queues
  std::vector<std::int64_t> requesters;
  std::vector<std::string> services;
  std::string requester_token, attendant_token;
  std::string attendant_session;  // open_attendant_session
};

inline ScaleWorld build_scale_world(app::Desk& desk) {
  ScaleWorld w;
  Person root;
  root.id = -1;
  root.roles = {{Role::admin, std::nullopt}};
  const app::Actor boot{root, Channel::api};
  auto& dir = desk.directory();
  w.central = dir.create_unit(boot, Unit{0, "SGHDK", "Central de Serviços", std::nullopt,
                                         UnitKind::service_center})
                  .id;
  const char* codes[] = {"SGSIS", "SGRED", "SGSUP", "SGBD", "SGSEG", "SGWEB", "SGDOC", "SGCAD"};
  for (const char* code : codes) {
    w.units.push_back(
        dir.create_unit(boot, Unit{0, code, std::string("Gerência ") + code, std::nullopt}).id);
  }
  Person admin;
  admin.name = "Administradora";
  admin.roles = {{Role::admin, std::nullopt}};
  admin = dir.create_person(boot, {admin, std::nullopt});
  const app::Actor real_admin{admin, Channel::api};
  auto& accounts = desk.accounts();
  std::vector<RoleGrant> supervision = {{Role::attendant, w.central},
                                        {Role::unit_manager, w.central}};
  for (auto u : w.units) supervision.push_back({Role::unit_manager, u});
  w.supervisor =
      accounts.bootstrap_user("Supervisão", "supervisao", "senha-da-supervisao-1", supervision);
  w.attendant = accounts.bootstrap_user("Atendente de Carga", "atendente", "senha-do-atendente-1",
                                        {{Role::attendant, w.central}});
  for (std::size_t u = 0; u < w.units.size(); ++u) {
    w.analysts.emplace_back();
    for (int k = 0; k < 3; ++k) {
      Person p;
      p.name = "Analista " + std::to_string(k + 1) + " " + codes[u];
      p.emails = {"analista" + std::to_string(k) + "." + codes[u] + "@sgti.es.gov.br"};
      p.roles = {{Role::analyst, w.units[u]}};
      w.analysts.back().push_back(dir.create_person(boot, {p, std::nullopt}).id);
    }
  }
  for (int o = 0; o < 20; ++o) {
    Organization org;
    org.name = "Secretaria " + std::to_string(o + 1);
    org.acronym = "SEC" + std::to_string(o + 1);
    org.is_client = true;
    org.client_reference = "Contrato " + std::to_string(o + 1) + "/2020";
    org = dir.create_organization(boot, org);
    for (int r = 0; r < 25; ++r) {
      Person p;
      p.name = "Solicitante " + std::to_string(r + 1) + " da " + org.acronym;
      p.emails = {"s" + std::to_string(r) + "@sec" + std::to_string(o + 1) + ".es.gov.br"};
      p.organization_id = org.id;
      p.roles = {{Role::requester, std::nullopt}};
      p = dir.create_person(boot, {p, std::nullopt});
      desk.authorizations().authorize_requester(
          real_admin, {org.id, p.id, AuthorizationDocument::contract, "1/2020",
                       Date{std::chrono::year{2020} / 1 / 1}});
      w.requesters.push_back(p.id);
    }
  }
  const Category categories[] = {
      Category::service_request,        Category::defect_without_stoppage,
      Category::technical_consultation, Category::incident,
      Category::defect_with_stoppage,   Category::service_request};
  for (int s = 0; s < 12; ++s) {
    Service service;
    service.code = "SRV" + std::to_string(s + 1);
    service.name = "Serviço " + std::to_string(s + 1);
    service.owning_unit_id = w.units[static_cast<std::size_t>(s) % w.units.size()];
    service.default_category = s == 11 ? Category::project : categories[s % 6];
    dir.create_service(real_admin, service);
    w.services.push_back(service.code);
  }
  const app::Actor requester{accounts.actor(w.requesters.front(), Channel::api)};
  w.requester_token = accounts.create_api_token(requester, w.requesters.front(), "carga").secret;
  const app::Actor attendant{w.attendant, Channel::api};
  w.attendant_token = accounts.create_api_token(attendant, w.attendant.id, "carga").secret;
  return w;
}

// The attendant's web session, opened at the real now (a session opened on
// the fill clock would have expired before the server starts).
inline std::string open_attendant_session(store::Database& db, const std::string& data_dir) {
  SystemClock real;
  app::Desk desk(db, real, app::DeskConfig{data_dir});
  return desk.accounts().sign_in("atendente", "senha-do-atendente-1", "127.0.0.1").session_id;
}

// About 5 % of descriptions carry the common word ("lentidão"), one in ten
// thousand the rare one ("quimera").
inline std::string scale_description(long i) {
  static const char* const kTexts[] = {
      "Não consigo acessar o sistema de protocolo desde a manhã.",
      "Solicito criação de conta de e-mail para novo servidor.",
      "Impressora do setor de pessoal não imprime frente e verso.",
      "Erro ao emitir certidão no portal de serviços.",
      "Pedido de instalação do leitor de certificado digital.",
      "A rede sem fio do auditório cai a cada poucos minutos.",
      "Solicito acesso à pasta compartilhada do financeiro.",
      "O relatório mensal de diárias sai com valores em branco.",
  };
  std::string text = kTexts[i % 8];
  if (i % 20 == 7) text += " Lentidão geral ao abrir as telas.";
  if (i % 10000 == 4321) text += " Parece uma quimera, mas acontece.";
  return text + " Referência interna " + std::to_string(i) + ".";
}

// What becomes of ticket `i`, per mille: most are long closed, some
// cancelled, the rest open at every stage of the queue.
enum class Fate {
  closed,
  cancelled,
  fresh,
  unit_queue,
  with_analyst,
  in_progress,
  pending_requester,
  pending_third_party,
  mine,
  resolved
};

inline Fate fate_of(long i) {
  const long r = (i * 2654435761L) % 1000;
  if (r < 840) return Fate::closed;
  if (r < 870) return Fate::cancelled;
  if (r < 890) return Fate::fresh;
  if (r < 910) return Fate::unit_queue;
  if (r < 940) return Fate::with_analyst;
  if (r < 965) return Fate::in_progress;
  if (r < 980) return Fate::pending_requester;
  if (r < 990) return Fate::pending_third_party;
  if (r < 995) return Fate::mine;
  return Fate::resolved;
}

struct FillReport {
  long tickets = 0;
  long failures = 0;
  double seconds = 0;
  double catch_up_seconds = 0;  // closing expired resolutions and recording SLA warnings
};

// Registers tickets `from` .. `to` - 1 (their index, not their id) from
// `threads` threads, each worked to its fate right away, then catches the
// housekeeping up to the real now (so the served desk has no backlog of
// closings and warnings to write while it is measured).
inline FillReport fill_tickets(app::Desk& desk, FillClock& clock, const ScaleWorld& w, long from,
                               long to, int threads, std::int64_t step_ms) {
  using Stopwatch = std::chrono::steady_clock;
  const auto t0 = Stopwatch::now();
  std::atomic<long> next{from}, failures{0};
  const app::Actor supervisor{w.supervisor, Channel::portal};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (long i = next.fetch_add(1); i < to; i = next.fetch_add(1)) {
        try {
          // Housekeeping as a running server does it, as the history goes.
          if (i % 5000 == 4999) {
            desk.work().close_expired_resolutions();
            desk.sla().record_sla_warnings();
          }
          clock.advance(step_ms);
          const auto requester_id = w.requesters[static_cast<std::size_t>(i) % w.requesters.size()];
          const app::Actor requester{desk.accounts().actor(requester_id, Channel::portal)};
          app::RegisterRequest r;
          r.requester_id = requester_id;
          r.service_code = w.services[static_cast<std::size_t>(i * 7) % w.services.size()];
          r.subject = "Chamado de carga " + std::to_string(i);
          r.description = scale_description(i);
          r.impact = 1 + static_cast<int>(i % 3);
          r.urgency = 1 + static_cast<int>((i / 3) % 3);
          const auto id = desk.intake().register_request(requester, r).id;
          auto& work = desk.work();
          const Fate fate = fate_of(i);
          const std::size_t u = static_cast<std::size_t>(i / 11) % w.units.size();
          const auto analyst = w.analysts[u][static_cast<std::size_t>(i) % 3];
          switch (fate) {
            case Fate::fresh:
              break;
            case Fate::cancelled:
              work.cancel(supervisor, id, "Registrado em duplicidade.");
              break;
            case Fate::unit_queue:
              work.route(supervisor, id, w.units[u], std::nullopt);
              break;
            case Fate::mine:
              work.route(supervisor, id, w.central, w.attendant.id);
              break;
            default:
              work.route(supervisor, id, w.units[u], analyst);
              break;
          }
          if (fate == Fate::in_progress || fate == Fate::pending_requester ||
              fate == Fate::pending_third_party) {
            work.change_status(supervisor, id, Status::in_progress);
          }
          if (fate == Fate::pending_requester) {
            work.reply(supervisor, id, "Pode enviar a tela do erro?", true);
          }
          if (fate == Fate::pending_third_party) {
            work.change_status(supervisor, id, Status::pending_third_party);
          }
          if (fate == Fate::closed || fate == Fate::resolved) {
            work.resolve(supervisor, id, "Atendido conforme solicitado.", 30);
          }
        } catch (const DomainError& e) {
          if (failures.fetch_add(1) < 5) std::fprintf(stderr, "fill %ld: %s\n", i, e.what());
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  FillReport report;
  report.tickets = to - from;
  report.failures = failures.load();
  report.seconds = std::chrono::duration<double>(Stopwatch::now() - t0).count();
  // Housekeeping as the server would do it at the real now; the fill clock
  // then goes back to where the history stands.
  const auto t1 = Stopwatch::now();
  const Instant history = clock.now();
  clock.set(
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
  desk.work().close_expired_resolutions();
  desk.sla().record_sla_warnings();
  clock.set(history);
  report.catch_up_seconds = std::chrono::duration<double>(Stopwatch::now() - t1).count();
  return report;
}

}  // namespace guiche::bench
