// `guiche serve` run as a child process and spoken to over a real socket on
// 127.0.0.1, the way a browser or a load balancer would.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

// The guiche binary as a child process, its output going to a log file.
class Child {
 public:
  Child(const std::vector<std::string>& args, const std::string& log_path) : log_(log_path) {
    const char* binary = std::getenv("GUICHE_BINARY");
    std::vector<std::string> all{binary ? binary : "guiche"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      const int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(log, 1);
      ::dup2(log, 2);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
  }
  ~Child() {
    if (!exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // The exit code once the child ends within `limit`; -1 if it is still
  // running then, or was killed by a signal.
  int wait_exit(std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (std::chrono::steady_clock::now() < until) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }
  bool running() {
    int status = 0;
    if (exited_ || ::waitpid(pid_, &status, WNOHANG) != pid_) return !exited_;
    exited_ = true;
    return false;
  }
  void signal(int sig) { ::kill(pid_, sig); }
  std::string output() const {
    std::ifstream in(log_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  std::string log_;
  pid_t pid_ = -1;
  bool exited_ = false;
};

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override { dir = make_temp_dir("guiche-serve-"); }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::string dir;
};

TEST_F(ServeTest, AnswersHealthAndNotFoundThenStopsCleanlyOnSigterm) {
  const auto port = free_loopback_port();
  ASSERT_NE(port, 0);
  Child server({"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data", dir},
               dir + "/serve.log");

  // Migrations run before the server listens; 200 tries of 50 ms bound the wait.
  bool accepting = false;
  for (int i = 0; i < 200 && !accepting && server.running(); ++i) {
    accepting = http_request(port, "GET", "/api/v1/health").status != 0;
    if (!accepting) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(accepting) << server.output();

  auto health = http_request(port, "GET", "/api/v1/health");
  ASSERT_NE(health.status, 0) << server.output();
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.headers["content-type"], "application/json");
  EXPECT_THAT(health.headers["x-request-id"], MatchesRegex("[0-9a-f]{16}"));
  EXPECT_EQ(health.body, R"({"status":"ok","database":"sqlite","schema_version":3})");

  auto missing = http_request(port, "GET", "/nada");
  ASSERT_NE(missing.status, 0);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.headers["content-type"], "application/problem+json");
  EXPECT_THAT(missing.headers["x-request-id"], MatchesRegex("[0-9a-f]{16}"));
  EXPECT_THAT(missing.body, HasSubstr(R"("status":404)"));
  EXPECT_THAT(missing.body, HasSubstr(R"("title":"Não encontrado")"));

  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(5)), 0) << server.output();
  const auto output = server.output();
  EXPECT_THAT(output, HasSubstr("Guichê em http://127.0.0.1:" + std::to_string(port)));
  EXPECT_THAT(output, HasSubstr("GET /api/v1/health 200 "));
  EXPECT_THAT(output, HasSubstr("GET /nada 404 "));
}

TEST_F(ServeTest, BadListenAddressExitsWithTwo) {
  for (const std::string listen :
       {"nonsense", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:99999", "exemplo.gov.br:80", ":80"}) {
    Child run({"serve", "--listen", listen, "--data", dir}, dir + "/bad.log");
    EXPECT_EQ(run.wait_exit(std::chrono::seconds(10)), 2) << listen << "\n" << run.output();
    EXPECT_THAT(run.output(), HasSubstr("--listen")) << listen;
  }
}

}  // namespace
}  // namespace guiche::testing
