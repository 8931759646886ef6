// The event log is the truth: every ticket row can be re-derived from it.
#include "app/attachments/attachments.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class RebuildTest : public DeskTest {
 protected:
  std::vector<std::vector<store::Value>> ticket_rows() {
    std::vector<std::vector<store::Value>> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& r : c.query("SELECT * FROM tickets ORDER BY id")) {
        std::vector<store::Value> cells;
        for (std::size_t i = 0; i < r.size(); ++i) cells.push_back(r.at(i));
        out.push_back(std::move(cells));
      }
    });
    return out;
  }

  // Tickets in many states, with every kind of event.
  void make_history() {
    const auto attendant = as(w.attendant);
    const auto analyst = as(w.analyst_sis);
    Ticket a = register_sis(w.requester_seger, "Primeiro");
    Ticket b = register_sis(w.requester_sesa, "Segundo");
    register_sis(w.requester_viana, "Terceiro, de não cliente");
    desk->work().triage(attendant, a.id, {std::nullopt, Category::incident, 1, 2, std::nullopt});
    desk->work().route(attendant, a.id, w.sgsis.id, w.analyst_sis.id);
    desk->work().reply(analyst, a.id, "Pode detalhar?", true);
    desk->work().reply(as(w.requester_seger), a.id, "Detalhes aqui.");
    desk->work().add_internal_note(analyst, a.id, "Nota interna");
    desk->work().log_time(analyst, a.id, 15, "Análise");
    desk->attachments().attach(as(w.requester_seger), a.id, "erro.txt",
                               "ERRO 500 ao salvar o empenho\n");
    desk->work().resolve(analyst, a.id, "Resolvido", 30);
    desk->work().evaluate(as(w.requester_seger), a.id, 5, "Ótimo");
    desk->work().link(attendant, a.id, b.id, "related");
    desk->work().cancel(attendant, b.id, "Duplicado");
  }
};

TEST_P(RebuildTest, RebuildingFromEventsReproducesEveryRow) {
  make_history();
  const auto before = ticket_rows();
  EXPECT_EQ(desk->work().rebuild_tickets().differing, 0);
  EXPECT_EQ(ticket_rows(), before);
}

TEST_P(RebuildTest, RebuildRepairsARowThatDriftedFromItsEvents) {
  make_history();
  const auto before = ticket_rows();
  database->db().write([](store::Connection& c) {
    c.query("UPDATE tickets SET status = 'new', subject = 'corrompido', time_spent_minutes = 0");
  });
  // In batches (two tickets per write transaction here), reporting each.
  std::vector<std::pair<std::int64_t, std::int64_t>> seen;
  const auto done =
      desk->work().rebuild_tickets([&](const auto& p) { seen.emplace_back(p.done, p.total); }, 2);
  EXPECT_EQ(done.differing, 3);
  EXPECT_EQ(done.done, 3);
  EXPECT_EQ(seen, (std::vector<std::pair<std::int64_t, std::int64_t>>{{2, 3}, {3, 3}}));
  EXPECT_EQ(ticket_rows(), before);
  // The search index is rebuilt too: the real subject is findable again.
  store::TicketFilter f;
  f.text = "primeiro";
  EXPECT_EQ(desk->tickets().list_tickets(as(w.attendant), f).tickets.size(), 1u);
}

GUICHE_ON_BOTH_ENGINES(RebuildTest);

}  // namespace
}  // namespace guiche::testing
