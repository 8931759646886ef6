#include "web/texts.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace guiche::web {
namespace {

namespace fs = std::filesystem;

class TextsFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("guiche-texts-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& language, const std::string& area, const std::string& json) {
    fs::create_directories(dir_ / language);
    std::ofstream(dir_ / language / (area + ".json")) << json;
  }
  fs::path dir_;
};

TEST(ShippedTexts, EveryLanguageHasEveryKeyOfPortuguese) {
  Texts texts(std::string(GUICHE_WEB_DIR) + "/i18n");
  EXPECT_TRUE(texts.has("pt-BR"));
  EXPECT_TRUE(texts.has("en"));
  EXPECT_EQ(texts.text("pt-BR", "comum.minha_area"), "Minha Área");
  EXPECT_EQ(texts.text("en", "comum.minha_area"), "My Area");
}

TEST_F(TextsFolder, AMissingTranslationIsRefusedAtStart) {
  write("pt-BR", "a", R"({"ola": "Olá", "grupo": {"x": "X"}})");
  write("en", "a", R"({"ola": "Hello", "grupo": {}})");
  try {
    Texts texts(dir_.string());
    FAIL() << "a missing key must be refused";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("a.grupo.x"), std::string::npos) << e.what();
  }
}

TEST_F(TextsFolder, AKeyOnlyInTranslationIsRefusedToo) {
  write("pt-BR", "a", R"({"ola": "Olá"})");
  write("en", "a", R"({"ola": "Hello", "sobra": "Extra"})");
  EXPECT_THROW(Texts texts(dir_.string()), std::runtime_error);
}

TEST_F(TextsFolder, NonStringLeavesAndMissingPortugueseAreRefused) {
  write("pt-BR", "a", R"({"n": 3})");
  EXPECT_THROW(Texts texts(dir_.string()), std::runtime_error);
  fs::remove_all(dir_);
  write("en", "a", R"({"ola": "Hello"})");
  EXPECT_THROW(Texts texts(dir_.string()), std::runtime_error);
}

TEST_F(TextsFolder, UnknownLanguageFallsBackToPortugueseAndUnknownKeyToItself) {
  write("pt-BR", "a", R"({"ola": "Olá", "grupo": {"x": "X"}})");
  write("en", "a", R"({"ola": "Hello", "grupo": {"x": "Ex"}})");
  Texts texts(dir_.string());
  EXPECT_EQ(texts.text("en", "a.grupo.x"), "Ex");
  EXPECT_EQ(texts.text("fr", "a.ola"), "Olá");
  EXPECT_EQ(texts.text("en", "a.nada"), "a.nada");
  EXPECT_EQ(texts.text("en", "a.grupo"), "a.grupo");
  EXPECT_EQ(texts.text("en", "Serviços"), "Serviços");
}

}  // namespace
}  // namespace guiche::web
