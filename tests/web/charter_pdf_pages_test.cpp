// /carta.pdf through the pages on a real socket, on both engines, with a
// printer that stands in for Chromium (support/gated_printer.hpp): 503 with
// Retry-After until the PDF of the current catalog exists (a page that
// reloads itself for browsers, problem+json for the rest), then the PDF with
// its headers; the HTML printed carries every art. 7 field of every public
// service in pt-BR and fetches nothing; it is printed again only when what
// it shows changes, not when the figures do; /carta links to it.
#include <gmock/gmock.h>

#include <filesystem>

#include "app/charter/charter.hpp"
#include "app/directory/directory.hpp"
#include "support/charter_labels.hpp"
#include "support/gated_printer.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CharterPdfPagesTest : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    printer = std::make_shared<GatedPrinter>();
    desk->charter().pdf().set_printer(printer);
  }
  void TearDown() override {
    printer->open();  // a print held at the gate would hold the desk's end
    WebServerTest::TearDown();
  }
  HttpResult pdf(const std::string& accept = "application/pdf, application/json",
                 const std::string& cookie = "") {
    std::vector<std::pair<std::string, std::string>> headers = {{"Accept", accept}};
    if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
    return http_request(port, "GET", "/carta.pdf", headers);
  }
  // Asks until the answer is no longer 503 "being generated" (10 s at most).
  HttpResult ready_pdf(const std::string& cookie = "") {
    HttpResult r;
    for (int i = 0; i < 500; ++i) {
      r = pdf("application/pdf, application/json", cookie);
      if (r.status != 503 || r.headers["retry-after"] != "5") return r;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return r;
  }
  std::string kept_file(HttpResult r) {
    auto etag = r.headers.at("etag");
    return desk->charter().pdf().path_for(etag.substr(1, etag.size() - 2));
  }
  std::vector<Service> public_services() {
    auto all = desk->directory().services(as(w.admin));
    std::erase_if(all, [](const Service& s) { return !s.is_public || !s.active; });
    return all;
  }
  std::shared_ptr<GatedPrinter> printer;
};

TEST_P(CharterPdfPagesTest, UntilThePdfExistsItAnswers503ThenServesIt) {
  printer->close();
  auto api = pdf();
  EXPECT_EQ(api.status, 503);
  EXPECT_EQ(api.headers["content-type"], "application/problem+json");
  EXPECT_EQ(api.headers["retry-after"], "5");
  EXPECT_EQ(api.json()["detail"],
            "A carta em PDF está sendo gerada; tente em alguns segundos. Esta página se atualiza "
            "sozinha.");
  auto browser = pdf("text/html,application/xhtml+xml,*/*;q=0.8");
  EXPECT_EQ(browser.status, 503);
  EXPECT_THAT(browser.headers["content-type"], HasSubstr("text/html"));
  EXPECT_EQ(browser.headers["retry-after"], "5");
  EXPECT_THAT(browser.body,
              HasSubstr("A carta em PDF está sendo gerada; tente em alguns segundos"));
  EXPECT_THAT(browser.body, HasSubstr("<meta http-equiv=\"refresh\" content=\"5\">"));

  printer->open();
  auto r = ready_pdf();
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["content-type"], "application/pdf");
  EXPECT_EQ(r.headers["content-disposition"], "inline; filename=\"carta-de-servicos.pdf\"");
  EXPECT_EQ(r.body, "%PDF-1.7 teste 1");
  EXPECT_TRUE(std::filesystem::exists(kept_file(r)));
  EXPECT_EQ(printer->htmls().size(), 1u);  // the requests meanwhile queued nothing
}

