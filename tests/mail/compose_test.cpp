// Composing messages: RFC 2047 headers, quoted-printable UTF-8 bodies,
// multipart/alternative, and the templates' rendering.
#include <gmock/gmock.h>
#include <sodium.h>

#include "mail/mime.hpp"
#include "mail/templates.hpp"

namespace guiche::mail {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string decode_b(const std::string& word) {
  // "=?UTF-8?B?...?=" -> bytes
  const std::string payload = word.substr(10, word.size() - 12);
  std::string out(payload.size(), '\0');
  std::size_t len = 0;
  sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), payload.data(),
                    payload.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL);
  out.resize(len);
  return out;
}

TEST(HeaderEncoding, AsciiStaysAsIsAndControlsBecomeSpaces) {
  EXPECT_EQ(encode_header_text("[SA 2026-000001] Pedido"), "[SA 2026-000001] Pedido");
  EXPECT_EQ(encode_header_text("a\r\nBcc: x@y"), "a  Bcc: x@y");
}

TEST(HeaderEncoding, NonAsciiBecomesEncodedWordsThatNeverSplitACharacter) {
  const std::string subject =
      "[SA 2026-000001] Solicitação de acesso à folha de pagamento — situação atualizada ção";
  const std::string encoded = encode_header_text(subject);
  std::string decoded;
  std::size_t start = 0;
  while (start < encoded.size()) {
    auto end = encoded.find("\r\n ", start);
    const std::string word =
        encoded.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(word.size(), 75u);
    EXPECT_TRUE(word.starts_with("=?UTF-8?B?") && word.ends_with("?="));
    const std::string bytes = decode_b(word);
    // Every word is valid UTF-8 by itself (RFC 2047 section 5).
    EXPECT_EQ(std::string(bytes.data(), bytes.size()).find_first_of('\0'), std::string::npos);
    EXPECT_FALSE(static_cast<unsigned char>(bytes.back()) >= 0xc0);
    decoded += bytes;
    if (end == std::string::npos) break;
    start = end + 3;
  }
  EXPECT_EQ(decoded, subject);
  EXPECT_GT(encoded.find("\r\n "), 0u);
}

