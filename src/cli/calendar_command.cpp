// guiche calendar list | optional-days: the calendars the desk knows, and
// loading a year's pontos facultativos from a CSV file.
#include <iostream>
#include <memory>

#include "app/calendars/calendars.hpp"
#include "app/sla/sla_recompute.hpp"
#include "cli/optional_days_file.hpp"
#include "cli/options.hpp"
#include "cli/subcommands.hpp"
#include "domain/error.hpp"

namespace guiche::cli {
namespace {

struct OptionalDaysOptions {
  StoreOptions store;
  std::string calendar, year, file;
};

// Whoever runs the command on the server administers the desk.
app::Actor command_line_admin() {
  Person p;
  p.name = "linha de comando";
  p.roles = {{Role::admin, std::nullopt}};
  return app::Actor{p, Channel::api};
}

int parsed_year(const std::string& text) {
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos)
    throw invalid_field("year", "Ano inválido: \"" + text + "\" (use AAAA, ex.: 2026).");
  return std::stoi(text);
}

// The desk names a bad item "items[i].field"; the file's reader knows its line.
DomainError with_lines(const DomainError& e, const OptionalDaysFile& file,
                       const std::string& path) {
  std::vector<FieldError> fields;
  for (const auto& f : e.fields()) {
    FieldError named = f;
    if (f.field.rfind("items[", 0) == 0) {
      const auto index = std::stoul(f.field.substr(6));
      if (index < file.lines.size()) named.field = "linha " + std::to_string(file.lines[index]);
    }
    fields.push_back(named);
  }
  return DomainError(e.kind(), "O arquivo " + path + " tem erros; nada foi gravado.",
                     std::move(fields));
}

int load_optional_days(const OptionalDaysOptions& o) {
  const int year = parsed_year(o.year);
  const auto file = read_optional_days_file(o.file);
  auto db = o.store.open_migrated();
  SystemClock clock;
  app::Desk desk(*db, clock, app::DeskConfig{o.store.data_dir});
  std::vector<sla::DatedClosure> stored;
  try {
    stored = desk.calendars().load_optional_days(command_line_admin(), o.calendar, year, file.days);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    throw with_lines(e, file, o.file);
  }
  std::cout << "pontos facultativos de " << year << " carregados em " << o.calendar << ": "
            << stored.size() << "\n";
  for (const auto& d : stored) {
    std::cout << "  " << format_date(d.date) << " " << d.name;
    if (!d.closure.whole_day()) std::cout << " (" << d.closure.describe() << ")";
    std::cout << "\n";
  }
  // The change restarted the recompute of the cached clocks; with no server
  // running nobody else would advance it, so it finishes here (a running
  // server's batches and these share the job row safely).
  const auto refreshed = desk.sla_recompute().run_until_done([](const auto& job) {
    if (job.finished_at || job.done % 5000 == 0)
      std::cerr << "recalculando os prazos: " << job.done << " de " << job.total << " chamados\n";
  });
  std::cout << "prazos recalculados: " << refreshed << " chamados\n";
  return 0;
}

int list_calendars(const StoreOptions& o) {
  auto db = o.open_migrated();
  SystemClock clock;
  app::Desk desk(*db, clock, app::DeskConfig{o.data_dir});
  for (const auto& c : desk.calendars().calendars(command_line_admin())) {
    std::cout << c.name << "\t" << (c.builtin ? "embutido" : "cadastrado") << "\t"
              << c.resolved->time_zone() << "\t"
              << (c.parent ? "herda de " + *c.parent : std::string("raiz")) << "\n";
  }
  return 0;
}

}  // namespace

void add_calendar(CLI::App& app, Runners& runners) {
  auto* calendar = app.add_subcommand("calendar", "calendários de expediente");
  calendar->require_subcommand(1);

  auto list = std::make_shared<StoreOptions>();
  auto* list_command =
      calendar->add_subcommand("list", "lista os calendários (embutidos e cadastrados)");
  list->add_to(*list_command);
  runners[list_command] = [list] { return list_calendars(*list); };

  auto days = std::make_shared<OptionalDaysOptions>();
  auto* days_command = calendar->add_subcommand(
      "optional-days", "carrega os pontos facultativos de um ano de um arquivo CSV");
  days_command->footer(kOptionalDaysFormat);
  days->store.add_to(*days_command);
  days_command->add_option("--calendar", days->calendar, "calendário (ex.: br, br-es)")->required();
  days_command->add_option("--year", days->year, "ano (AAAA)")->required();
  days_command->add_option("--file", days->file, "arquivo CSV (formato abaixo)")->required();
  runners[days_command] = [days] { return load_optional_days(*days); };
}

}  // namespace guiche::cli
