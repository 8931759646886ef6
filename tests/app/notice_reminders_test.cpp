// The desk's own reminders (app/incidents/notice_reminders.hpp), driven with
// the test clock on both engines: a maintenance reminder goes to every client
// organization's contacts once inside the window before it starts, again
// after a (published) reschedule, never for a cancelled one; a confirmed
// incident with no published message for the configured time reminds ASCOM
// alone, once per quiet period; two nodes running it at once send it once.
#include <gmock/gmock.h>

#include <thread>

#include "app/expect_error.hpp"
#include "app/incidents/notice_reminders.hpp"
#include "store/outbox_rows.hpp"
#include "support/incident_world.hpp"

namespace guiche::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class NoticeRemindersTest : public IncidentTest {
 protected:
  // "key -> address" of the reminders in the outbox, oldest first.
  std::vector<std::string> reminders() {
    std::vector<std::string> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::list_messages(c, "pending", std::nullopt, 500)) {
        if (m.template_key.find("reminder") == std::string::npos) continue;
        out.push_back(m.template_key + " -> " + m.recipient_address);
      }
    });
    std::reverse(out.begin(), out.end());
    return out;
  }
  std::string reminder_text(const std::string& key) {
    std::string text;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::list_messages(c, "pending", std::nullopt, 500)) {
        if (m.template_key == key) text = m.subject + "\n" + m.text_body;
      }
    });
    return text;
  }
  app::ReminderRound run() { return desk->notice_reminders().send_due(clock.now()); }
  int sent_now() {
    const auto r = run();
    return r.maintenance + r.incident;
  }
  // ASCOM schedules (published at once) a maintenance starting `in` from now.
  std::int64_t schedule_in(minutes in) {
    app::ScheduleMaintenance s;
    s.component_ids = {network.id};
    s.impact = "o acesso à internet";
    s.starts_at = clock.now() + in;
    s.ends_at = clock.now() + in + hours(2);
    return desk->status_notices().schedule_maintenance(as(ascom), s).notice.id;
  }
  app::NoticeView reschedule_in(const Person& by, std::int64_t id, hours in) {
    app::NoticeStep s;
    s.action = NoticeAction::reschedule;
    s.starts_at = clock.now() + in;
    s.ends_at = clock.now() + in + hours(2);
    return desk->status_notices().act(as(by), id, s);
  }
  // A SIGEFES incident confirmed in general by its team and published by ASCOM.
  std::int64_t confirmed_incident() {
    const auto id = report_sigefes(w.analyst_sis).notice.id;
    step(w.analyst_sis, id, NoticeAction::confirm_general);
    step(ascom, id, NoticeAction::publish);
    return id;
  }
  int reminder_events(std::int64_t id) {
    int n = 0;
    for (const auto& e : desk->status_notices().notice(as(ascom), id).events) {
      n += e.action == NoticeAction::remind;
    }
    return n;
  }
};

TEST_P(NoticeRemindersTest, AMaintenanceIsRemindedOnceInsideTheWindowBeforeItStarts) {
  const auto id = schedule_in(hours(72));
  EXPECT_EQ(sent_now(), 0) << "starts in 72 h: not yet";
  clock.advance(hours(47) + minutes(59));
  EXPECT_EQ(sent_now(), 0) << "24 h and a minute before: not yet";
  clock.advance(minutes(1));
  EXPECT_EQ(run().maintenance, 1);
  // The same people as the maintenance notice itself: every client organization's contacts.
  EXPECT_THAT(reminders(), UnorderedElementsAre("maintenance_reminder -> otavio@seger.es.gov.br",
                                                "maintenance_reminder -> sergio@saude.es.gov.br"));
  const auto text = reminder_text("maintenance_reminder");
  EXPECT_THAT(text, HasSubstr("Central de Serviços Informa: Lembrete de Manutenção Programada"));
  // Monday 2026-03-02 09:00 in Vitória + 72 h.
  EXPECT_THAT(text, HasSubstr("lembramos que o Rede Metropolitana passará por manutenção "
                              "programada no dia 05/03/2026, das 09:00 às 11:00"));
  // On the timeline, published like the notice's other messages.
  const auto v = desk->status_notices().notice(as(ascom), id);
  const auto& e = v.events.back();
  EXPECT_EQ(e.action, NoticeAction::remind);
  ASSERT_TRUE(e.message);
  EXPECT_EQ(e.message->key, "maintenance_reminder");
  EXPECT_TRUE(e.published_at);
  EXPECT_FALSE(v.has_drafts);

  EXPECT_EQ(sent_now(), 0) << "once";
  clock.advance(hours(12));
  EXPECT_EQ(sent_now(), 0) << "still once";
  EXPECT_EQ(reminders().size(), 2u);
  EXPECT_EQ(reminder_events(id), 1);
}

