// guiche sla deadline | holidays, run as a user would run them.
#include <gmock/gmock.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct Run {
  int exit_code;
  std::string out;  // stdout
  std::string err;  // stderr
};

Run guiche(const std::string& args) {
  const char* binary = std::getenv("GUICHE_BINARY");
  char err_path[] = "/tmp/guiche-sla-cli-XXXXXX";
  int fd = ::mkstemp(err_path);
  if (fd >= 0) ::close(fd);
  std::string command =
      std::string(binary ? binary : "guiche") + " " + args + " 2>" + err_path + " </dev/null";
  Run run{-1, {}, {}};
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
  auto v1 =
      guiche("sla deadline --calendar br --start 2026-04-02T16:00:00-03:00 --business-hours 4");
  EXPECT_EQ(v1.exit_code, 0) << v1.err;
  EXPECT_EQ(v1.out, "2026-04-06T10:00:00-03:00\n");
  EXPECT_EQ(v1.err, "");

  auto ms = guiche("sla deadline --calendar br-ms --start 2026-04-06T13:00:00Z --calendar-hours 2");
  EXPECT_EQ(ms.out, "2026-04-06T11:00:00-04:00\n");
  auto days = guiche("sla deadline --calendar br-es --start 2026-04-10T10:00 --business-days 1");
  EXPECT_EQ(days.out, "2026-04-14T18:00:00-03:00\n");
  auto dst =
      guiche("sla deadline --calendar br --start 2018-11-01T17:00:00-03:00 --business-hours 4");
  EXPECT_EQ(dst.out, "2018-11-05T11:00:00-02:00\n");
}

TEST(SlaCli, ExplainListsCountedIntervalsAndHolidays) {
  auto run = guiche(
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

  auto days = guiche(
      "sla deadline --calendar br-es --start 2026-04-10T10:00:00-03:00 --business-days 2 "
      "--explain");
  EXPECT_THAT(days.out, HasSubstr("dia útil 1: 14/04/2026 terça-feira 08:00–18:00"));
  EXPECT_THAT(days.out, HasSubstr("dia útil 2: 15/04/2026"));
  EXPECT_THAT(days.out, HasSubstr("13/04/2026 segunda-feira Nossa Senhora da Penha"));
}

TEST(SlaCli, HolidaysListsTheYearWithWeekdaysAndNames) {
  auto run = guiche("sla holidays --calendar br-ms --year 2026");
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
    auto run = guiche(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.args << "\n" << run.out << run.err;
    EXPECT_THAT(run.err, HasSubstr(c.message)) << c.args;
    EXPECT_EQ(run.out, "") << c.args;
  }
}

}  // namespace
}  // namespace guiche::testing
