// The tricky parts of reading incoming mail, one behaviour per test.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "mail/automatic.hpp"
#include "mail/charset.hpp"
#include "mail/corpus_files.hpp"
#include "mail/flowed.hpp"
#include "mail/html_to_text.hpp"
#include "mail/inbound_message.hpp"
#include "mail/quote_trim.hpp"

namespace guiche::mail {
namespace {

std::string message(const std::string& headers, const std::string& body) {
  return "From: a@b.example\r\nTo: suporte@seger.es.gov.br\r\n" + headers + "\r\n" + body;
}

TEST(InboundParse, Rfc2231ContinuedFileNameWithCharset) {
  const auto m = parse_inbound(
      message("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n",
              "--b\r\nContent-Type: text/plain\r\n\r\nver anexo\r\n--b\r\n"
              "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
              "Content-Disposition: attachment;\r\n"
              " filename*0*=iso-8859-1'pt-BR'Of%EDcio%20n%BA;\r\n filename*1=\" 12 - \";\r\n"
              " filename*2*=Gest%E3o.pdf\r\n\r\nJVBERg==\r\n--b--\r\n"));
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].file_name, "Ofício nº 12 - Gestão.pdf");
  EXPECT_EQ(m.attachments[0].bytes, "%PDF");
}

TEST(InboundParse, FileNamesNeverCarryPaths) {
  const auto m = parse_inbound(message(
      "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n",
      "--b\r\nContent-Type: application/octet-stream; "
      "name=\"C:\\\\Users\\\\ana\\\\..\\\\x.bin\"\r\n"
      "Content-Disposition: attachment; filename=\"../../etc/passwd\"\r\n\r\nx\r\n--b\r\n"
      "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw==\r\n--b--\r\n"));
  ASSERT_EQ(m.attachments.size(), 2u);
  EXPECT_EQ(m.attachments[0].file_name, "passwd");
  EXPECT_EQ(m.attachments[1].file_name, "anexo-1.png");  // no name at all
}

TEST(InboundParse, Rfc2047WordsInDifferentCharsetsJoin) {
  const auto m =
      parse_inbound(message("Subject: =?iso-8859-1?q?Solicita=E7=E3o?= "
                            "=?utf-8?b?IGRlIGFjZXNzbw==?= =?koi8-r?b?8A==?=\r\n",
                            "x"));
  EXPECT_EQ(m.subject, "Solicitação de acessoП");
}

TEST(InboundParse, BodyWithoutCharsetFallsBackToWindows1252) {
  const auto latin = parse_inbound(message("", "Aten\xe7\xe3o: \x93teste\x94 \x80 5\r\n"));
  EXPECT_EQ(latin.text, "Atenção: “teste” € 5");
  const auto utf8 = parse_inbound(message("", "Aten\xc3\xa7\xc3\xa3o\r\n"));
  EXPECT_EQ(utf8.text, "Atenção");
}

