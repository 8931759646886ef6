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
#include <string_view>

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

// The string literals of a C++ source, or the quoted stretches of a page
// text, read by hand: std::regex recurses once per character and overflowed
// the stack under AddressSanitizer on the longest SQL literals.
std::vector<std::string> quoted_texts(const std::string& source) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] != '"') continue;
    std::string text;
    std::size_t j = i + 1;
    for (; j < source.size() && source[j] != '"'; ++j) {
      if (source[j] == '\\' && j + 1 < source.size()) text += source[j++];
      text += source[j];
    }
    if (j >= source.size()) break;
    out.push_back(std::move(text));
    i = j;
  }
  return out;
}

bool is_word_byte(char c) {
  return std::string_view(" .\"{}:,;!?").find(c) == std::string_view::npos;
}

// Whether a sentence of `text` reads "<article> w1 [w2 [w3 [w4]]] <verb>
// <adjective>" with the adjective ending in `ending` ('o' or 'a') and no
// letter after: "A descrição é obrigatório".
bool pairs_article_with(const std::string& text, const std::string& article, char ending) {
  static const std::vector<std::string> verbs = {"é", "está", "foi", "fica", "ficou"};
  static const std::vector<std::string> stems = {
      "obrigatóri", "inválid",   "vazi",    "preenchid", "registrad",  "encerrad", "resolvid",
      "cancelad",   "atualizad", "removid", "criad",     "salv",       "enviad",   "recusad",
      "aceit",      "bloquead",  "expirad", "encontrad", "desconhecid"};
  const std::string start = article + " ";
  auto at = [&](std::size_t i) { return i < text.size() ? text[i] : '\0'; };
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const bool sentence_start =
        pos == 0 || (pos >= 2 && text[pos - 1] == ' ' &&
                     std::string_view("\".!?").find(text[pos - 2]) != std::string_view::npos);
    if (!sentence_start || text.compare(pos, start.size(), start) != 0) continue;
    std::size_t p = pos + start.size();
    for (int words = 0; words < 4; ++words) {
      std::size_t end = p;
      while (end < text.size() && is_word_byte(text[end])) ++end;
      if (end == p || at(end) != ' ') break;
      p = end + 1;
      for (const auto& verb : verbs) {
        if (text.compare(p, verb.size(), verb) != 0 || at(p + verb.size()) != ' ') continue;
        const std::size_t q = p + verb.size() + 1;
        for (const auto& stem : stems) {
          const char after = at(q + stem.size() + 1);
          if (text.compare(q, stem.size(), stem) == 0 && at(q + stem.size()) == ending &&
              !(after >= 'a' && after <= 'z')) {
            return true;
          }
        }
      }
    }
  }
  return false;
}

TEST(MessageAgreementTest, NoTextPairsAFeminineSubjectWithAMasculineAdjectiveOrTheReverse) {
  std::vector<fs::path> files = agreement_files(kAgreementRoot / "src", {".cpp", ".hpp"});
  for (const auto& f : agreement_files(kAgreementRoot / "web" / "i18n" / "pt-BR", {".json"}))
    files.push_back(f);
  for (const auto& f : agreement_files(kAgreementRoot / "web" / "templates", {".mustache"}))
    files.push_back(f);
  std::size_t read = 0;
  for (const auto& file : files) {
    for (const auto& text : quoted_texts(agreement_file(file))) {
      ++read;
      EXPECT_FALSE(pairs_article_with(text, "A", 'o')) << file.filename() << ": " << text;
      EXPECT_FALSE(pairs_article_with(text, "O", 'a')) << file.filename() << ": " << text;
    }
  }
  EXPECT_GT(read, 5000u);
}

TEST(MessageAgreementTest, TheRuleCatchesTheIssuesExamplesAndLetsAgreementPass) {
  EXPECT_TRUE(pairs_article_with("A descrição é obrigatório.", "A", 'o'));
  EXPECT_TRUE(pairs_article_with("Erro. A mensagem do atendente foi enviado", "A", 'o'));
  EXPECT_TRUE(pairs_article_with("O prazo está expirada", "O", 'a'));
  EXPECT_FALSE(pairs_article_with("A descrição é obrigatória.", "A", 'o'));
  EXPECT_FALSE(pairs_article_with("A lista de pedidos foi criados", "A", 'o'));
  EXPECT_FALSE(pairs_article_with("Nada. A senha é obrigatórios", "A", 'o'));
  EXPECT_FALSE(pairs_article_with("A um dois três quatro cinco é obrigatório", "A", 'o'));
  EXPECT_EQ(quoted_texts(R"(x = "um \"dois\"" + "três";)"),
            (std::vector<std::string>{R"(um \"dois\")", "três"}));
  // A literal as long as the longest migration's reads without recursion.
  EXPECT_EQ(quoted_texts("\"" + std::string(100000, 'x') + "\"").front().size(), 100000u);
}

}  // namespace
}  // namespace guiche::testing
