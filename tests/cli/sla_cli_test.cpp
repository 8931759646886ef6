// guiche sla deadline | holidays and guiche calendar, run as a user would run them.
#include <gmock/gmock.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct SplitRun {
  int exit_code;
  std::string out;  // stdout
  std::string err;  // stderr
};

SplitRun guiche_split(const std::string& args) {
  const char* binary = std::getenv("GUICHE_BINARY");
  char err_path[] = "/tmp/guiche-sla-cli-XXXXXX";
  int fd = ::mkstemp(err_path);
  if (fd >= 0) ::close(fd);
  std::string command =
      std::string(binary ? binary : "guiche") + " " + args + " 2>" + err_path + " </dev/null";
  SplitRun run{-1, {}, {}};
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.out.append(buffer, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (FILE* err = std::fopen(err_path, "r")) {
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, err)) run.err.append(buffer, n);
    std::fclose(err);
  }
  std::remove(err_path);
  return run;
}

TEST(SlaCli, DeadlinePrintsTheInstantWithTheCalendarsOffset) {
  auto v1 = guiche_split(
      "sla deadline --calendar br --start 2026-04-02T16:00:00-03:00 --business-hours 4");
  EXPECT_EQ(v1.exit_code, 0) << v1.err;
  EXPECT_EQ(v1.out, "2026-04-06T10:00:00-03:00\n");
  EXPECT_EQ(v1.err, "");

  auto ms =
      guiche_split("sla deadline --calendar br-ms --start 2026-04-06T13:00:00Z --calendar-hours 2");
  EXPECT_EQ(ms.out, "2026-04-06T11:00:00-04:00\n");
  auto days =
      guiche_split("sla deadline --calendar br-es --start 2026-04-10T10:00 --business-days 1");
  EXPECT_EQ(days.out, "2026-04-14T18:00:00-03:00\n");
  auto dst = guiche_split(
      "sla deadline --calendar br --start 2018-11-01T17:00:00-03:00 --business-hours 4");
  EXPECT_EQ(dst.out, "2018-11-05T11:00:00-02:00\n");
}

TEST(SlaCli, ExplainListsCountedIntervalsAndHolidays) {
  auto run = guiche_split(
      "sla deadline --calendar br --start 2026-04-02T16:00:00-03:00 --business-hours 4 --explain");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, StartsWith("2026-04-06T10:00:00-03:00\n"));
  EXPECT_THAT(run.out, HasSubstr("calendário: br (America/Sao_Paulo)"));
  EXPECT_THAT(run.out, HasSubstr("duração: 4 horas úteis"));
  EXPECT_THAT(run.out, HasSubstr("02/04/2026 quinta-feira 16:00–18:00 "
                                 "(2026-04-02T19:00:00Z – 2026-04-02T21:00:00Z) 2h00"));
  EXPECT_THAT(run.out, HasSubstr("06/04/2026 segunda-feira 08:00–10:00"));
  EXPECT_THAT(run.out, HasSubstr("03/04/2026 sexta-feira Sexta-feira Santa"));
  EXPECT_THAT(run.out, HasSubstr("tempo contado: 4h00"));

  auto days = guiche_split(
      "sla deadline --calendar br-es --start 2026-04-10T10:00:00-03:00 --business-days 2 "
      "--explain");
  EXPECT_THAT(days.out, HasSubstr("dia útil 1: 14/04/2026 terça-feira 08:00–18:00"));
  EXPECT_THAT(days.out, HasSubstr("dia útil 2: 15/04/2026"));
  EXPECT_THAT(days.out, HasSubstr("13/04/2026 segunda-feira Nossa Senhora da Penha"));
}

TEST(SlaCli, HolidaysListsTheYearWithWeekdaysAndNames) {
  auto run = guiche_split("sla holidays --calendar br-ms --year 2026");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("America/Campo_Grande"));
  EXPECT_THAT(run.out, HasSubstr("03/04/2026 sexta-feira Sexta-feira Santa\n"));
  EXPECT_THAT(run.out, HasSubstr("11/10/2026 domingo Criação do Estado de Mato Grosso do Sul\n"));
  EXPECT_THAT(run.out, HasSubstr("20/11/2026 sexta-feira Dia Nacional de Zumbi e da Consciência "
                                 "Negra\n"));
}

