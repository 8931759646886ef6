// transports/pdf/chromium_printer.hpp with the Chromium the project depends
// on (scripts/install-deps.sh; GUICHE_CHROMIUM names another): our HTML
// becomes a tagged A4 PDF in the page's language, nothing is fetched from
// the network (not even from loopback).
#include "transports/pdf/chromium_printer.hpp"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/child_run.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A loopback port that would notice any connection.
class Listener {
 public:
  Listener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(fd_, 8);
    socklen_t size = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &size);
    port_ = ntohs(a.sin_port);
  }
  ~Listener() { ::close(fd_); }
  unsigned short port() const { return port_; }
  bool was_called() const {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
  }

 private:
  int fd_ = -1;
  unsigned short port_ = 0;
};

std::string pdf_text(const std::string& dir, const std::string& pdf) {
  {
    std::ofstream out(dir + "/teste.pdf", std::ios::binary);
    out << pdf;
  }
  ChildRun run;
  run.argv = {"/usr/bin/pdftotext", dir + "/teste.pdf", dir + "/teste.txt"};
  run.env = {"PATH=/usr/bin:/bin"};
  EXPECT_EQ(run_child(run).exit_code, 0) << "pdftotext (poppler-utils) is needed";
  std::ifstream in(dir + "/teste.txt");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ChromiumPrinterTest, PrintsATaggedPdfWithoutNetwork) {
  const auto chromium = transports::find_chromium();
  ASSERT_FALSE(chromium.empty()) << "Chromium is a dependency (scripts/install-deps.sh)";
  const auto dir = make_temp_dir("guiche-chromium-");
  Listener listener;
  const auto port = std::to_string(listener.port());
  const std::string html =
      "<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>Teste</title>"
      "<link rel=\"stylesheet\" href=\"http://127.0.0.1:" +
      port +
      "/estilo.css\">"
      "<style>@page { @bottom-center { content: \"Página \" counter(page) \" de \" "
      "counter(pages); } }</style></head><body>"
      "<h1>Carta de Serviços</h1><p>Ação e atenção</p>"
      "<img src=\"http://localhost:" +
      port +
      "/imagem.png\" alt=\"\">"
      "<img src=\"http://exemplo.gov.br/imagem.png\" alt=\"\">"
      "<script>fetch('http://127.0.0.1:" +
      port +
      "/js');</script>"
      "</body></html>";
  transports::ChromiumPrinter printer({chromium, dir, std::chrono::seconds(60)});
  const auto pdf = printer.print(html);
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_THAT(pdf, HasSubstr("/StructTreeRoot"));
  EXPECT_THAT(pdf, HasSubstr("/Lang (pt-BR)"));
  EXPECT_FALSE(listener.was_called());
  const auto text = pdf_text(dir, pdf);
  EXPECT_THAT(text, HasSubstr("Ação e atenção"));
  EXPECT_THAT(text, HasSubstr("Página 1 de 1"));
  // Its private folder is gone: only what the test wrote remains.
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_THAT(e.path().filename().string(), Not(HasSubstr("guiche-carta-")));
  }
  std::filesystem::remove_all(dir);
}

// Chromium's socket goes in its TMPDIR, and a Unix socket's path holds 107 bytes: a printer
// working in a deep folder (a TMPDIR of 120 characters here) still prints.
TEST(ChromiumPrinterTest, PrintsFromADeepTemporaryFolder) {
  const auto chromium = transports::find_chromium();
  ASSERT_FALSE(chromium.empty()) << "Chromium is a dependency (scripts/install-deps.sh)";
  const auto dir = make_temp_dir("guiche-chromium-");
  auto deep = std::filesystem::path(dir);
  while (deep.string().size() < 120) deep /= "pasta-temporaria-funda";
  std::filesystem::create_directories(deep);
  transports::ChromiumPrinter printer({chromium, deep.string(), std::chrono::seconds(60)});
  const auto pdf = printer.print(
      "<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>Teste</title>"
      "</head><body><p>Pasta funda</p></body></html>");
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  std::filesystem::remove_all(dir);
}

TEST(ChromiumPrinterTest, AMissingBrowserIsAClearError) {
  transports::ChromiumPrinter printer({"/nao/existe/chromium", "", std::chrono::seconds(5)});
  try {
    printer.print("<html></html>");
    FAIL() << "printed without a browser";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Não foi possível executar o Chromium"));
  }
}

TEST(ChromiumPrinterTest, ABrowserThatHangsIsKilledAtTheLimit) {
  const auto dir = make_temp_dir("guiche-chromium-");
  const auto hanging = dir + "/chromium";
  {
    std::ofstream script(hanging);
    script << "#!/bin/sh\nsleep 30\n";
  }
  std::filesystem::permissions(hanging, std::filesystem::perms::owner_all);
  transports::ChromiumPrinter printer({hanging, dir, std::chrono::seconds(1)});
  const auto started = std::chrono::steady_clock::now();
  try {
    printer.print("<html></html>");
    FAIL() << "a hanging browser printed";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("não terminou a impressão em 1 s"));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace guiche::testing
