// The knowledge base's pages (issue 19, item 7; web/knowledge/): public
// articles read without signing in, internal ones never reaching requesters
// or visitors, the markup shown escaped, "Isto resolve?" as a request's
// subject is typed (and, without JavaScript, a plain link), the requests
// avoided counted on "Sim, resolveu meu problema", the articles on the
// service's charter page and in the catalog's dead end, the staff's editor,
// and a ticket's articles on its agent page.
#include <gmock/gmock.h>

#include "app/knowledge/knowledge_base.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class KnowledgePagesTest : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    app::ArticleDraft d;
    d.title = "Como redefinir a senha do e-mail institucional";
    d.body =
        "1. Abra o **webmail**.\n2. Clique em *Esqueci*.\n\n<script>alert(1)</script> "
        "[veja](javascript:alert(2))";
    d.service_code = "EMAIL-INST";
    d.category = "E-mail";
    senha = desk->knowledge().create(as(w.admin), d);
    d.title = "Desbloqueio interno da caixa postal";
    d.body = "Procedimento interno da senha.";
    d.audience = "internal";
    interno = desk->knowledge().create(as(w.admin), d);
  }
  HttpResult anonymous(const std::string& target) { return http_request(port, "GET", target); }
  std::string url(const KnowledgeArticle& a) { return "/conhecimento/" + a.slug; }

  KnowledgeArticle senha, interno;
};

TEST_P(KnowledgePagesTest, APublicArticleIsReadWithoutSigningInAndItsMarkupIsEscaped) {
  auto list = anonymous("/conhecimento");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr(senha.title));
  EXPECT_THAT(list.body, Not(HasSubstr(interno.title)));
  auto page = anonymous(url(senha));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("<li>Abra o <strong>webmail</strong>.</li>"));
  EXPECT_THAT(page.body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(page.body, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page.body, Not(HasSubstr("javascript:")));
  // Not signed in: no "resolveu" button, a way to ask instead.
  EXPECT_THAT(page.body, Not(HasSubstr("botao-resolveu")));
  EXPECT_THAT(page.body, HasSubstr("/servicos/EMAIL-INST/solicitar"));
}

TEST_P(KnowledgePagesTest, InternalArticlesNeverReachRequestersOrVisitors) {
  const auto maria = sign_in(w.requester_seger);
  EXPECT_EQ(anonymous(url(interno)).status, 404);
  EXPECT_EQ(get(maria, url(interno)).status, 404);
  EXPECT_THAT(get(maria, "/conhecimento?q=caixa").body, Not(HasSubstr(interno.title)));
  EXPECT_THAT(anonymous("/conhecimento/sugestoes?assunto=caixa+postal").body,
              Not(HasSubstr(interno.title)));
  EXPECT_EQ(get(maria, "/atendimento/conhecimento").status, 403);
  EXPECT_EQ(
      get(maria, "/atendimento/conhecimento/" + std::to_string(interno.id) + "/editar").status,
      403);
  const auto attendant = sign_in(w.attendant);
  EXPECT_EQ(get(attendant, url(interno)).status, 200);
  EXPECT_THAT(get(attendant, "/conhecimento?q=caixa").body, HasSubstr(interno.title));
}

TEST_P(KnowledgePagesTest, TheRequestFormOffersArticlesAsTheSubjectIsTyped) {
  const auto maria = sign_in(w.requester_seger);
  const auto form = get(maria, "/servicos/EMAIL-INST/solicitar");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("hx-get=\"/conhecimento/sugestoes\""));
  EXPECT_THAT(form.body, HasSubstr("<div id=\"isto-resolve\" aria-live=\"polite\"></div>"));
  // Without JavaScript: a plain link to the knowledge base.
  EXPECT_THAT(form.body, HasSubstr("<a href=\"/conhecimento\""));
  const auto offered = get(maria, "/conhecimento/sugestoes?assunto=senha+do+e-mail");
  ASSERT_EQ(offered.status, 200);
  EXPECT_THAT(offered.body, HasSubstr("Isto resolve?"));
  EXPECT_THAT(offered.body, HasSubstr("href=\"" + url(senha) + "\""));
  EXPECT_THAT(offered.body, Not(HasSubstr("<html")));
  EXPECT_THAT(get(maria, "/conhecimento/sugestoes?assunto=impressora").body,
              Not(HasSubstr("Isto resolve?")));
}

