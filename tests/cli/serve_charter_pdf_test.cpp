// /carta.pdf from `guiche serve --demo`, run as a child process, printed by
// the real Chromium (scripts/install-deps.sh; GUICHE_CHROMIUM names another):
// 503 until the PDF exists, then a PDF whose text (pdftotext, poppler-utils)
// has every public demo service, "Página 1 de" and the living address; a
// structure tree (tagged PDF) in pt-BR; a second request prints nothing
// again (same file, same ETag); a service changed through the API prints it
// again. SQLite: the cache is the same code on both engines
// (tests/web/charter_pdf_pages_test.cpp runs it on both).
#include <gmock/gmock.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/child_process.hpp"
#include "support/child_run.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"
#include "transports/pdf/chromium_printer.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

class ServeCharterPdfTest : public ::testing::Test {
 protected:
  void SetUp() override { dir = make_temp_dir("guiche-serve-pdf-"); }
  void TearDown() override { fs::remove_all(dir); }

  // Asks until the answer is not 503 (60 s at most: Chromium starts cold).
  HttpResult ready_pdf(unsigned short port) {
    HttpResult r;
    for (int i = 0; i < 600; ++i) {
      r = http_request(port, "GET", "/carta.pdf");
      if (r.status != 503) return r;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return r;
  }
  // A poppler tool's output on the PDF, whitespace collapsed to one space.
  std::string poppler(const std::string& tool, const std::string& pdf) {
    {
      std::ofstream out(dir + "/carta.pdf", std::ios::binary);
      out << pdf;
    }
    ChildRun run;
    run.argv = {"/usr/bin/" + tool, dir + "/carta.pdf"};
    if (tool == "pdftotext") run.argv.push_back("-");
    run.env = {"PATH=/usr/bin:/bin"};
    run.output_path = dir + "/saida.txt";
    EXPECT_EQ(run_child(run).exit_code, 0) << tool << " (poppler-utils) is needed";
    std::ifstream in(run.output_path);
    std::stringstream text;
    text << in.rdbuf();
    return collapsed(text.str());
  }
  static std::string collapsed(const std::string& s) {
    std::string out;
    for (char c : s) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
      if (space && (out.empty() || out.back() == ' ')) continue;
      out += space ? ' ' : c;
    }
    return out;
  }
  std::string kept(const HttpResult& r) {
    const auto etag = r.headers.at("etag");
    return dir + "/charter/carta-" + etag.substr(1, etag.size() - 2) + ".pdf";
  }
  std::string dir;
};

TEST_F(ServeCharterPdfTest, PrintsTheDemoCharterOnceAndAgainWhenAServiceChanges) {
  ASSERT_FALSE(transports::find_chromium().empty())
      << "Chromium is a dependency (scripts/install-deps.sh) or GUICHE_CHROMIUM";
  const auto port = free_loopback_port();
  Child server({"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data", dir, "--demo",
                "--public-url", "https://guiche.exemplo.gov.br/"},
               dir + "/serve.log");
  bool accepting = false;
  for (int i = 0; i < 1200 && !accepting && server.running(); ++i) {
    accepting = http_request(port, "GET", "/api/v1/health").status != 0;
    if (!accepting) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(accepting) << server.output();
  const auto charter = http_request(port, "GET", "/carta.json").json();
  std::vector<std::pair<std::string, std::string>> services;  // code, name
  for (const auto& s : charter["servicos"]) services.emplace_back(s["sigla"], s["nome"]);
  ASSERT_GE(services.size(), 3u);

  EXPECT_EQ(http_request(port, "GET", "/carta.pdf").status, 503);
  const auto first = ready_pdf(port);
  ASSERT_EQ(first.status, 200) << first.body << server.output();
  EXPECT_EQ(first.headers.at("content-type"), "application/pdf");
  const auto text = poppler("pdftotext", first.body);
  EXPECT_THAT(text, HasSubstr("Página 1 de "));
  EXPECT_THAT(text, HasSubstr("Carta de Serviços ao Usuário"));
  EXPECT_THAT(text, HasSubstr("https://guiche.exemplo.gov.br/carta"));
  for (const auto& [code, name] : services) EXPECT_THAT(text, HasSubstr(collapsed(name))) << code;
  // Tagged, in the charter's language.
  EXPECT_THAT(first.body, HasSubstr("/StructTreeRoot"));
  EXPECT_THAT(first.body, HasSubstr("/Lang (pt-BR)"));
  EXPECT_THAT(poppler("pdfinfo", first.body), HasSubstr("Tagged: yes"));

  ASSERT_TRUE(fs::exists(kept(first)));
  const auto written = fs::last_write_time(kept(first));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const auto second = http_request(port, "GET", "/carta.pdf");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.headers.at("etag"), first.headers.at("etag"));
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(fs::last_write_time(kept(first)), written);

  // An admin changes a service through the API: the PDF is printed again.
  auto session =
      http_request(port, "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                   R"({"login":"admin","password":"guiche-demo"})");
  ASSERT_EQ(session.status, 201) << session.body;
  std::string cookie;
  for (const auto& c : session.set_cookies) {
    if (c.rfind("guiche_session=", 0) == 0) cookie = c.substr(0, c.find(';'));
  }
  const std::string csrf = session.json().value("csrf_token", "");
  const auto& [code, name] = services.front();
  const auto changed_service = http_request(
      port, "PATCH", "/api/v1/services/" + code,
      {{"Content-Type", "application/json"}, {"Cookie", cookie}, {"X-CSRF-Token", csrf}},
      R"({"description":"Descrição alterada pelo teste da carta em PDF."})");
  ASSERT_EQ(changed_service.status, 200) << changed_service.body;
  const auto changed = ready_pdf(port);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_NE(changed.headers.at("etag"), first.headers.at("etag"));
  EXPECT_THAT(poppler("pdftotext", changed.body),
              HasSubstr("Descrição alterada pelo teste da carta em PDF."));
  EXPECT_FALSE(fs::exists(kept(first)));
  EXPECT_TRUE(fs::exists(kept(changed)));

  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(10)), 0) << server.output();
  EXPECT_THAT(server.output(), HasSubstr("Carta em PDF impressa com "));
  EXPECT_THAT(server.output(), Not(HasSubstr("a carta em PDF não foi gerada")));
}

}  // namespace
}  // namespace guiche::testing