// A status page subscriber's message names its one-click unsubscribe URL
// (RFC 2369, RFC 8058); other messages carry no list headers.
TEST(Compose, AListMessageCarriesItsOneClickUnsubscribeHeaders) {
  Message m;
  m.from = {"Central de Serviços", "nao-responda@guiche.localhost"};
  m.to = {"", "ana@example.org"};
  m.subject = "Manutenção programada";
  m.text = "Texto";
  m.message_id = "<outbox-1.abc@guiche.localhost>";
  EXPECT_THAT(compose(m), Not(HasSubstr("List-Unsubscribe")));
  m.list_unsubscribe = "https://guiche.example/status/assinatura/cancelar?token=ab12\r\nBcc: x@y";
  const auto raw = compose(m);
  EXPECT_THAT(raw, HasSubstr("\r\nList-Unsubscribe: "
                             "<https://guiche.example/status/assinatura/cancelar?token=ab12  Bcc: "
                             "x@y>\r\n"));
  EXPECT_THAT(raw, HasSubstr("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
  EXPECT_THAT(raw, Not(HasSubstr("\r\nBcc:")));
  EXPECT_LT(raw.find("List-Unsubscribe"), raw.find("\r\n\r\n")) << "a header, not the body";
}

TEST(HeaderEncoding, AddressesQuoteOrEncodeTheName) {
  EXPECT_EQ(format_address({"Maria Silva", "maria@seger.es.gov.br"}),
            "\"Maria Silva\" <maria@seger.es.gov.br>");
  EXPECT_EQ(format_address({"", "x@y.br"}), "<x@y.br>");
  EXPECT_EQ(format_address({"João", "joao@example.com"}),
            "=?UTF-8?B?Sm/Do28=?= <joao@example.com>");
}

TEST(QuotedPrintable, EncodesUtf8EqualsAndTrailingBlanksAndWrapsLines) {
  EXPECT_EQ(quoted_printable("ação = 1"), "a=C3=A7=C3=A3o =3D 1");
  EXPECT_EQ(quoted_printable("fim \nlinha"), "fim=20\r\nlinha");
  EXPECT_EQ(quoted_printable(".\n"), "=2E\r\n");
  const std::string long_line(200, 'x');
  const std::string encoded = quoted_printable(long_line);
  std::size_t start = 0;
  for (auto end = encoded.find("\r\n"); end != std::string::npos;
       start = end + 2, end = encoded.find("\r\n", start)) {
    EXPECT_LE(end - start, 76u);
    EXPECT_EQ(encoded[end - 1], '=');  // soft break
  }
}

TEST(Compose, MultipartAlternativeWithStableHeaders) {
  Message m;
  m.from = {"Central de Serviços", "nao-responda@prodest.es.gov.br"};
  m.to = {"Maria", "maria@seger.es.gov.br"};
  m.subject = "[SA 2026-000001] Solicitação registrada";
  m.text = "Olá, Maria.\nProtocolo 2026-000001.";
  m.html = "<p>Olá, Maria.</p>";
  m.message_id = "<outbox-7.abc@prodest.es.gov.br>";
  m.date = from_millis(1772452800000);
  const std::string out = compose(m);
  EXPECT_THAT(out, HasSubstr("Message-ID: <outbox-7.abc@prodest.es.gov.br>\r\n"));
  EXPECT_THAT(out, HasSubstr("Date: Mon, 02 Mar 2026 12:00:00 +0000\r\n"));
  EXPECT_THAT(out, HasSubstr("To: \"Maria\" <maria@seger.es.gov.br>\r\n"));
  EXPECT_THAT(out, HasSubstr("Subject: =?UTF-8?B?"));
  EXPECT_THAT(out, HasSubstr("Content-Type: multipart/alternative; boundary=\"=_guiche"));
  EXPECT_THAT(out, HasSubstr("Content-Type: text/plain; charset=UTF-8\r\n"));
  EXPECT_THAT(out, HasSubstr("Content-Type: text/html; charset=UTF-8\r\n"));
  EXPECT_THAT(out, HasSubstr("Ol=C3=A1, Maria.\r\nProtocolo 2026-000001."));
  EXPECT_THAT(out, HasSubstr("--=_guiche-alternative--\r\n"));
  // 7-bit and CRLF only.
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_LT(static_cast<unsigned char>(out[i]), 0x80);
    if (out[i] == '\n') {
      EXPECT_EQ(out[i - 1], '\r');
    }
  }
  EXPECT_EQ(compose(m), out);  // the same row composes the same bytes on every retry
  m.html.clear();
  EXPECT_THAT(compose(m), Not(HasSubstr("multipart")));
}

TEST(Templates, EveryKeyHasAPtBrDefaultThatRenders) {
  for (const auto& key : template_keys()) {
    auto t = default_template(key);
    ASSERT_TRUE(t) << key;
    EXPECT_FALSE(template_error(t->subject)) << key;
    EXPECT_FALSE(template_error(t->text)) << key;
    EXPECT_FALSE(template_error(t->html)) << key;
    auto r = render(*t, {{"name", "Maria"}, {"protocol", "2026-000001"}});
    EXPECT_THAT(r.text, HasSubstr("Olá, Maria.")) << key;
    EXPECT_THAT(r.text, HasSubstr("Central de Serviços")) << key;
  }
  EXPECT_FALSE(default_template("nada"));
}

TEST(Templates, HtmlIsEscapedTextAndSubjectAreNot) {
  Template t{"x", "email", "pt-BR", "{{subject}}", "{{text}}", "<p>{{text}}</p>"};
  auto r = render(t, {{"subject", "A & B"}, {"text", "<b>oi</b> & \"tchau\""}});
  EXPECT_EQ(r.subject, "A & B");
  EXPECT_EQ(r.text, "<b>oi</b> & \"tchau\"");
  EXPECT_EQ(r.html, "<p>&lt;b&gt;oi&lt;/b&gt; &amp; &quot;tchau&quot;</p>");
  EXPECT_TRUE(template_error("{{#a}} sem fim"));
}

TEST(Templates, ProjectsReadToBeAgreed) {
  auto t = default_template("registration").value();
  EXPECT_THAT(render(t, {{"is_project", true}, {"estimated_deadline", ""}}).text,
              HasSubstr("Prazo estimado: a combinar"));
  EXPECT_THAT(
      render(t, {{"is_project", false}, {"estimated_deadline", "03/03/2026 às 09:00"}}).text,
      HasSubstr("Prazo estimado: 03/03/2026 às 09:00"));
}

TEST(Templates, UnfilledPlaceholdersAreTheVariablesLeftEmpty) {
  Template t;
  t.subject = "{{protocolo}} {{#secao}}{{/secao}}";
  t.text = "Olá, {{ nome }}! {{{link}}} {{{x}} {{{{y}} {{a.b}} {{}} {{9z}} {{nome}}";
  const auto missing = unfilled_placeholders(t, {{"nome", "Maria"}, {"link", ""}});
  EXPECT_EQ(missing, (std::vector<std::string>{"protocolo", "link", "x", "y", "a.b"}));
}

// Found fuzzing (fuzz/templates_fuzz.cpp): the variables were found by std::regex, whose
// recursion per character overflowed the stack on a template (valid mustache) with a long run
// of spaces after "{{"; an admin's edit could take the server down.
TEST(Templates, ALongTemplateCannotOverflowTheStack) {
  Template t;
  t.text = "{{" + std::string(1 << 20, ' ') + "nome}}";
  t.html = "{{{" + std::string(1 << 20, ' ') + "x" + std::string(1 << 20, ' ');
  EXPECT_EQ(unfilled_placeholders(t, nlohmann::json::object()), (std::vector<std::string>{"nome"}));
}

}  // namespace
}  // namespace guiche::mail
