// support/child_run.hpp: a program run without a shell, with only the
// environment it is given, its output to a file, and killed with whatever it
// started when its time is up.
#include "support/child_run.hpp"

#include <gmock/gmock.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class ChildRunTest : public ::testing::Test {
 protected:
  void SetUp() override { dir = make_temp_dir("guiche-child-run-"); }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::string output() {
    std::ifstream in(dir + "/saida.txt");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::string dir;
};

TEST_F(ChildRunTest, ArgumentsReachTheProgramAsTheyAreWithoutAShell) {
  ChildRun run;
  run.argv = {"/bin/echo", "$(touch " + dir + "/invadido)", "; rm -rf /", "a b"};
  run.output_path = dir + "/saida.txt";
  const auto r = run_child(run);
  EXPECT_TRUE(r.started);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(output(), "$(touch " + dir + "/invadido) ; rm -rf / a b\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/invadido"));
}

TEST_F(ChildRunTest, TheChildSeesOnlyTheEnvironmentGiven) {
  ::setenv("GUICHE_SEGREDO_DE_TESTE", "nao-deve-vazar", 1);
  ChildRun run;
  run.argv = {"/usr/bin/env"};
  run.env = {"HOME=/tmp/casa"};
  run.output_path = dir + "/saida.txt";
  EXPECT_EQ(run_child(run).exit_code, 0);
  EXPECT_EQ(output(), "HOME=/tmp/casa\n");
  ::unsetenv("GUICHE_SEGREDO_DE_TESTE");
}

TEST_F(ChildRunTest, ExitCodesAndMissingProgramsAreReported) {
  ChildRun run;
  run.argv = {"/bin/sh", "-c", "exit 3"};
  EXPECT_EQ(run_child(run).exit_code, 3);
  run.argv = {dir + "/nao-existe"};
  EXPECT_FALSE(run_child(run).started);
}

TEST_F(ChildRunTest, ATimeoutKillsTheChildAndWhatItStarted) {
  ChildRun run;
  // The grandchild writes its pid, then both sleep far beyond the limit.
  run.argv = {"/bin/sh", "-c", "sleep 30 & echo $! > " + dir + "/neto.pid; sleep 30"};
  run.timeout = std::chrono::milliseconds(300);
  const auto started = std::chrono::steady_clock::now();
  const auto r = run_child(run);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_EQ(r.signal, SIGKILL);
  std::ifstream in(dir + "/neto.pid");
  pid_t grandchild = 0;
  ASSERT_TRUE(in >> grandchild);
  // Killed within a moment: gone, or a zombie waiting for init to reap it.
  auto dead = [&] {
    std::ifstream stat("/proc/" + std::to_string(grandchild) + "/stat");
    std::string pid, name, state;
    return !(stat >> pid >> name >> state) || state == "Z";
  };
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    gone = dead();
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(gone);
}

}  // namespace
}  // namespace guiche::testing
