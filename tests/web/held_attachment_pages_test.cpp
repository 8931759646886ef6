// Files the desk's policy holds, in the pages (issue 17): the requester's
// receipt names them with the reason and never links them; the agent's page
// shows them with the reason; only an admin is offered and allowed the
// release. A 500-character subject sent through the portal is stored whole,
// and only queue rows shorten it.
#include <gmock/gmock.h>

#include "app/attachments/attachments.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kHeldPagesBoundary = "----portal-retidos-7Q";

std::string held_field(const std::string& name, const std::string& value) {
  return std::string("--") + kHeldPagesBoundary + "\r\nContent-Disposition: form-data; name=\"" +
         name + "\"\r\n\r\n" + value + "\r\n";
}

std::string held_file(const std::string& filename, const std::string& bytes) {
  return std::string("--") + kHeldPagesBoundary +
         "\r\nContent-Disposition: form-data; name=\"anexos\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n";
}

// 500 characters, some two bytes long, with no word break near the end.
std::string held_long_subject() {
  std::string subject;
  for (int i = 0; i < 22; ++i) subject += "Solicitação de acesso ";
  return subject + "ao SIGEFES agora";
}

class HeldAttachmentPagesTest : public WebServerTest {
 protected:
  HttpResult post_multipart(const Browser& b, const std::string& target, const std::string& body) {
    return http_request(
        port, "POST", target,
        {{"Cookie", b.cookie},
         {"Content-Type", std::string("multipart/form-data; boundary=") + kHeldPagesBoundary}},
        body + "--" + kHeldPagesBoundary + "--\r\n");
  }
};

TEST_P(HeldAttachmentPagesTest, ThePortalReceiptNamesTheFilesNotAcceptedAndTheAgentSeesWhy) {
  const auto maria = sign_in(w.requester_seger);
  const auto r =
      post_multipart(maria, "/servicos/SUP-TEC/solicitar",
                     held_field("csrf", maria.csrf) + held_field("assunto", held_long_subject()) +
                         held_field("descricao", "Seguem o log e o instalador.") +
                         held_file("erro.log", "2026-03-02 ERRO conexão recusada\n") +
                         held_file("instalador.exe", "MZ\x90\x00 programa"));
  ASSERT_EQ(r.status, 303) << r.body;
  const std::string registered = r.headers.at("location");
  ASSERT_THAT(registered, HasSubstr("/registrado"));
  EXPECT_THAT(registered, Not(HasSubstr("recusados")));  // nothing was turned away

  // The receipt page: the protocol and the file not accepted, with its reason.
  const auto receipt = get(maria, registered);
  ASSERT_EQ(receipt.status, 200);
  EXPECT_THAT(receipt.body, HasSubstr("Arquivos não aceitos"));
  EXPECT_THAT(receipt.body, HasSubstr("instalador.exe"));
  EXPECT_THAT(receipt.body, HasSubstr("executáveis"));
  EXPECT_THAT(receipt.body, Not(HasSubstr("erro.log</strong>")));

  const std::string protocol =
      registered.substr(std::string("/chamados/").size(),
                        registered.find("/registrado") - std::string("/chamados/").size());
  const Ticket t = desk->tickets().ticket_by_protocol(as(w.admin), protocol);
  // The subject is stored whole.
  EXPECT_EQ(t.subject, held_long_subject());
  std::int64_t held_id = 0;
  for (const auto& a : desk->attachments().attachments(as(w.admin), t.id)) {
    if (a.held()) held_id = a.id;
  }
  ASSERT_NE(held_id, 0);
  const std::string held_url = "/api/v1/attachments/" + std::to_string(held_id);

  // The request's page: the same list, and no link to the held file.
  const auto page = get(maria, "/chamados/" + protocol);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("instalador.exe"));
  EXPECT_THAT(page.body, Not(HasSubstr(held_url)));
  EXPECT_EQ(get(maria, held_url).status, 404);

  // The agent's page: the held file with its reason, and no release button.
  const auto attendant = sign_in(w.attendant);
  const std::string agent_url = "/atendimento/chamados/" + protocol;
  const auto agent_page = get(attendant, agent_url);
  ASSERT_EQ(agent_page.status, 200);
  EXPECT_THAT(agent_page.body, HasSubstr("Arquivos retidos"));
  EXPECT_THAT(agent_page.body, HasSubstr("instalador.exe"));
  EXPECT_THAT(agent_page.body, HasSubstr("executáveis"));
  EXPECT_THAT(agent_page.body, Not(HasSubstr("liberar-anexo")));
  EXPECT_EQ(post(attendant, agent_url + "/liberar-anexo",
                 "csrf=" + attendant.csrf + "&anexo=" + std::to_string(held_id))
                .status,
            403);
  const std::string release = "/admin/anexos-retidos/" + std::to_string(held_id) + "/liberar";
  EXPECT_EQ(get(attendant, "/admin/anexos-retidos").status, 403);
  EXPECT_EQ(post(attendant, release, "csrf=" + attendant.csrf).status, 403);

  // The admins' list shows it with its ticket and reason; the release makes
  // a normal attachment of it.
  const auto admin = sign_in(w.admin);
  const auto list = get(admin, "/admin/anexos-retidos");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("instalador.exe"));
  EXPECT_THAT(list.body, HasSubstr(protocol));
  EXPECT_THAT(list.body, HasSubstr("executáveis"));
  EXPECT_EQ(post(admin, release, "csrf=wrong").status, 403);
  const auto released = post(admin, release, "csrf=" + admin.csrf);
  EXPECT_EQ(released.status, 303) << released.body;
  EXPECT_THAT(get(admin, "/admin/anexos-retidos").body, Not(HasSubstr("instalador.exe")));
  const auto after = get(maria, "/chamados/" + protocol);
  EXPECT_THAT(after.body, Not(HasSubstr("Arquivos não aceitos")));
  EXPECT_THAT(after.body, HasSubstr(held_url));
}

TEST_P(HeldAttachmentPagesTest, QueueRowsShortenALongSubjectAndKeepItWholeInTheTitle) {
  const Ticket t = register_sis(w.requester_seger, held_long_subject());
  const auto maria = sign_in(w.requester_seger);
  const auto area = get(maria, "/minha-area");
  ASSERT_EQ(area.status, 200);
  EXPECT_THAT(area.body, HasSubstr("…"));
  EXPECT_THAT(area.body, HasSubstr("title=\"" + held_long_subject() + "\""));
  // The request's own page shows it whole.
  const auto page = get(maria, "/chamados/" + t.protocol);
  EXPECT_THAT(page.body, HasSubstr(held_long_subject()));
}

GUICHE_ON_BOTH_ENGINES(HeldAttachmentPagesTest);

}  // namespace
}  // namespace guiche::testing
