// Full-text search (accent- and case-insensitive) and keyset pages.
#include <set>

#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "store/migrations/migrations.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class SearchAndPagingTest : public DeskTest {
 protected:
  std::vector<std::string> subjects_for(const std::string& text) {
    store::TicketFilter f;
    f.text = text;
    std::vector<std::string> out;
    for (const auto& t : desk->tickets().list_tickets(as(w.attendant), f).tickets)
      out.push_back(t.subject);
    return out;
  }
};

TEST_P(SearchAndPagingTest, SearchIgnoresAccentsAndCase) {
  register_sis(w.requester_seger, "Não consigo acessar o SIGEFES");
  register_sis(w.requester_seger, "Impressora sem conexão");
  EXPECT_EQ(subjects_for("nao consigo").size(), 1u);
  EXPECT_EQ(subjects_for("NÃO CONSIGO").size(), 1u);
  EXPECT_EQ(subjects_for("conexao").size(), 1u);
  EXPECT_EQ(subjects_for("sigefes impressora").size(), 0u);     // every word must match
  EXPECT_EQ(subjects_for("\"unbalanced OR NEAR(").size(), 0u);  // user text is never syntax
}

TEST_P(SearchAndPagingTest, SearchCoversPublicRepliesButNotInternalNotes) {
  Ticket t = register_sis(w.requester_seger, "Erro no sistema");
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt);
  desk->work().reply(as(w.analyst_sis), t.id, "O certificado digital expirou.");
  desk->work().add_internal_note(as(w.analyst_sis), t.id, "Senha do servidor: segredo");
  EXPECT_EQ(subjects_for("certificado").size(), 1u);
  EXPECT_EQ(subjects_for("segredo").size(), 0u);
}

TEST_P(SearchAndPagingTest, KeysetPagesCoverEveryTicketOnceInOrder) {
  for (int i = 0; i < 25; ++i) {
    register_sis(w.requester_seger, "Chamado " + std::to_string(i));
    if (i % 3 == 0) clock.advance(std::chrono::minutes(1));  // some share an instant
  }
  store::TicketFilter f;
  f.limit = 10;
  std::vector<std::int64_t> seen;
  int pages = 0;
  do {
    auto page = desk->tickets().list_tickets(as(w.attendant), f);
    for (const auto& t : page.tickets) seen.push_back(t.id);
    f.cursor = page.next_cursor;
    ++pages;
  } while (!f.cursor.empty());
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 25u);
  EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()).size(), 25u);
  EXPECT_TRUE(std::is_sorted(seen.rbegin(), seen.rend()));  // newest first
}

TEST_P(SearchAndPagingTest, FiltersNarrowTheQueue) {
  Ticket a = register_sis(w.requester_seger);
  register_sis(w.requester_sesa);
  desk->work().route(as(w.attendant), a.id, w.sgsis.id, w.analyst_sis.id);
  store::TicketFilter f;
  f.unit_id = w.sgsis.id;
  EXPECT_EQ(desk->tickets().list_tickets(as(w.attendant), f).tickets.size(), 1u);
  f = {};
  f.statuses = {Status::new_};
  EXPECT_EQ(desk->tickets().list_tickets(as(w.attendant), f).tickets.size(), 1u);
  f = {};
  f.organization_id = w.sesa.id;
  EXPECT_EQ(desk->tickets().list_tickets(as(w.attendant), f).tickets.size(), 1u);
  f = {};
  f.assignee_id = w.analyst_sis.id;
  EXPECT_EQ(desk->tickets().list_tickets(as(w.attendant), f).tickets.front().id, a.id);
}

TEST_P(SearchAndPagingTest, CreatedFromKeepsOnlyLaterRegistrations) {
  Ticket old = register_sis(w.requester_seger, "Antigo");
  clock.advance(std::chrono::hours(48));
  Ticket recent = register_sis(w.requester_seger, "Recente");
  store::TicketFilter f;
  f.created_from = recent.created_at;
  auto page = desk->tickets().list_tickets(as(w.requester_seger), f);
  ASSERT_EQ(page.tickets.size(), 1u);
  EXPECT_EQ(page.tickets.front().id, recent.id);
  f.created_from = old.created_at;
  EXPECT_EQ(desk->tickets().list_tickets(as(w.requester_seger), f).tickets.size(), 2u);
}

TEST_P(SearchAndPagingTest, MigratingTwiceChangesNothing) {
  EXPECT_EQ(store::migrate(database->db()), 0);
  EXPECT_EQ(store::schema_version(database->db()),
            store::migrations_for(store::Dialect::sqlite).back().version);
}

GUICHE_ON_BOTH_ENGINES(SearchAndPagingTest);

}  // namespace
}  // namespace guiche::testing
