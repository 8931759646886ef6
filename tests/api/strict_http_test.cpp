// The raw-socket table of tests/api/data/strict_http.cases: bytes no HTTP
// client library would send (no version, HTTP/9.9, both framings, heads and
// bodies over the limits, clients too slow), each on its own connection to a
// real server, and the one outcome each must get: an answer (problem+json in
// pt-BR, Connection: close) or a closed connection; and never a route run
// for a refused request.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "http/server.hpp"
#include "support/http_client.hpp"

namespace guiche::testing {
namespace {

using Clock = std::chrono::steady_clock;

// What one case sends: pieces of bytes with pauses between them.
struct Piece {
  std::string bytes;
  int pause_ms = 0;  // after the bytes
};

struct StrictCase {
  std::string name;
  std::vector<int> statuses;  // empty: "closed"
  int runs = -1;              // routes run; -1: one per 2xx status
  std::vector<Piece> pieces;
  int line = 0;
};

std::string unescaped(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char c = text[++i];
    if (c == 'r')
      out += '\r';
    else if (c == 'n')
      out += '\n';
    else if (c == 't')
      out += '\t';
    else if (c == 'x' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else
      out += c;
  }
  return out;
}

std::vector<Piece> pieces_of(std::string_view text) {
  std::vector<Piece> pieces(1);
  while (!text.empty()) {
    const auto open = text.find('{');
    pieces.back().bytes += unescaped(text.substr(0, open));
    if (open == std::string_view::npos) break;
    const auto close = text.find('}', open);
    const std::string directive(text.substr(open + 1, close - open - 1));
    if (close == std::string_view::npos ||
        (directive.rfind("pause ", 0) != 0 && directive.rfind("rep ", 0) != 0)) {
      pieces.back().bytes += '{';  // a brace of the bytes themselves
      text.remove_prefix(open + 1);
      continue;
    }
    text.remove_prefix(close + 1);
    if (directive.rfind("pause ", 0) == 0) {
      pieces.back().pause_ms = std::stoi(directive.substr(6));
      pieces.emplace_back();
    } else if (directive.rfind("rep ", 0) == 0) {
      const auto colon = directive.find(':');
      const int times = std::stoi(directive.substr(4, colon - 4));
      const std::string unit = unescaped(directive.substr(colon + 1));
      for (int i = 0; i < times; ++i) pieces.back().bytes += unit;
    }
  }
  return pieces;
}

std::string trimmed(std::string s) {
  s.erase(0, s.find_first_not_of(' '));
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

std::vector<StrictCase> read_cases() {
  std::ifstream in(std::string(GUICHE_API_DATA_DIR) + "/strict_http.cases");
  std::vector<StrictCase> cases;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const auto first = line.find(" | ");
    const auto second = line.find(" | ", first + 3);
    if (second == std::string::npos) {
      ADD_FAILURE() << "line " << number << " is not name | expected | bytes";
      continue;
    }
    StrictCase c;
    c.name = trimmed(line.substr(0, first));
    c.line = number;
    std::istringstream expected(line.substr(first + 3, second - first - 3));
    for (std::string word; expected >> word;) {
      if (word.rfind("runs=", 0) == 0)
        c.runs = std::stoi(word.substr(5));
      else if (word != "closed")
        c.statuses.push_back(std::stoi(word));
    }
    c.pieces = pieces_of(std::string_view(line).substr(second + 3));
    cases.push_back(std::move(c));
  }
  return cases;
}

struct Answer {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;
};

// Cuts the complete responses off the front of `bytes`.
std::vector<Answer> answers_in(std::string& bytes) {
  std::vector<Answer> answers;
  for (;;) {
    const auto end_of_head = bytes.find("\r\n\r\n");
    if (end_of_head == std::string::npos) break;
    Answer a;
    std::istringstream head(bytes.substr(0, end_of_head));
    std::string line;
    std::getline(head, line);
    if (line.size() < 12) break;
    a.status = std::atoi(line.c_str() + 9);
    while (std::getline(head, line)) {
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      a.headers[name] = trimmed(line.substr(colon + 1, line.find_last_not_of("\r") - colon));
    }
    const std::size_t length =
        a.headers.count("content-length") ? std::stoul(a.headers["content-length"]) : 0;
    if (bytes.size() < end_of_head + 4 + length) break;
    a.body = bytes.substr(end_of_head + 4, length);
    bytes.erase(0, end_of_head + 4 + length);
    answers.push_back(std::move(a));
  }
  return answers;
}

struct Outcome {
  std::vector<Answer> answers;
  bool closed = false;          // the server closed the connection (EOF or reset)
  std::string unparsed;         // bytes after the last complete response
  double seconds_to_close = 0;  // from the last byte sent
};

// Sends the pieces, then reads until the server closes the connection, or
// until `wanted` answers came and it stays open (a kept-alive connection), or
// 5 s pass.
Outcome exchange(unsigned short port, const std::vector<Piece>& pieces, std::size_t wanted) {
  Outcome out;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ADD_FAILURE() << "no connection";
    ::close(fd);
    return out;
  }
  for (const auto& piece : pieces) {
    // A refused request's connection may close while its body is still being
    // sent: that is the point, so a failed send ends the sending.
    std::size_t sent = 0;
    while (sent < piece.bytes.size()) {
      const auto n = ::send(fd, piece.bytes.data() + sent, piece.bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    if (sent < piece.bytes.size()) break;
    if (piece.pause_ms) std::this_thread::sleep_for(std::chrono::milliseconds(piece.pause_ms));
  }
  const auto sent_at = Clock::now();
  const auto deadline = sent_at + std::chrono::seconds(5);
  std::string received;
  while (Clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    const int wait_ms = wanted && out.answers.size() >= wanted ? 300 : 100;
    if (::poll(&p, 1, wait_ms) == 0) {
      // Every answer wanted came and the connection stays open: kept alive.
      if (wanted && out.answers.size() >= wanted) break;
      continue;
    }
    char buffer[65536];
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      out.closed = true;
      out.seconds_to_close = std::chrono::duration<double>(Clock::now() - sent_at).count();
      break;
    }
    received.append(buffer, static_cast<std::size_t>(n));
    for (auto& a : answers_in(received)) out.answers.push_back(std::move(a));
  }
  ::close(fd);
  out.unparsed = received;
  return out;
}

class StrictHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto count = [this](int status) {
      return [this, status](const http::Request&) {
        runs.fetch_add(1);
        return http::Response{status, "application/json", "{}", {}};
      };
    };
    routes = {{"GET", "/api/v1/health", count(200)},
              {"POST", "/api/v1/tickets", count(201)},
              {"GET", "/slow", [this](const http::Request&) {
                 std::this_thread::sleep_for(std::chrono::milliseconds(300));
                 runs.fetch_add(1);
                 return http::Response{200, "application/json", "{}", {}};
               }}};
    port = free_loopback_port();
    http::ServeOptions options;
    options.control = &control;
    options.max_body_bytes = 64 * 1024;
    options.read_timeout = std::chrono::seconds(1);
    // GETs on the worker pool too, so /slow is still pending when the
    // requests pipelined behind it are parsed.
    options.reads_may_block = true;
    server = std::thread([this, options] { http::serve(routes, "127.0.0.1", port, options); });
    for (int i = 0; i < 200; ++i) {
      if (http_request(port, "GET", "/api/v1/health").status == 200) {
        runs = 0;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL() << "the server did not start";
  }
  void TearDown() override {
    control.request_stop();
    if (server.joinable()) server.join();
  }

  std::vector<http::Route> routes;
  std::atomic<int> runs{0};
  http::ServeControl control;
  std::thread server;
  unsigned short port = 0;
};

TEST_F(StrictHttpTest, EveryCaseOfTheTable) {
  const auto cases = read_cases();
  ASSERT_GE(cases.size(), 30u);
  for (const auto& c : cases) {
    SCOPED_TRACE("line " + std::to_string(c.line) + ": " + c.name);
    const int runs_before = runs.load();
    const Outcome out = exchange(port, c.pieces, c.statuses.size());
    std::vector<int> got;
    for (const auto& a : out.answers) got.push_back(a.status);
    EXPECT_EQ(got, c.statuses) << "unparsed: " << out.unparsed.substr(0, 200);
    EXPECT_EQ(out.unparsed, "");
    int expected_runs = 0;
    bool refused = c.statuses.empty();
    for (int status : c.statuses) {
      if (status < 300)
        ++expected_runs;
      else
        refused = true;
    }
    if (c.runs >= 0) expected_runs = c.runs;
    // Give a handler that should not have run the time to show it did (and
    // /slow, which takes 300 ms, the time to finish).
    bool slow = false;
    for (const auto& piece : c.pieces)
      slow = slow || piece.bytes.find("/slow") != std::string::npos;
    std::this_thread::sleep_for(std::chrono::milliseconds(slow ? 400 : 50));
    EXPECT_EQ(runs.load() - runs_before, expected_runs) << "routes run";
    if (refused) {
      EXPECT_TRUE(out.closed) << "a refused request's connection must close";
      EXPECT_LT(out.seconds_to_close, 3.0);
    }
    for (const auto& a : out.answers) {
      if (a.status < 300) continue;
      EXPECT_EQ(a.headers.count("content-type") ? a.headers.at("content-type") : "",
                "application/problem+json");
      EXPECT_EQ(a.headers.count("connection") ? a.headers.at("connection") : "", "close");
      const auto problem = nlohmann::json::parse(a.body, nullptr, false);
      ASSERT_TRUE(problem.is_object()) << a.body;
      EXPECT_EQ(problem.value("status", 0), a.status);
      const std::string detail = problem.value("detail", "");
      // pt-BR: every detail of strict_parser.cpp says "requisição" or "HTTP/1.1".
      EXPECT_TRUE(detail.find("requisição") != std::string::npos ||
                  detail.find("HTTP/1.1") != std::string::npos ||
                  detail.find("chunked") != std::string::npos)
          << detail;
    }
  }
  // No refusal left a worker, a connection or the I/O loop stuck.
  EXPECT_EQ(http_request(port, "GET", "/api/v1/health").status, 200);
}

}  // namespace
}  // namespace guiche::testing