TEST(SlaCli, BadArgumentsExitWithTwoAndAClearMessage) {
  struct Case {
    std::string args;
    std::string message;
  };
  const std::string start = " --start 2026-04-02T16:00:00-03:00";
  const std::vector<Case> cases = {
      {"sla deadline --calendar br-sp" + start + " --business-hours 4",
       "Calendário desconhecido: br-sp (disponíveis: br, br-es, br-ms)"},
      {"sla deadline --calendar br --start amanhã --business-hours 4", "Data e hora inválidas"},
      {"sla deadline --calendar br --start 2026-02-30T10:00:00-03:00 --business-hours 4",
       "Data e hora inválidas"},
      {"sla deadline --calendar br --start 2018-11-04T00:30 --business-hours 4", "não existiu"},
      {"sla deadline --calendar br --start 2019-02-16T23:30 --business-hours 4",
       "ocorreu duas vezes"},
      {"sla deadline --calendar br" + start + " --business-hours=-4",
       "A duração não pode ser negativa."},
      {"sla deadline --calendar br" + start + " --business-days -1",
       "A duração não pode ser negativa."},
      {"sla deadline --calendar br" + start + " --business-hours quatro", "Quantidade inválida"},
      {"sla deadline --calendar br" + start, "Informe exatamente uma duração"},
      {"sla deadline --calendar br" + start + " --business-hours 4 --calendar-hours 4",
       "Informe exatamente uma duração"},
      {"sla deadline --calendar br --start 2099-12-20T10:00:00-03:00 --business-days 30",
       "anos suportados"},
      {"sla deadline --start 2026-04-02T16:00:00-03:00 --business-hours 4", "--calendar"},
      {"sla holidays --calendar br --year 1900", "Ano fora do intervalo suportado (1970–2099)"},
      {"sla holidays --calendar br --year vinte", "Ano inválido"},
      {"sla holidays --calendar xx --year 2026", "Calendário desconhecido: xx"},
      {"sla", "subcommand"},
  };
  for (const auto& c : cases) {
    auto run = guiche_split(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.args << "\n" << run.out << run.err;
    EXPECT_THAT(run.err, HasSubstr(c.message)) << c.args;
    EXPECT_EQ(run.out, "") << c.args;
  }
}

// guiche calendar and the store options of guiche sla, on a real database.
class CalendarCli : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database = std::make_unique<TestDatabase>(GetParam());
    store = " --data " + database->data_dir();
    if (!database->url().empty()) store += " --database '" + database->url() + "'";
    file = database->data_dir() + "/pontos.csv";
  }
  void write_file(const std::string& text) { std::ofstream(file) << text; }
  std::int64_t stored_days() {
    database->reopen();
    std::int64_t n = 0;
    database->db().read([&](store::Connection& c) {
      n = c.query_one("SELECT count(*) FROM calendar_optional_days")->integer(0);
    });
    return n;
  }
  std::string load(int year = 2026) {
    return "calendar optional-days" + store + " --calendar br --year " + std::to_string(year) +
           " --file " + file;
  }

  std::unique_ptr<TestDatabase> database;
  std::string store, file;
};

