#include <gtest/gtest.h>

#include "domain/identity.hpp"

namespace guiche {
namespace {

TEST(Cpf, AcceptsValidCheckDigitsWithOrWithoutPunctuation) {
  EXPECT_EQ(normalize_cpf("529.982.247-25"), "52998224725");
  EXPECT_EQ(normalize_cpf("52998224725"), "52998224725");
  EXPECT_EQ(normalize_cpf("111.444.777-35"), "11144477735");
  EXPECT_EQ(format_cpf("52998224725"), "529.982.247-25");
}

TEST(Cpf, RejectsWrongDigitsRepeatedDigitsAndGarbage) {
  for (const char* bad : {"529.982.247-24", "123.456.789-00", "111.111.111-11", "00000000000",
                          "5299822472", "529982247250", "529.982.247-2a", ""}) {
    EXPECT_FALSE(normalize_cpf(bad)) << bad;
  }
}

TEST(Phone, NormalizesBrazilianNumbersToE164) {
  EXPECT_EQ(normalize_phone("(27) 99999-0000"), "+5527999990000");
  EXPECT_EQ(normalize_phone("27 3636-7200"), "+552736367200");
  EXPECT_EQ(normalize_phone("027 3636-7200"), "+552736367200");
  EXPECT_EQ(normalize_phone("+55 67 3318-3600"), "+556733183600");
  EXPECT_EQ(normalize_phone("+351 21 123 4567"), "+351211234567");
}

TEST(Phone, RejectsNumbersThatCannotBeDialled) {
  for (const char* bad : {"", "3636-7200", "(27) 89999-0000", "+0 123", "abc", "+5527 9999x"}) {
    EXPECT_FALSE(normalize_phone(bad)) << bad;
  }
}

TEST(Email, LowercasesValidAddressesAndRejectsBrokenOnes) {
  EXPECT_EQ(normalize_email("Maria.Silva@SEGER.es.gov.br"), "maria.silva@seger.es.gov.br");
  for (const char* bad : {"", "maria", "maria@", "@seger.es.gov.br", "a@b", "a@@b.br", "a b@c.br",
                          "Name <a@b", "a@b..br"}) {
    EXPECT_FALSE(normalize_email(bad)) << bad;
  }
}

TEST(CleanText, AcceptsUtf8AndRejectsControlsAndBrokenSequences) {
  EXPECT_TRUE(is_clean_text("Não consigo acessar\tlinha 2\n"));
  EXPECT_TRUE(is_clean_text("emoji 😀"));
  EXPECT_FALSE(is_clean_text(std::string("nul\0byte", 8)));
  EXPECT_FALSE(is_clean_text("bell\a"));
  EXPECT_FALSE(is_clean_text("\xc3"));          // truncated
  EXPECT_FALSE(is_clean_text("\xc0\xaf"));      // overlong
  EXPECT_FALSE(is_clean_text("\xed\xa0\x80"));  // surrogate
  EXPECT_FALSE(is_clean_text("\xff"));
}

}  // namespace
}  // namespace guiche
