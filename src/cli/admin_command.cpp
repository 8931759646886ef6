#include <chrono>
#include <iostream>
#include <memory>

#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "app/personal_data/personal_data.hpp"
#include "app/tickets/ticket_work.hpp"
#include "cli/options.hpp"
#include "cli/subcommands.hpp"
#include "domain/error.hpp"
#include "domain/person.hpp"

namespace guiche::cli {
namespace {

struct CreateUser {
  StoreOptions store;
  std::string login, password, role, name, unit;
};

int create_user(const CreateUser& o) {
  auto role = parse_role(o.role);
  if (!role) throw invalid_field("role", "Papel desconhecido: " + o.role + ".");
  auto db = o.store.open_migrated();
  SystemClock clock;
  app::Desk desk(*db, clock, app::DeskConfig{o.store.data_dir});
  RoleGrant grant{*role, std::nullopt};
  if (!o.unit.empty()) {
    for (const auto& u : desk.directory().units()) {
      if (u.code == o.unit) grant.unit_id = u.id;
    }
    if (!grant.unit_id) throw invalid_field("unit", "Unidade desconhecida: " + o.unit + ".");
  }
  Person p = desk.accounts().bootstrap_user(o.name.empty() ? o.login : o.name, o.login, o.password,
                                            {grant});
  std::cout << "usuário criado: " << *p.login << " (id " << p.id << ", " << role_code(*role)
            << ")\n";
  return 0;
}

}  // namespace

void add_admin(CLI::App& app, Runners& runners) {
  auto* admin = app.add_subcommand("admin", "tarefas de administração");
  admin->require_subcommand(1);

  auto create = std::make_shared<CreateUser>();
  auto* create_command = admin->add_subcommand("create-user", "cria uma pessoa com login");
  create->store.add_to(*create_command);
  create_command->add_option("--login", create->login, "login")->required();
  create_command->add_option("--password", create->password, "senha (ao menos 8 caracteres)")
      ->required();
  create_command->add_option("--role", create->role, "papel (admin, attendant, analyst, ...)")
      ->required();
  create_command->add_option("--name", create->name, "nome completo (padrão: o login)");
  create_command->add_option("--unit", create->unit, "código da unidade, para papéis de unidade");
  runners[create_command] = [create] { return create_user(*create); };

  // LGPD: erases a person's data (app/personal_data/personal_data.hpp); run
  // again, it changes nothing.
  auto anonymize = std::make_shared<StoreOptions>();
  auto anonymize_id = std::make_shared<std::int64_t>(0);
  auto* anonymize_command = admin->add_subcommand(
      "anonymize-person",
      "apaga os dados pessoais de uma pessoa (LGPD), mantendo chamados e números");
  anonymize->add_to(*anonymize_command);
  anonymize_command->add_option("id", *anonymize_id, "id da pessoa")
      ->required()
      ->check(CLI::PositiveNumber);
  runners[anonymize_command] = [anonymize, anonymize_id] {
    auto db = anonymize->open_migrated();
    SystemClock clock;
    app::Desk desk(*db, clock, app::DeskConfig{anonymize->data_dir});
    const auto done = desk.personal_data().anonymize_as_operator(*anonymize_id);
    if (done.already) {
      std::cout << "pessoa " << done.person_id << " já estava anonimizada ("
                << format_utc(done.anonymized_at) << "); nada mudou\n";
    } else {
      std::cout << "pessoa " << done.person_id << " anonimizada: " << done.tickets
                << " chamado(s) reescrito(s), " << done.files << " arquivo(s) apagado(s)\n";
    }
    return 0;
  };

  auto rebuild = std::make_shared<StoreOptions>();
  auto* rebuild_command = admin->add_subcommand(
      "rebuild-tickets", "recalcula todos os chamados a partir de seus eventos");
  rebuild->add_to(*rebuild_command);
  runners[rebuild_command] = [rebuild] {
    auto db = rebuild->open_migrated();
    SystemClock clock;
    app::Desk desk(*db, clock, app::DeskConfig{rebuild->data_dir});
    const auto started = std::chrono::steady_clock::now();
    auto last_shown = started;
    const auto done = desk.work().rebuild_tickets([&](const auto& p) {
      // Progress at most once a second, on stderr: stdout keeps the result.
      const auto now = std::chrono::steady_clock::now();
      if (now - last_shown < std::chrono::seconds(1) && p.done < p.total) return;
      last_shown = now;
      std::cerr << "recalculando: " << p.done << " de " << p.total << " chamados\n";
    });
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "chamados recalculados: " << done.done
              << "; linhas que divergiam dos eventos: " << done.differing << "; "
              << static_cast<long long>(seconds > 0 ? done.done / seconds : 0) << " chamados/s\n";
    return 0;
  };
}

}  // namespace guiche::cli
