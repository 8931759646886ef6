// How web/templates.cpp renders: partials put in place when the folder is
// read render exactly as mustache's own partials would (compared with
// kainjow rendering the same texts with partials); the layout takes its page;
// shared values (a language's texts) are found after the view's own keys; a
// missing or self-including partial, or a template that does not compile, is
// refused at start; and templates compiled once per thread render the same
// from many threads at once, each instance its own templates.
#include "web/templates.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <kainjow/mustache.hpp>
#include <thread>

namespace guiche::web {
namespace {

namespace fs = std::filesystem;
namespace mu = kainjow::mustache;

class TemplatesFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("guiche-templates-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / (name + ".mustache")) << text;
    texts_[name] = text;
  }
  // Why the folder is refused at start ("" when it is accepted).
  std::string refusal() {
    try {
      const Templates templates(dir_.string());
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  }
  // What kainjow renders with the partials given to it as partials.
  std::string kainjow_render(const std::string& name, const mu::data& view) {
    mu::data data = view;
    for (const auto& [partial, text] : texts_) {
      if (partial[0] == '_') data.set(partial, mu::partial{[text = text] { return text; }});
    }
    mu::mustache tmpl{texts_.at(name)};
    return tmpl.render(data);
  }
  fs::path dir_;
  std::map<std::string, std::string> texts_;
};

TEST_F(TemplatesFolder, PartialsInPlaceRenderAsMustachesOwnPartials) {
  write("_linha", "<li>{{nome}}{{#marcada}} ✓{{/marcada}}</li>\n");
  write("_campo", "  <label>{{rotulo}}</label>\n  {{> _linha}}");
  write("lista",
        "<ul>\n{{#itens}}\n  {{> _linha}}\n{{/itens}}\n</ul>\n"
        "<p>{{> _campo}}</p>\n{{^itens}}vazia{{/itens}}<b>{{> _linha}}</b>\n");
  const Templates templates(dir_.string());
  const nlohmann::json view = {
      {"itens", {{{"nome", "Ana & Rui"}, {"marcada", true}}, {{"nome", "<Bia>"}}}},
      {"rotulo", "Órgão"},
      {"nome", "fora"}};
  mu::data data{mu::data::type::object};
  mu::data itens{mu::data::type::list};
  mu::data ana{mu::data::type::object};
  ana.set("nome", std::string("Ana & Rui"));
  ana.set("marcada", true);
  mu::data bia{mu::data::type::object};
  bia.set("nome", std::string("<Bia>"));
  itens.push_back(ana);
  itens.push_back(bia);
  data.set("itens", itens);
  data.set("rotulo", std::string("Órgão"));
  data.set("nome", std::string("fora"));
  const auto expected = kainjow_render("lista", data);
  EXPECT_EQ(templates.render("lista", view), expected);
  EXPECT_NE(expected.find("Ana &amp; Rui ✓"), std::string::npos) << expected;
  EXPECT_NE(expected.find("&lt;Bia&gt;"), std::string::npos) << expected;
}

TEST_F(TemplatesFolder, TheLayoutTakesItsPageAndSharedValuesComeAfterTheViews) {
  write("layout",
        "<title>{{titulo}}</title>\n<main>\n{{> page}}\n</main>\n<i>{{t.comum.sair}}</i>");
  write("inicio", "{{t.comum.ola}}, {{nome}}. {{t.comum.sair}}");
  write("outra", "{{nome}}!");
  const Templates templates(dir_.string());
  const auto texts = Templates::share({{"t", {{"comum", {{"ola", "Olá"}, {"sair", "Sair"}}}}}});
  EXPECT_EQ(
      templates.render_in_layout("inicio", {{"titulo", "Início"}, {"nome", "Ana"}}, texts.get()),
      "<title>Início</title>\n<main>\nOlá, Ana. Sair\n</main>\n<i>Sair</i>");
  // Each page its own layout, compiled apart.
  EXPECT_EQ(templates.render_in_layout("outra", {{"titulo", "Outra"}, {"nome", "Rui"}}),
            "<title>Outra</title>\n<main>\nRui!\n</main>\n<i></i>");
  // The view's own key wins over a shared one; a dotted name the view lacks
  // is still found in the shared values.
  EXPECT_EQ(templates.render("inicio", {{"nome", "Bia"}, {"t", {{"comum", {{"ola", "Oi"}}}}}},
                             texts.get()),
            "Oi, Bia. Sair");
}

TEST_F(TemplatesFolder, AMissingOrSelfIncludingPartialIsRefusedAtStart) {
  write("pagina", "{{> _nao_existe}}");
  EXPECT_THROW(Templates{dir_.string()}, std::runtime_error);
  fs::remove(dir_ / "pagina.mustache");
  write("_a", "a{{> _b}}");
  write("_b", "b{{> _a}}");
  EXPECT_NE(refusal().find("inclui a si mesmo"), std::string::npos) << refusal();
}

TEST_F(TemplatesFolder, ATemplateThatDoesNotCompileIsRefusedAtStartByItsFilesName) {
  write("_aberta", "{{#itens}}sem fim");
  write("pagina", "antes {{> _aberta}} depois");
  EXPECT_NE(refusal().find("_aberta.mustache"), std::string::npos) << refusal();
  // Tags the partials' scan must leave alone: spaces around a name, a tag not closed.
  write("_aberta", "{{#itens}}[{{.}}]{{/itens}}");
  write("pagina", "{{>   _aberta  }}|{{> _aberta}}|{{>}}");
  const Templates templates(dir_.string());
  EXPECT_EQ(templates.render("pagina", {{"itens", {"a"}}}), "[a]|[a]|");
}

TEST_F(TemplatesFolder, ManyThreadsRenderTheSameAndEachInstanceItsOwnTemplates) {
  write("_item", "[{{.}}]");
  write("pagina", "{{#itens}}{{> _item}}{{/itens}} {{t.x}}");
  const Templates first(dir_.string());
  const auto shared = Templates::share({{"t", {{"x", "ok"}}}});
  const nlohmann::json view = {{"itens", {"a", "b", "c"}}};
  const std::string expected = "[a][b][c] ok";
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int n = 0; n < 200; ++n) {
        if (first.render("pagina", view, shared.get()) != expected) ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
  // Another folder's template of the same name, on this same thread.
  const auto other_dir = dir_ / "outra";
  fs::create_directories(other_dir);
  std::ofstream(other_dir / "pagina.mustache") << "outra {{t.x}}";
  const Templates second(other_dir.string());
  EXPECT_EQ(first.render("pagina", view, shared.get()), expected);
  EXPECT_EQ(second.render("pagina", view, shared.get()), "outra ok");
  EXPECT_EQ(first.render("pagina", view, shared.get()), expected);
}

}  // namespace
}  // namespace guiche::web
