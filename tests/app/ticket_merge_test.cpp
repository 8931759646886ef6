// Merging duplicates, undoing a merge and splitting a message off
// (app/tickets/ticket_merge.hpp), on both engines.
#include <gmock/gmock.h>

#include "app/expect_error.hpp"
#include "app/tickets/ticket_merge.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/error.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

#define EXPECT_MERGE_OUTCOME(kind, ...) EXPECT_EQ(outcome(__VA_ARGS__), kind)

class TicketMergeTest : public DeskTest {
 protected:
  // "key -> address" for each message about the ticket, in order.
  std::vector<std::string> sent_of(std::int64_t ticket_id) {
    std::vector<std::string> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::messages_of_ticket(c, ticket_id))
        out.push_back(m.template_key + " -> " + m.recipient_address);
    });
    return out;
  }
  std::string last_text_of(std::int64_t ticket_id) {
    std::string text;
    database->db().read([&](store::Connection& c) {
      text = store::messages_of_ticket(c, ticket_id).back().text_body;
    });
    return text;
  }
  Ticket ticket(std::int64_t id) { return desk->tickets().ticket(as(w.attendant), id); }
  Ticket at_sgsis(const Person& requester, const std::string& subject) {
    auto t = register_sis(requester, subject);
    return desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  }
  std::vector<std::string> links_of(std::int64_t id) {
    std::vector<std::string> out;
    for (const auto& l : ticket(id).links)
      out.push_back(l.kind + ":" + std::to_string(l.other_ticket_id));
    return out;
  }
};

TEST_P(TicketMergeTest, DuplicatesCloseAndTheirRequestersHearTheSurvivingTicketsNews) {
  const auto survivor = at_sgsis(w.requester_seger, "SIGEFES fora do ar");
  const auto d1 = at_sgsis(w.requester_sesa, "Não consigo entrar no SIGEFES");
  const auto d2 = at_sgsis(w.manager_seger, "SIGEFES não abre");
  const auto result =
      desk->merges().merge(as(w.analyst_sis), survivor.id, {d2.id, d1.id}, "Mesma queda.");
  ASSERT_EQ(result.merged.size(), 2u);
  for (const auto& d : {d1, d2}) {
    const auto now = ticket(d.id);
    EXPECT_EQ(now.status, Status::closed);
    EXPECT_TRUE(now.closed_at.has_value());
    EXPECT_THAT(links_of(d.id), ElementsAre("merged_into:" + std::to_string(survivor.id)));
  }
  EXPECT_THAT(links_of(survivor.id), ElementsAre("merged_from:" + std::to_string(d1.id),
                                                 "merged_from:" + std::to_string(d2.id)));
  EXPECT_EQ(ticket(survivor.id).status, Status::assigned);
  // Each duplicate's requester is told, naming the surviving ticket.
  EXPECT_THAT(sent_of(d1.id), Contains("merged -> " + w.requester_sesa.emails[0]));
  EXPECT_THAT(last_text_of(d1.id), HasSubstr(survivor.protocol));
  // The surviving ticket's public news reach them, under their own protocol.
  desk->work().reply(as(w.analyst_sis), survivor.id, "O sistema voltou; tente de novo.");
  EXPECT_THAT(sent_of(d1.id), Contains("merged_news -> " + w.requester_sesa.emails[0]));
  EXPECT_THAT(last_text_of(d1.id), HasSubstr("O sistema voltou"));
  EXPECT_THAT(sent_of(d2.id), Contains("merged_news -> " + w.manager_seger.emails[0]));
  // An internal note is nobody's news outside the desk.
  const auto before = sent_of(d1.id).size();
  desk->work().add_internal_note(as(w.analyst_sis), survivor.id, "Reiniciado o servidor.");
  EXPECT_EQ(sent_of(d1.id).size(), before);
  desk->work().resolve(as(w.analyst_sis), survivor.id, "Servidor reiniciado.", 30);
  EXPECT_THAT(last_text_of(d2.id), HasSubstr("Servidor reiniciado."));
  // The rows still agree with the events.
  EXPECT_EQ(desk->work().rebuild_tickets().differing, 0);
}

