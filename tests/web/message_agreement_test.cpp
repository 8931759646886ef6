// Every pt-BR message agrees with its noun (issue 19, item 8: "A descrição é
// obrigatório"). Walks the sources and the texts: each label given to the
// text checks (app/text_rules.hpp) is run through them, and every string
// literal and page text is read for a feminine subject with a masculine
// adjective ("A mensagem é obrigatório") or the reverse.
#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "app/text_rules.hpp"
#include "domain/error.hpp"

namespace guiche::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kAgreementRoot = fs::path(GUICHE_WEB_DIR).parent_path();

std::string agreement_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> agreement_files(const fs::path& dir, const std::set<std::string>& exts) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && exts.contains(e.path().extension().string()))
      out.push_back(e.path());
  }
  return out;
}

// The message required_text gives for a blank value.
std::string blank_message(const std::string& label) {
  try {
    app::required_text("  ", "campo", label, 10);
  } catch (const DomainError& e) {
    return e.what();
  }
  return "";
}

// "A x é obrigatória", "O x é obrigatório", "As x são obrigatórias"…
bool agrees(const std::string& message) {
  const bool feminine = message.rfind("A ", 0) == 0 || message.rfind("As ", 0) == 0;
  const bool masculine = message.rfind("O ", 0) == 0 || message.rfind("Os ", 0) == 0;
  const bool plural = message.rfind("As ", 0) == 0 || message.rfind("Os ", 0) == 0;
  std::string ending = feminine ? "obrigatória" : "obrigatório";
  if (plural) ending += "s";
  if (!feminine && !masculine) return true;  // "Quem retirou é obrigatório."
  return message.size() >= ending.size() + 1 &&
         message.compare(message.size() - ending.size() - 1, ending.size(), ending) == 0;
}

TEST(MessageAgreementTest, EveryLabelOfTheTextChecksAgreesWithItsArticle) {
  // The labels handed to required_text and the checks built on it: the
  // third argument when it is a literal with an article.
  const std::regex call(
      R"re((required_text|optional_text|string_field)\([^;]*?,\s*"((?:A|O|As|Os) [^"]+)")re");
  std::set<std::string> labels;
  for (const auto& file : agreement_files(kAgreementRoot / "src", {".cpp"})) {
    const auto source = agreement_file(file);
    for (std::sregex_iterator it(source.begin(), source.end(), call), end; it != end; ++it) {
      labels.insert((*it)[2].str());
    }
  }
  ASSERT_GT(labels.size(), 30u);  // the walk found the calls
  EXPECT_TRUE(labels.contains("A descrição"));
  EXPECT_TRUE(labels.contains("A mensagem"));
  for (const auto& label : labels) {
    const auto message = blank_message(label);
    EXPECT_TRUE(agrees(message)) << message;
  }
  EXPECT_EQ(blank_message("A descrição"), "A descrição é obrigatória.");
  EXPECT_EQ(blank_message("A mensagem"), "A mensagem é obrigatória.");
  EXPECT_EQ(blank_message("O assunto"), "O assunto é obrigatório.");
  EXPECT_EQ(app::required_message("A senha"), "A senha é obrigatória.");
}

TEST(MessageAgreementTest, NoTextPairsAFeminineSubjectWithAMasculineAdjectiveOrTheReverse) {
  // A sentence's subject (article and up to three words) and its adjective.
  const std::string word = R"([^ ."{}:,;!?]+)";
  const std::string verb = R"((?:é|está|foi|fica|ficou))";
  const std::string adjectives =
      R"((?:obrigatóri|inválid|vazi|preenchid|registrad|encerrad|resolvid|cancelad|atualizad|)"
      R"(removid|criad|salv|enviad|recusad|aceit|bloquead|expirad|encontrad|desconhecid))";
  const std::regex feminine_with_masculine("(^|[\".!?] )A " + word + "(?: " + word + "){0,3} " +
                                           verb + " " + adjectives + "o(?![a-z])");
  const std::regex masculine_with_feminine("(^|[\".!?] )O " + word + "(?: " + word + "){0,3} " +
                                           verb + " " + adjectives + "a(?![a-z])");
  std::vector<fs::path> files = agreement_files(kAgreementRoot / "src", {".cpp", ".hpp"});
  for (const auto& f : agreement_files(kAgreementRoot / "web" / "i18n" / "pt-BR", {".json"}))
    files.push_back(f);
  for (const auto& f : agreement_files(kAgreementRoot / "web" / "templates", {".mustache"}))
    files.push_back(f);
  const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
  std::size_t read = 0;
  for (const auto& file : files) {
    const auto source = agreement_file(file);
    for (std::sregex_iterator it(source.begin(), source.end(), literal), end; it != end; ++it) {
      const auto text = (*it)[1].str();
      ++read;
      EXPECT_FALSE(std::regex_search(text, feminine_with_masculine))
          << file.filename() << ": " << text;
      EXPECT_FALSE(std::regex_search(text, masculine_with_feminine))
          << file.filename() << ": " << text;
    }
  }
  EXPECT_GT(read, 5000u);
  // The rule itself catches the issue's examples.
  EXPECT_TRUE(
      std::regex_search(std::string("A descrição é obrigatório."), feminine_with_masculine));
  EXPECT_TRUE(std::regex_search(std::string("A mensagem é obrigatório."), feminine_with_masculine));
}

}  // namespace
}  // namespace guiche::testing