TEST_P(CharterPdfPagesTest, ThePrintedHtmlHasEveryArt7FieldOfEveryServiceInPortuguese) {
  Service named = w.servants;
  named.popular_names = {"Webmail", "Caixa postal"};
  desk->directory().update_service(as(w.admin), named);
  // Whatever the visitor's language, the PDF is the pt-BR one.
  ASSERT_EQ(ready_pdf("idioma=en").status, 200);
  const auto html = printer->htmls().at(0);
  EXPECT_THAT(html, HasSubstr("<html lang=\"pt-BR\">"));
  EXPECT_THAT(html, HasSubstr("Carta de Serviços ao Usuário"));
  EXPECT_THAT(html, HasSubstr("Gerada em 02/03/2026"));
  EXPECT_THAT(html, HasSubstr("href=\"http://127.0.0.1/carta\""));  // the request's host
  EXPECT_THAT(html, HasSubstr("content: \"Página \" counter(page) \" de \" counter(pages)"));
  EXPECT_THAT(html, HasSubstr("Quem somos"));
  EXPECT_THAT(html, HasSubstr("Índice dos serviços"));
  EXPECT_THAT(html, HasSubstr("Prazos máximos de atendimento"));
  EXPECT_THAT(html, HasSubstr("6 horas úteis"));  // the severity table (SIS-ACESSO)
  EXPECT_THAT(html, HasSubstr("Resultados dos últimos 12 meses"));
  EXPECT_THAT(html, HasSubstr("Também conhecido como: Webmail, Caixa postal"));
  // Nothing to fetch: no scripts, no linked styles or images, and the
  // document's own policy forbids any (Chromium prints it with the network off too).
  EXPECT_THAT(html, HasSubstr("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
  for (const char* fetch : {"<script", "<link", " src=", "url(", "@import"}) {
    EXPECT_THAT(html, Not(HasSubstr(fetch)));
  }
  const auto services = public_services();
  ASSERT_FALSE(services.empty());
  for (const auto& s : services) {
    const auto section = html.find("<h2 id=\"servico-");
    auto at = html.find(">" + s.name + "</h2>", section);
    ASSERT_NE(at, std::string::npos) << s.name;
    for (const auto& label : kArt7Labels) {
      const auto found = html.find(label, at);
      ASSERT_NE(found, std::string::npos) << s.code << ": " << label << " missing or out of order";
      at = found;
    }
  }
}

TEST_P(CharterPdfPagesTest, ItIsPrintedAgainOnlyWhenWhatItShowsChanges) {
  auto first = ready_pdf();
  ASSERT_EQ(first.status, 200);
  auto again = pdf();
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.headers["etag"], first.headers["etag"]);
  // New figures (a ticket registered, read live) print nothing.
  register_sis(w.requester_seger);
  clock.advance(std::chrono::minutes(11));
  EXPECT_EQ(pdf().headers["etag"], first.headers["etag"]);
  EXPECT_EQ(desk->charter().pdf().generations(), 1);

  Service s = w.servants;
  s.description = "Caixa postal institucional com nova descrição.";
  desk->directory().update_service(as(w.admin), s);
  EXPECT_EQ(pdf().status, 503);
  auto changed = ready_pdf();
  ASSERT_EQ(changed.status, 200);
  EXPECT_NE(changed.headers["etag"], first.headers["etag"]);
  EXPECT_THAT(printer->htmls().back(), HasSubstr("Caixa postal institucional com nova descrição."));
  EXPECT_FALSE(std::filesystem::exists(kept_file(first)));
  EXPECT_TRUE(std::filesystem::exists(kept_file(changed)));

  auto header = desk->charter().header();
  header.who_we_are = "Somos a unidade que cuida da tecnologia.";
  desk->charter().update_header(as(w.admin), header);
  auto after_header = ready_pdf();
  EXPECT_NE(after_header.headers["etag"], changed.headers["etag"]);
  EXPECT_EQ(desk->charter().pdf().generations(), 3);
}

TEST_P(CharterPdfPagesTest, AFailureSaysSoAndTheCharterLinksToThePdf) {
  EXPECT_THAT(http_request(port, "GET", "/carta").body, HasSubstr("href=\"/carta.pdf\""));
  printer->fail(true);
  auto failed = ready_pdf();
  EXPECT_EQ(failed.status, 503);
  EXPECT_EQ(failed.headers["retry-after"], "60");
  EXPECT_THAT(failed.json()["detail"].get<std::string>(),
              HasSubstr("Não foi possível gerar a carta em PDF agora"));

  desk->charter().pdf().set_printer(nullptr);
  auto off = pdf();
  EXPECT_EQ(off.status, 503);
  EXPECT_FALSE(off.headers.contains("retry-after"));
  EXPECT_THAT(off.json()["detail"].get<std::string>(),
              HasSubstr("Este servidor não gera a carta em PDF"));
  EXPECT_THAT(http_request(port, "GET", "/carta").body, Not(HasSubstr("/carta.pdf")));
}

GUICHE_ON_BOTH_ENGINES(CharterPdfPagesTest);

}  // namespace
}  // namespace guiche::testing