TEST_P(KnowledgePagesTest, SimResolveuCountsOnceAndThanks) {
  const auto maria = sign_in(w.requester_seger);
  const auto page = get(maria, url(senha));
  EXPECT_THAT(page.body, HasSubstr("Sim, resolveu meu problema"));
  auto said = post(maria, url(senha) + "/resolveu", "csrf=" + maria.csrf);
  EXPECT_EQ(said.status, 303);
  EXPECT_EQ(said.headers["location"], url(senha) + "?resposta=resolveu#resposta");
  post(maria, url(senha) + "/resolveu", "csrf=" + maria.csrf);
  EXPECT_EQ(desk->knowledge().article(as(w.admin), senha.id).article.avoided, 1);
  // The staff see the count on the article; requesters do not.
  EXPECT_THAT(get(sign_in(w.attendant), url(senha)).body, HasSubstr("Solicitações evitadas: 1"));
  EXPECT_THAT(get(maria, url(senha)).body, Not(HasSubstr("Solicitações evitadas")));
  EXPECT_THAT(get(maria, url(senha) + "?resposta=resolveu").body,
              HasSubstr("Obrigado por nos contar"));
  // Without the form's token nothing is counted.
  const auto other = sign_in(w.citizen);
  EXPECT_EQ(post(other, url(senha) + "/resolveu", "csrf=errado").status, 403);
  EXPECT_EQ(desk->knowledge().article(as(w.admin), senha.id).article.avoided, 1);
}

TEST_P(KnowledgePagesTest, TheCharterAndTheCatalogsDeadEndListArticles) {
  auto charter = anonymous("/carta/servicos/EMAIL-INST");
  ASSERT_EQ(charter.status, 200);
  EXPECT_THAT(charter.body, HasSubstr("Artigos sobre este serviço"));
  EXPECT_THAT(charter.body, HasSubstr(senha.title));
  EXPECT_THAT(charter.body, Not(HasSubstr(interno.title)));
  const auto maria = sign_in(w.requester_seger);
  auto catalog = get(maria, "/servicos?q=redefinir");
  EXPECT_THAT(catalog.body, HasSubstr("Artigos que podem ajudar"));
  EXPECT_THAT(catalog.body, HasSubstr(senha.title));
  EXPECT_THAT(catalog.body, Not(HasSubstr("Tente outras palavras")));
}

TEST_P(KnowledgePagesTest, TheEditorSavesAndSaysWhatIsMissing) {
  const auto admin = sign_in(w.admin);
  EXPECT_EQ(get(admin, "/atendimento/conhecimento/novo").status, 200);
  auto bad = post(admin, "/atendimento/conhecimento/novo",
                  "csrf=" + admin.csrf + "&titulo=&corpo=&publico=public&publicado=sim");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("O título é obrigatório."));
  EXPECT_THAT(bad.body, HasSubstr("O texto é obrigatório."));
  auto ok = post(admin, "/atendimento/conhecimento/novo",
                 "csrf=" + admin.csrf +
                     "&titulo=Impressora+sem+papel&corpo=Coloque+papel.&categoria=Impress%C3%A3o"
                     "&servico=SUP-TEC&publico=public&publicado=sim");
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.headers["location"], "/conhecimento/impressora-sem-papel");
  EXPECT_THAT(anonymous("/conhecimento/impressora-sem-papel").body, HasSubstr("Coloque papel."));
  // The attendant reads every article but writes none.
  const auto attendant = sign_in(w.attendant);
  const auto list = get(attendant, "/atendimento/conhecimento").body;
  EXPECT_THAT(list, HasSubstr(interno.title));
  EXPECT_THAT(list, Not(HasSubstr("/editar\"")));
  EXPECT_THAT(get(admin, "/atendimento/conhecimento").body,
              HasSubstr("/atendimento/conhecimento/" + std::to_string(interno.id) + "/editar\""));
  EXPECT_EQ(post(attendant, "/atendimento/conhecimento/novo",
                 "csrf=" + attendant.csrf + "&titulo=X&corpo=Y&publico=public")
                .status,
            403);
}