TEST(Charset, ValidatesUtf8Strictly) {
  EXPECT_TRUE(is_valid_utf8("ação €"));
  EXPECT_FALSE(is_valid_utf8("\xc3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
}

TEST(Charset, DeclaredCharsetsAndLies) {
  EXPECT_EQ(to_utf8("\xe9", "ISO-8859-1"), "é");
  EXPECT_EQ(to_utf8("\x96", "iso-8859-1"), "–");  // Outlook's "Latin-1" is windows-1252
  EXPECT_EQ(to_utf8("\xe9", "utf-8"), "é");       // not UTF-8 after all
  EXPECT_EQ(to_utf8("\xa4", "iso-8859-15"), "€");
  EXPECT_EQ(to_utf8("\xe9", "no-such-charset"), "é");
  EXPECT_EQ(to_utf8("a\x81z", "windows-1252"), "a\xEF\xBF\xBDz");  // undefined byte
}

TEST(HtmlToText, DropsScriptAndStyleContent) {
  const std::string text = html_to_text(
      "<style>p{color:red}</style><p>oi</p><script>alert('x')</script>"
      "<SCRIPT type=text/javascript>document.write('<p>y</p>')</SCRIPT><p>tchau</p>");
  EXPECT_EQ(text, "oi\n\ntchau");
}

TEST(HtmlToText, NeverOutputsTags) {
  const std::string text = html_to_text(
      "<div onclick=\"a>b\"><b>negrito</b><img src=x onerror=alert(1)><iframe src=y></iframe>"
      "<svg><script>z</script></svg></div><p>fim<");
  EXPECT_EQ(text, "negrito\n\nfim<");
}

TEST(HtmlToText, DecodesEntities) {
  EXPECT_EQ(html_to_text("a&amp;b &lt;c&gt; &quot;d&quot; &#233;&#xE7; &atilde;&nbsp;x &bogus; &"),
            "a&b <c> \"d\" éç ã x &bogus; &");
}

TEST(HtmlToText, BlocksBecomeLinesAndBlockquotesQuotes) {
  EXPECT_EQ(html_to_text("<div>um</div><div>dois<br>três</div><p>quatro</p>"),
            "um\ndois\ntrês\n\nquatro");
  EXPECT_EQ(html_to_text("novo<blockquote>antigo<blockquote>mais antigo</blockquote></blockquote>"),
            "novo\n\n> antigo\n\n> > mais antigo");
}

TEST(HtmlToText, LinksKeepSafeUrls) {
  EXPECT_EQ(html_to_text("<a href=\"https://x.gov.br/a?b=1&amp;c=2\">portal</a>"),
            "portal (https://x.gov.br/a?b=1&c=2)");
  EXPECT_EQ(html_to_text("<a href='https://x.gov.br'>https://x.gov.br</a>"), "https://x.gov.br");
  EXPECT_EQ(html_to_text("<a href=\"javascript:alert(1)\">clique</a>"), "clique");
  EXPECT_EQ(html_to_text("<a href=mailto:a@b.br>a@b.br</a>"), "a@b.br");
}

TEST(HtmlToText, OutlookConditionalCommentsAndOfficeTags) {
  EXPECT_EQ(html_to_text("<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->"
                         "<p class=MsoNormal>Ol&aacute;<o:p></o:p></p>"
                         "<p class=MsoNormal><o:p>&nbsp;</o:p></p><p>Tchau</p>"),
            "Olá\n\nTchau");
}

TEST(QuoteTrim, EnglishAttributionAndQuote) {
  EXPECT_EQ(trim_quotes("Thanks!\n\nOn Mon, Mar 2, 2026 at 5:40 PM Help Desk <\nhelp@x.gov> "
                        "wrote:\n\n> old\n> text\n",
                        false),
            "Thanks!");
}

TEST(QuoteTrim, InterleavedAnswersStay) {
  EXPECT_EQ(trim_quotes("> Qual o patrimônio?\n12345\n> E a sala?\nSala 3\n", false),
            "12345\nSala 3");
}

TEST(QuoteTrim, OutlookHeaderBlocksInBothLanguages) {
  EXPECT_EQ(trim_quotes("Ok.\n\nFrom: Help <h@x>\nSent: Monday\nTo: me\nSubject: s\n\nold", false),
            "Ok.");
  EXPECT_EQ(trim_quotes("Ok.\n________________________________\nDe: Help <h@x>\nEnviado: segunda\n"
                        "Para: eu\nAssunto: s\n\nantigo",
                        false),
            "Ok.");
  EXPECT_EQ(trim_quotes("Ok.\n-----Original Message-----\nanything", false), "Ok.");
  EXPECT_EQ(trim_quotes("Ok.\n----- Mensagem original -----\nqualquer", false), "Ok.");
}

TEST(QuoteTrim, ForwardsKeepTheForwardedHeaders) {
  const std::string text = "Veja.\nDe: Ouvidoria <o@x>\nEnviado: hoje\nPara: eu\n\nReclamação";
  EXPECT_EQ(trim_quotes(text, true), text);
  EXPECT_TRUE(is_forward_subject("ENC: Reclamação"));
  EXPECT_TRUE(is_forward_subject("Fwd: x"));
  EXPECT_FALSE(is_forward_subject("RE: ENC: x"));
}

TEST(QuoteTrim, SignatureAndPhoneFooters) {
  EXPECT_EQ(trim_quotes("Feito.\n-- \nAna\nDTI", false), "Feito.");
  EXPECT_EQ(trim_quotes("Feito.\n\nEnviado do meu iPhone", false), "Feito.");
  EXPECT_EQ(trim_quotes("Feito.\n\nSent from my Galaxy", false), "Feito.");
}

TEST(QuoteTrim, OnlyAQuoteKeepsEverything) {
  EXPECT_EQ(trim_quotes("> só citação\n", false), "> só citação");
}

TEST(QuoteTrim, AttributionWordsInsideTextStay) {
  EXPECT_EQ(trim_quotes("O diretor escreveu:\nprecisamos de 3 notebooks.", false),
            "O diretor escreveu:\nprecisamos de 3 notebooks.");
}

TEST(Flowed, JoinsSoftBreaksKeepsSignatureAndQuotes) {
  EXPECT_EQ(unflow("um dois \ntrês\n-- \nAna", false), "um dois três\n-- \nAna");
  EXPECT_EQ(unflow("lon \ngo", true), "longo");
  EXPECT_EQ(unflow("> a \n> b\nc", false), "> a b\nc");
  EXPECT_EQ(unflow(" From the start", false), "From the start");  // space-stuffed
}

TEST(Automatic, Markers) {
  // Each case sets a few signals on an otherwise empty message.
  const auto of = [](auto set) {
    AutomaticSignals s;
    set(s);
    return classify_automatic(s);
  };
  EXPECT_EQ(of([](AutomaticSignals&) {}), Automatic::none);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.auto_submitted = "auto-replied"; }),
            Automatic::auto_reply);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.auto_submitted = "Auto-Generated"; }),
            Automatic::auto_reply);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.auto_submitted = "no"; }), Automatic::none);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.auto_submitted = "No (comment)"; }), Automatic::none);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.precedence = "bulk"; }), Automatic::bulk);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.precedence = "junk"; }), Automatic::bulk);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.precedence = "list"; }), Automatic::bulk);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.precedence = "first-class"; }), Automatic::none);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.x_autoreply = true; }), Automatic::auto_reply);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.return_path = "<>"; }), Automatic::bounce);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.return_path = " < > "; }), Automatic::bounce);
  EXPECT_EQ(of([](AutomaticSignals& s) {
              s.auto_submitted = "auto-replied";
              s.return_path = "<>";
            }),
            Automatic::auto_reply);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.from_email = "MAILER-DAEMON@mx.x"; }),
            Automatic::bounce);
  EXPECT_EQ(of([](AutomaticSignals& s) { s.from_email = "postmaster@x"; }), Automatic::bounce);
  EXPECT_EQ(of([](AutomaticSignals& s) {
              s.content_type = "multipart/report";
              s.report_type = "delivery-status";
            }),
            Automatic::bounce);
}