TEST_P(CalendarCli, LoadsAYearOfPontosFacultativosThatSlaCommandsThenSkip) {
  write_file(
      "data;nome;fechamento\n"
      "# federal, 2026\n"
      "2026-02-16;Carnaval;dia-todo\n"
      "2026-02-17;Carnaval\n"
      "2026-02-18;Quarta-feira de Cinzas;fechado-ate 14:00\r\n"
      "\n"
      "2026-12-24;Véspera de Natal;fechado-apos 13:00\n"
      "2026-06-10;Jogo do Brasil;aberto 07:00-10:00\n");
  auto run = guiche_split(load());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("pontos facultativos de 2026 carregados em br: 5"));
  EXPECT_THAT(run.out, HasSubstr("2026-02-18 Quarta-feira de Cinzas (fechado até 14:00)"));
  EXPECT_EQ(stored_days(), 5);
  // With no server to advance it, the clocks' recompute ran to its end here.
  EXPECT_THAT(run.out, HasSubstr("prazos recalculados: 0 chamados"));
  EXPECT_THAT(run.err, HasSubstr("recalculando os prazos: 0 de 0 chamados"));
  database->db().read([](store::Connection& c) {
    auto job = c.query_one("SELECT reason, finished_at FROM sla_recompute");
    ASSERT_TRUE(job);
    EXPECT_EQ(job->text(0), "pontos facultativos de 2026 do calendário br carregados");
    EXPECT_FALSE(job->is_null(1));
  });

  auto holidays = guiche_split("sla holidays --calendar br-es --year 2026" + store);
  EXPECT_EQ(holidays.exit_code, 0) << holidays.err;
  EXPECT_THAT(holidays.out, HasSubstr("18/02/2026 quarta-feira Quarta-feira de Cinzas (fechado até "
                                      "14:00) [ponto facultativo]\n"));
  EXPECT_THAT(holidays.out, HasSubstr("10/06/2026 quarta-feira Jogo do Brasil (aberto só das 07:00 "
                                      "às 10:00) [ponto facultativo]\n"));
  // Vector V3 of docs/domain.md "Calendars", and without the store only the built-ins count.
  const std::string v3 = "sla deadline --calendar br --start 2026-02-13T17:00 --business-hours 2";
  EXPECT_EQ(guiche_split(v3 + store).out, "2026-02-18T15:00:00-03:00\n");
  EXPECT_EQ(guiche_split(v3).out, "2026-02-16T09:00:00-03:00\n");

  // Loading the year again replaces it.
  write_file("2026-06-04;Corpus Christi\n");
  ASSERT_EQ(guiche_split(load()).exit_code, 0);
  EXPECT_EQ(stored_days(), 1);
  auto list = guiche_split("calendar list" + store);
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("br-ms\tembutido\tAmerica/Campo_Grande\therda de br\n"));
}

TEST_P(CalendarCli, ABadFileNamesItsLinesExitsWithTwoAndStoresNothing) {
  write_file("2026-06-04;Corpus Christi\n");
  ASSERT_EQ(guiche_split(load()).exit_code, 0);
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"2026-02-16;Carnaval\n2026-02-31;Carnaval\n", "linha 2: data inválida \"2026-02-31\""},
      {"2026-02-16;Carnaval\n2026-02-18;Cinzas;fechado-ate 14h\n",
       "linha 2: fechamento inválido \"fechado-ate 14h\""},
      {"2026-02-16;Carnaval\n\n2026-02-18;Cinzas;aberto 14:00-10:00\n", "linha 3: fechamento"},
      {"2026-02-16\n", "linha 1: use data;nome;fechamento"},
      {"2026-02-16;Carnaval\n2025-12-31;Véspera\n", "linha 2: A data 2025-12-31 não é do ano 2026"},
      {"2026-02-16;Carnaval\n2026-02-16;De novo\n", "linha 2: A data 2026-02-16 aparece mais"},
  };
  for (const auto& c : cases) {
    write_file(c.text);
    auto run = guiche_split(load());
    EXPECT_EQ(run.exit_code, 2) << c.text << run.out << run.err;
    EXPECT_THAT(run.err, HasSubstr(c.message)) << c.text;
    EXPECT_THAT(run.err, HasSubstr("nada foi gravado")) << c.text;
  }
  EXPECT_EQ(stored_days(), 1) << "the earlier load is intact";
  write_file("2026-06-04;Corpus Christi\n");
  auto missing = guiche_split("calendar optional-days" + store +
                              " --calendar br-sp --year 2026 --file " + file);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("Calendário não encontrado"));
  auto help = guiche_split("calendar optional-days --help");
  EXPECT_THAT(help.out, HasSubstr("fechado-ate HH:MM"));
}

INSTANTIATE_TEST_SUITE_P(Engines, CalendarCli, ::testing::Values(Engine::sqlite, Engine::postgres),
                         engine_name);

}  // namespace
}  // namespace guiche::testing