TEST_P(KnowledgePagesTest, AFileAttachedInTheEditorIsServedToTheArticlesReaders) {
  const auto admin = sign_in(w.admin);
  const std::string edit = "/atendimento/conhecimento/" + std::to_string(interno.id) + "/editar";
  auto field = [](const std::string& name, const std::string& value) {
    return "--kb\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  };
  const std::string body = field("csrf", admin.csrf) + field("titulo", interno.title) +
                           field("corpo", interno.body) + field("publico", "internal") +
                           field("publicado", "sim") +
                           "--kb\r\nContent-Disposition: form-data; name=\"anexo\"; "
                           "filename=\"passos.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                           "Passo 1.\n\r\n--kb--\r\n";
  auto saved = http_request(
      port, "POST", edit,
      {{"Cookie", admin.cookie}, {"Content-Type", "multipart/form-data; boundary=kb"}}, body);
  ASSERT_EQ(saved.status, 303) << saved.body;
  const auto page = get(admin, url(interno));
  EXPECT_THAT(page.body, HasSubstr("passos.txt"));
  const auto files = desk->knowledge().article(as(w.admin), interno.id).files;
  ASSERT_EQ(files.size(), 1u);
  const std::string file = url(interno) + "/anexos/" + std::to_string(files[0].id);
  auto got = get(admin, file);
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, "Passo 1.\n");
  EXPECT_THAT(got.headers["content-disposition"], HasSubstr("passos.txt"));
  // An internal article's file is nobody else's: neither by its address
  // nor under a public article's.
  EXPECT_EQ(anonymous(file).status, 404);
  EXPECT_EQ(get(sign_in(w.requester_seger), file).status, 404);
  EXPECT_EQ(anonymous(url(senha) + "/anexos/" + std::to_string(files[0].id)).status, 404);
}

TEST_P(KnowledgePagesTest, TheTicketPageLinksArticlesAndOffersThemForTheReply) {
  Ticket t = register_sis(w.requester_sesa);
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  const auto analyst = sign_in(w.analyst_sis);
  const std::string page = "/atendimento/chamados/" + t.protocol;
  EXPECT_THAT(get(analyst, page).body, HasSubstr("Nenhum artigo vinculado."));
  const auto found =
      get(analyst, "/atendimento/conhecimento/chamado/" + t.protocol + "?q=caixa+postal");
  EXPECT_THAT(found.body, HasSubstr(interno.title));
  auto linked = post(analyst, "/atendimento/conhecimento/chamado/" + t.protocol + "/vincular",
                     "csrf=" + analyst.csrf + "&artigo=" + std::to_string(senha.id));
  EXPECT_EQ(linked.status, 303);
  const auto body = get(analyst, page).body;
  EXPECT_THAT(body, HasSubstr("href=\"" + url(senha) + "\""));
  EXPECT_THAT(
      body, HasSubstr("data-titulo=\"" + senha.title + "\" data-endereco=\"" + url(senha) + "\""));
  // An internal article is linked, but not offered for a reply to the requester.
  post(analyst, "/atendimento/conhecimento/chamado/" + t.protocol + "/vincular",
       "csrf=" + analyst.csrf + "&artigo=" + std::to_string(interno.id));
  const auto both = get(analyst, page).body;
  EXPECT_THAT(both, HasSubstr("href=\"" + url(interno) + "\""));
  EXPECT_THAT(both, Not(HasSubstr("data-endereco=\"" + url(interno) + "\"")));
  // The requester's side links nothing.
  const auto paulo = sign_in(w.requester_sesa);
  EXPECT_EQ(post(paulo, "/atendimento/conhecimento/chamado/" + t.protocol + "/vincular",
                 "csrf=" + paulo.csrf + "&artigo=" + std::to_string(interno.id))
                .status,
            403);
}

GUICHE_ON_BOTH_ENGINES(KnowledgePagesTest);

}  // namespace
}  // namespace guiche::testing
