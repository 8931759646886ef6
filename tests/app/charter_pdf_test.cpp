// The printed charter's cache (app/charter/charter_pdf.hpp): printed in the
// background once per fingerprint, one print at a time, only the current
// catalog's PDF handed out, kept on disk across restarts, and a failure not
// retried at once.
#include "app/charter/charter_pdf.hpp"

#include <gmock/gmock.h>

#include <filesystem>
#include <thread>

#include "support/gated_printer.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using State = app::CharterPdf::State;

class CharterPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = make_temp_dir("guiche-carta-pdf-");
    printer = std::make_shared<GatedPrinter>();
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  // Asks until the PDF of `content` is ready (10 s at most).
  app::CharterPdf::Answer ready(app::CharterPdf& pdf, const std::string& content) {
    app::CharterPdf::Answer a;
    for (int i = 0; i < 500; ++i) {
      a = pdf.get(content, [&] { return "<html>" + content + "</html>"; });
      if (a.state == State::ready || a.state == State::failed) return a;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return a;
  }

  std::string dir;
  std::shared_ptr<GatedPrinter> printer;
};

TEST_F(CharterPdfTest, WithoutAPrinterThereIsNoPdf) {
  app::CharterPdf pdf(dir);
  EXPECT_FALSE(pdf.available());
  int renders = 0;
  EXPECT_EQ(pdf.get("A", [&] { return ++renders, std::string("x"); }).state, State::unavailable);
  EXPECT_EQ(renders, 0);
}

TEST_F(CharterPdfTest, PrintsInTheBackgroundOnceAndKeepsIt) {
  app::CharterPdf pdf(dir);
  pdf.set_printer(printer);
  printer->close();
  const auto first = pdf.get("A", [] { return std::string("<html>A</html>"); });
  EXPECT_EQ(first.state, State::generating);
  EXPECT_EQ(first.fingerprint, app::CharterPdf::fingerprint_of("A"));
  ASSERT_TRUE(printer->started(1));
  // Asked again while printing: nothing rendered nor queued.
  int renders = 0;
  EXPECT_EQ(pdf.get("A", [&] { return ++renders, std::string("x"); }).state, State::generating);
  EXPECT_EQ(renders, 0);
  printer->open();
  const auto done = ready(pdf, "A");
  ASSERT_EQ(done.state, State::ready);
  EXPECT_EQ(*done.pdf, "%PDF-1.7 teste 1");
  EXPECT_EQ(printer->htmls(), std::vector<std::string>{"<html>A</html>"});
  EXPECT_TRUE(std::filesystem::exists(pdf.path_for(done.fingerprint)));
  EXPECT_EQ(pdf.get("A", [&] { return ++renders, std::string("x"); }).state, State::ready);
  EXPECT_EQ(renders, 0);
  EXPECT_EQ(pdf.generations(), 1);
}

TEST_F(CharterPdfTest, OnlyTheCurrentCatalogsPdfIsServedAndTheOldOneGoes) {
  app::CharterPdf pdf(dir);
  pdf.set_printer(printer);
  const auto a = ready(pdf, "A");
  ASSERT_EQ(a.state, State::ready);
  printer->close();
  EXPECT_EQ(pdf.get("B", [] { return std::string("<html>B</html>"); }).state, State::generating);
  ASSERT_TRUE(printer->started(2));
  printer->open();
  const auto b = ready(pdf, "B");
  ASSERT_EQ(b.state, State::ready);
  EXPECT_NE(b.fingerprint, a.fingerprint);
  EXPECT_FALSE(std::filesystem::exists(pdf.path_for(a.fingerprint)));
  EXPECT_TRUE(std::filesystem::exists(pdf.path_for(b.fingerprint)));
  // Back to A: printed again, never the kept B.
  EXPECT_EQ(ready(pdf, "A").state, State::ready);
  EXPECT_EQ(pdf.generations(), 3);
}

TEST_F(CharterPdfTest, NeverTwoPrintsAtOnceAndOnlyTheLatestQueuedCatalog) {
  app::CharterPdf pdf(dir);
  pdf.set_printer(printer);
  printer->close();
  pdf.get("A", [] { return std::string("A"); });
  ASSERT_TRUE(printer->started(1));
  EXPECT_EQ(pdf.get("B", [] { return std::string("B"); }).state, State::generating);
  EXPECT_EQ(pdf.get("C", [] { return std::string("C"); }).state, State::generating);
  printer->open();
  EXPECT_EQ(ready(pdf, "C").state, State::ready);
  EXPECT_EQ(printer->max_at_once(), 1);
  EXPECT_EQ(printer->htmls(), (std::vector<std::string>{"A", "C"}));
}

TEST_F(CharterPdfTest, ARestartServesTheKeptPdfWithoutPrinting) {
  std::string fingerprint;
  {
    app::CharterPdf pdf(dir);
    pdf.set_printer(printer);
    fingerprint = ready(pdf, "A").fingerprint;
  }
  auto other = std::make_shared<GatedPrinter>();
  app::CharterPdf again(dir);
  again.set_printer(other);
  const auto a = again.get("A", [] { return std::string("never"); });
  ASSERT_EQ(a.state, State::ready);
  EXPECT_EQ(a.fingerprint, fingerprint);
  EXPECT_EQ(*a.pdf, "%PDF-1.7 teste 1");
  EXPECT_TRUE(other->htmls().empty());
  EXPECT_EQ(again.generations(), 0);
}

TEST_F(CharterPdfTest, AFailureIsNotRetriedAtOnce) {
  app::CharterPdf pdf(dir);
  pdf.set_printer(printer);
  printer->fail(true);
  EXPECT_EQ(ready(pdf, "A").state, State::failed);
  EXPECT_EQ(pdf.get("A", [] { return std::string("A"); }).state, State::failed);
  EXPECT_EQ(printer->htmls().size(), 1u);
  EXPECT_FALSE(std::filesystem::exists(pdf.path_for(app::CharterPdf::fingerprint_of("A"))));
  // Another catalog is tried.
  printer->fail(false);
  EXPECT_EQ(ready(pdf, "B").state, State::ready);
}

}  // namespace
}  // namespace guiche::testing