TEST_P(TicketMergeTest, AnUndoReturnsTheDuplicateWhileTheSurvivingTicketIsOpen) {
  const auto survivor = at_sgsis(w.requester_seger, "SIGEFES fora do ar");
  auto d = at_sgsis(w.requester_sesa, "Não consigo entrar");
  d = desk->work().change_status(as(w.analyst_sis), d.id, Status::in_progress);
  desk->merges().merge(as(w.attendant), survivor.id, {d.id});
  desk->merges().undo(as(w.analyst_sis), d.id);
  auto back = ticket(d.id);
  EXPECT_EQ(back.status, Status::in_progress);
  EXPECT_FALSE(back.closed_at.has_value());
  EXPECT_THAT(links_of(d.id), ElementsAre());
  EXPECT_THAT(links_of(survivor.id), ElementsAre());
  EXPECT_THAT(sent_of(d.id), Contains("merge_undone -> " + w.requester_sesa.emails[0]));
  // No longer following: the surviving ticket's news stay its own.
  const auto before = sent_of(d.id).size();
  desk->work().reply(as(w.analyst_sis), survivor.id, "Estamos verificando.");
  EXPECT_EQ(sent_of(d.id).size(), before);
  // Once the surviving ticket is resolved, a merge stands.
  desk->merges().merge(as(w.attendant), survivor.id, {d.id});
  desk->work().resolve(as(w.analyst_sis), survivor.id, "Feito.", 10);
  EXPECT_MERGE_OUTCOME("conflict", [&] { desk->merges().undo(as(w.attendant), d.id); });
  EXPECT_EQ(ticket(d.id).status, Status::closed);
  EXPECT_EQ(desk->work().rebuild_tickets().differing, 0);
}

TEST_P(TicketMergeTest, AMergeIsAllOrNothingAndOnlyForThoseWhoWorkEveryTicket) {
  const auto survivor = at_sgsis(w.requester_seger, "SIGEFES fora do ar");
  const auto d = at_sgsis(w.requester_sesa, "Não consigo entrar");
  auto resolved = at_sgsis(w.manager_seger, "Já resolvido");
  desk->work().resolve(as(w.analyst_sis), resolved.id, "Feito.", 5);
  EXPECT_MERGE_OUTCOME("conflict", [&] {
    desk->merges().merge(as(w.attendant), survivor.id, {d.id, resolved.id});
  });
  EXPECT_EQ(ticket(d.id).status, Status::assigned);  // nothing of it stayed
  EXPECT_MERGE_OUTCOME("validation",
                       [&] { desk->merges().merge(as(w.attendant), survivor.id, {survivor.id}); });
  EXPECT_MERGE_OUTCOME("validation",
                       [&] { desk->merges().merge(as(w.attendant), survivor.id, {}); });
  // The database analyst works none of SGSIS's tickets; the requester none at all.
  EXPECT_THROW(desk->merges().merge(as(w.analyst_dba), survivor.id, {d.id}), DomainError);
  EXPECT_THROW(desk->merges().merge(as(w.requester_seger), survivor.id, {d.id}), DomainError);
  // A merged ticket takes no duplicates of its own, and is not merged twice.
  desk->merges().merge(as(w.attendant), survivor.id, {d.id});
  const auto other = at_sgsis(w.manager_seger, "Outro");
  EXPECT_MERGE_OUTCOME("conflict",
                       [&] { desk->merges().merge(as(w.attendant), d.id, {other.id}); });
  EXPECT_MERGE_OUTCOME("conflict",
                       [&] { desk->merges().merge(as(w.attendant), other.id, {survivor.id}); });
}

TEST_P(TicketMergeTest, ASplitMessageBecomesALinkedRequestOfTheSameRequester) {
  const auto t = at_sgsis(w.requester_seger, "Acesso ao SIGEFES");
  desk->work().reply(as(w.requester_seger), t.id,
                     "Aproveitando: a impressora do 3º andar também parou.");
  desk->work().add_internal_note(as(w.analyst_sis), t.id, "Nota interna.");
  const auto events = desk->tickets().history(as(w.attendant), t.id);
  std::int64_t reply_seq = 0, note_seq = 0;
  for (const auto& e : events) {
    if (e.kind == EventKind::public_reply) reply_seq = e.seq;
    if (e.kind == EventKind::internal_note) note_seq = e.seq;
  }
  EXPECT_MERGE_OUTCOME("validation",
                       [&] { desk->merges().split(as(w.analyst_sis), t.id, note_seq); });
  const auto created =
      desk->merges().split(as(w.analyst_sis), t.id, reply_seq, "Impressora do 3º andar parada");
  EXPECT_EQ(created.requester_id, w.requester_seger.id);
  EXPECT_EQ(created.subject, "Impressora do 3º andar parada");
  EXPECT_THAT(created.description, HasSubstr("impressora do 3º andar"));
  EXPECT_EQ(created.registered_by, w.analyst_sis.id);
  EXPECT_THAT(links_of(t.id), ElementsAre("split_into:" + std::to_string(created.id)));
  EXPECT_THAT(links_of(created.id), ElementsAre("split_from:" + std::to_string(t.id)));
  // The requester gets the new protocol.
  EXPECT_THAT(sent_of(created.id), Contains("registration -> " + w.requester_seger.emails[0]));
  EXPECT_EQ(ticket(t.id).status, Status::assigned);
}

GUICHE_ON_BOTH_ENGINES(TicketMergeTest);

}  // namespace
}  // namespace guiche::testing

#undef EXPECT_MERGE_OUTCOME
