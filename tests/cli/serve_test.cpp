// `guiche serve` run as a child process and spoken to over a real socket on
// 127.0.0.1, the way a browser or a load balancer would.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gmock/gmock.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

sockaddr_in loopback(unsigned short port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// A port nobody listens on right now: bind port 0 and let the kernel choose.
unsigned short free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  auto address = loopback(0);
  socklen_t size = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0)
    address.sin_port = 0;
  ::close(fd);
  return ntohs(address.sin_port);
}

// A connected socket, or -1. Reads time out so a silent server fails the test
// instead of hanging it.
int connect_to(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  auto address = loopback(port);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) return fd;
  ::close(fd);
  return -1;
}

struct Response {
  int status = 0;
  std::string head;  // status line and headers, lower-cased: names are case-insensitive
  std::string body;
};

// Sends one request with `Connection: close` and reads until the server
// closes, so the whole response is in hand without parsing Content-Length.
std::optional<Response> get(unsigned short port, const std::string& path) {
  const int fd = connect_to(port);
  if (fd < 0) return std::nullopt;
  const std::string request =
      "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  std::string raw;
  if (::write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    while (true) {
      const auto n = ::read(fd, buffer, sizeof buffer);
      if (n <= 0) break;
      raw.append(buffer, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  const auto end_of_head = raw.find("\r\n\r\n");
  if (end_of_head == std::string::npos || raw.rfind("HTTP/1.1 ", 0) != 0) return std::nullopt;
  Response response;
  response.status = std::atoi(raw.c_str() + 9);
  response.head = raw.substr(0, end_of_head);
  for (auto& c : response.head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  response.body = raw.substr(end_of_head + 4);
  return response;
}

// The value of header `name` (lower case), or "" if absent.
std::string header(const Response& response, const std::string& name) {
  const auto at = response.head.find("\r\n" + name + ":");
  if (at == std::string::npos) return "";
  auto start = at + name.size() + 3;
  while (start < response.head.size() && response.head[start] == ' ') ++start;
  return response.head.substr(start, response.head.find("\r\n", start) - start);
}

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
  const auto port = free_port();
  ASSERT_NE(port, 0);
  Child server({"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data", dir},
               dir + "/serve.log");

  // Migrations run before the server listens; 200 tries of 50 ms bound the wait.
  bool accepting = false;
  for (int i = 0; i < 200 && !accepting && server.running(); ++i) {
    const int fd = connect_to(port);
    accepting = fd >= 0;
    if (accepting)
      ::close(fd);
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(accepting) << server.output();

  auto health = get(port, "/api/v1/health");
  ASSERT_TRUE(health) << server.output();
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(header(*health, "content-type"), "application/json");
  EXPECT_THAT(header(*health, "x-request-id"), MatchesRegex("[0-9a-f]{16}"));
  EXPECT_EQ(health->body, R"({"status":"ok","database":"sqlite","schema_version":2})");

  auto missing = get(port, "/nada");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(header(*missing, "content-type"), "application/problem+json");
  EXPECT_THAT(header(*missing, "x-request-id"), MatchesRegex("[0-9a-f]{16}"));
  EXPECT_THAT(missing->body, HasSubstr(R"("status":404)"));
  EXPECT_THAT(missing->body, HasSubstr(R"("title":"Não encontrado")"));

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