TEST_P(NoticeRemindersTest, ARescheduleStartsANewWindowOnceItIsPublished) {
  const auto id = schedule_in(hours(30));
  clock.advance(hours(7));
  EXPECT_EQ(sent_now(), 1);
  // The team moves it two days on: a draft the audience has not heard of yet.
  reschedule_in(w.analyst_dba, id, hours(48));
  clock.advance(hours(25));
  EXPECT_EQ(sent_now(), 0) << "the new time is not public";
  step(ascom, id, NoticeAction::publish);
  EXPECT_EQ(sent_now(), 0) << "published inside the window: the announcement reminds";
  reschedule_in(w.analyst_dba, id, hours(48));
  step(ascom, id, NoticeAction::publish);  // well before the new window
  clock.advance(hours(24));
  EXPECT_EQ(run().maintenance, 1);
  EXPECT_EQ(sent_now(), 0);
  EXPECT_EQ(reminder_events(id), 2);
  EXPECT_EQ(reminders().size(), 4u);
}

TEST_P(NoticeRemindersTest, NoReminderForACancelledStartedOrPastMaintenance) {
  const auto cancelled = schedule_in(hours(30));
  step(w.analyst_dba, cancelled, NoticeAction::cancel);
  const auto started = schedule_in(hours(30));
  schedule_in(hours(30) + minutes(30));  // missed: the desk was down through its window
  clock.advance(hours(7));
  step(w.analyst_dba, started, NoticeAction::start);
  clock.advance(hours(23) + minutes(45));
  EXPECT_EQ(sent_now(), 0);
  EXPECT_THAT(reminders(), ElementsAre());
}

TEST_P(NoticeRemindersTest, AQuietIncidentRemindsAscomAloneOncePerQuietPeriod) {
  const auto id = confirmed_incident();
  clock.advance(hours(1) + minutes(59));
  EXPECT_EQ(sent_now(), 0);
  clock.advance(minutes(1));
  EXPECT_EQ(run().incident, 1);
  EXPECT_THAT(reminders(), ElementsAre("incident_update_reminder -> amanda@prodest.es.gov.br"));
  const auto text = reminder_text("incident_update_reminder");
  EXPECT_THAT(text, HasSubstr("Lembrete: publique uma atualização sobre o SIGEFES"));
  EXPECT_THAT(text, HasSubstr("sem mensagem publicada desde 02/03/2026 às 09:00"));
  // On the timeline without a message: nothing of it is public, nothing to publish.
  const auto v = desk->status_notices().notice(as(ascom), id);
  EXPECT_EQ(v.events.back().action, NoticeAction::remind);
  EXPECT_FALSE(v.events.back().message);
  EXPECT_FALSE(v.has_drafts);

  clock.advance(hours(3));
  EXPECT_EQ(sent_now(), 0) << "once per quiet period";
  // A published update starts a new one.
  step(ascom, id, NoticeAction::update);
  clock.advance(hours(2));
  EXPECT_EQ(run().incident, 1);
  EXPECT_EQ(reminders().size(), 2u);
  EXPECT_EQ(reminder_events(id), 2);
}

TEST_P(NoticeRemindersTest, AnUnpublishedUpdateDoesNotResetTheQuietPeriod) {
  const auto id = confirmed_incident();
  clock.advance(hours(1));
  step(w.analyst_sis, id, NoticeAction::update);  // the team's draft
  clock.advance(hours(1));
  EXPECT_EQ(run().incident, 1);
}

TEST_P(NoticeRemindersTest, NoReminderForIncidentsNotConfirmedOrRestored) {
  report_sigefes(w.analyst_sis);  // reported only
  const auto not_confirmed = report_sigefes(w.analyst_sis).notice.id;
  step(w.analyst_sis, not_confirmed, NoticeAction::not_confirm);
  const auto restored = confirmed_incident();
  step(w.analyst_sis, restored, NoticeAction::restore);
  clock.advance(hours(5));
  EXPECT_EQ(sent_now(), 0);
  EXPECT_THAT(reminders(), ElementsAre());
}

TEST_P(NoticeRemindersTest, ZeroTurnsEachReminderOff) {
  schedule_in(hours(30));
  confirmed_incident();
  auto config = desk->config();
  config.maintenance_reminder_before = minutes(0);
  config.incident_update_reminder = minutes(0);
  app::Desk off(database->db(), clock, config);
  clock.advance(hours(7));
  const auto r = off.notice_reminders().send_due(clock.now());
  EXPECT_EQ(r.maintenance + r.incident, 0);
  EXPECT_EQ(sent_now(), 2) << "the desk with the defaults sends both";
}

TEST_P(NoticeRemindersTest, TwoNodesAtOnceSendEachReminderOnce) {
  schedule_in(hours(30));
  confirmed_incident();
  clock.advance(hours(7));
  app::Desk other(database->db(), clock, desk->config());
  app::ReminderRound a, b;
  std::thread first([&] { a = desk->notice_reminders().send_due(clock.now()); });
  std::thread second([&] { b = other.notice_reminders().send_due(clock.now()); });
  first.join();
  second.join();
  EXPECT_EQ(a.maintenance + b.maintenance, 1);
  EXPECT_EQ(a.incident + b.incident, 1);
  EXPECT_EQ(reminders().size(), 3u);  // two client contacts and ASCOM
}

GUICHE_ON_BOTH_ENGINES(NoticeRemindersTest);

}  // namespace
}  // namespace guiche::testing