TEST(InboundParse, MalformedAddressesNeverCrash) {
  for (const std::string from : {"Name <a@b", "<>", "@", "a@", "\"unterminated <x@y>", "<<<@@@>>>",
                                 "=?utf-8?q?broken", "a@b, c@d", ""}) {
    SCOPED_TRACE(from);
    const auto m = parse_inbound("From: " + from + "\r\nSubject: x\r\n\r\ncorpo\r\n");
    if (m.from) {
      EXPECT_NE(m.from->email.find('@'), std::string::npos);
    }
  }
  EXPECT_EQ(parse_inbound("From: Name <a@b\r\n\r\nx").from->email, "a@b");
}

TEST(InboundParse, TruncatedMessagesNeverCrash) {
  // Every prefix of a real multipart message either parses or is reported
  // unparseable: never a crash, never invalid text.
  const std::string raw = corpus::read_file(std::string(GUICHE_MAIL_CORPUS_DIR) +
                                            "/08-outlook-signature-logo-and-docx.eml");
  for (size_t n = 0; n < raw.size(); n += 7) {
    try {
      const auto m = parse_inbound(std::string_view(raw).substr(0, n));
      EXPECT_TRUE(is_valid_utf8(m.text));
    } catch (const UnparseableMessage& e) {
      EXPECT_FALSE(e.reason.empty());
    }
  }
}

TEST(InboundParse, ParsesConcurrently) {
  const std::string raw =
      corpus::read_file(std::string(GUICHE_MAIL_CORPUS_DIR) + "/05-outlook-html-reply-cp1252.eml");
  std::vector<std::thread> threads;
  std::atomic<int> ok = 0;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i)
        if (parse_inbound(raw).from->email == "marcia.conceicao@seger.es.gov.br") ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 200);
}

}  // namespace
}  // namespace guiche::mail
