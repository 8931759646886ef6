#pragma once
// The application layer: one entry point per use case. Every business rule
// and every authorization decision lives behind these methods; the CLI, the
// HTTP API and the mail gateway are thin faces over them.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/ticket_events_hub.hpp"
#include "domain/authorization.hpp"
#include "domain/organization.hpp"
#include "domain/service.hpp"
#include "domain/ticket.hpp"
#include "domain/ticket_event.hpp"
#include "domain/time.hpp"
#include "domain/unit.hpp"
#include "mail/templates.hpp"
#include "sla/business_calendar.hpp"
#include "sla/clock.hpp"
#include "sla/policy.hpp"
#include "store/attachment_blobs.hpp"
#include "store/attachment_rows.hpp"
#include "store/database.hpp"
#include "store/inbound_rows.hpp"
#include "store/outbox_rows.hpp"
#include "store/sla_rows.hpp"
#include "store/ticket_queries.hpp"

namespace guiche::app {

// What an e-mail answering a resolved ticket does (mail intake): ask to
// reopen it while the reopen window lasts, or register a new ticket linked
// to it. Once the ticket is closed, a new linked ticket either way.
enum class ReplyToClosed { reopen_request, new_linked_ticket };

struct DeskConfig {
  std::string data_dir = "data";
  std::chrono::days reopen_window{7};
  std::int64_t max_attachment_bytes = 25LL * 1024 * 1024;
  // Sniffed types accepted as attachments (prefix match on the MIME type). SVG
  // is left out on purpose: it can carry scripts.
  std::vector<std::string> attachment_types = {"image/png",
                                               "image/jpeg",
                                               "image/gif",
                                               "image/webp",
                                               "image/bmp",
                                               "image/tiff",
                                               "text/plain",
                                               "text/csv",
                                               "application/pdf",
                                               "application/zip",
                                               "application/vnd.openxmlformats-officedocument",
                                               "application/vnd.oasis.opendocument",
                                               "application/msword",
                                               "application/vnd.ms-excel",
                                               "application/vnd.ms-powerpoint",
                                               "message/rfc822",
                                               "application/json",
                                               "application/xml",
                                               "text/xml"};
  // Where the desk stands: decides the registration date and protocol year.
  std::string time_zone = "America/Sao_Paulo";
  std::chrono::hours session_lifetime{12};
  // How long a node may keep answering for a session, token or unit tree it
  // has read, without reading it again (see credential_cache.hpp). 0: never.
  std::chrono::milliseconds credential_cache_ttl{2000};
  // Several server nodes on one database (PostgreSQL): every committed ticket
  // change is also written to live_changes for the other nodes' live relays.
  // Off for a single node, which it would only cost (about 7 % of a SQLite
  // registration's throughput).
  bool share_live_changes = false;
  // The calendar SLA clocks run on unless a policy names the requester
  // organization's (a name CalendarBook knows).
  std::string calendar = "br";
  // Outgoing mail: who notices come from and where their links point.
  std::string mail_from_name = "Central de Serviços";
  std::string mail_from_address = "nao-responda@guiche.localhost";
  std::string public_url = "http://127.0.0.1:8080";
  // Mail intake (app/mail_intake.cpp): the service new e-mails are registered
  // under, the audience e-mail imposes (seed 000: only authorized requesters
  // of client organizations skip client relations), replies to resolved
  // tickets, the loop guard (notices to one address per hour, mail-triggered
  // ones beyond it are dropped) and the largest message accepted.
  std::string mail_service_code = "SUP-TEC";
  std::optional<Audience> mail_audience = Audience::authorized_requesters;
  ReplyToClosed mail_reply_to_closed = ReplyToClosed::reopen_request;
  int mail_notices_per_hour = 5;
  std::int64_t max_mail_bytes = 40LL * 1024 * 1024;
};

struct RegisterRequest {
  std::int64_t requester_id = 0;
  std::string service_code;
  std::string subject;
  std::string description;
  nlohmann::json form_answers = nlohmann::json::object();
  std::optional<Category> category;  // default: the service's
  int impact = 3;
  int urgency = 3;
  // A retry with the same key (per caller) returns the ticket the first
  // attempt registered instead of a second one.
  std::optional<std::string> idempotency_key;
  // Channels that cannot fill the service's form (e-mail) leave required
  // fields for the central to complete at triage.
  bool form_may_be_incomplete = false;
  // A stricter audience than the service's, imposed by the channel.
  std::optional<Audience> audience;
};

// What the mail intake did with one message.
struct MailReceipt {
  std::int64_t inbound_id = 0;
  // ticket_created, joined, reopen_requested, ignored_automatic, quarantined,
  // or duplicate (the message was received before: the first outcome stands).
  std::string outcome;
  std::optional<std::int64_t> ticket_id;
  std::string protocol;
  std::string detail;  // pt-BR
};

struct Triage {
  std::optional<std::string> service_code;
  std::optional<Category> category;
  std::optional<int> impact;
  std::optional<int> urgency;
  std::optional<Instant> agreed_deadline;  // projects
};

struct NewPerson {
  Person person;                                // id ignored
  std::optional<std::string> initial_password;  // must be changed on first access
};

struct AuthorizationRequest {
  std::int64_t organization_id = 0;
  std::int64_t person_id = 0;
  AuthorizationDocument document_type = AuthorizationDocument::oficio;
  std::string document_number;
  Date valid_from{};
  std::optional<Date> expires_on{};  // "válida até": the last day it holds
};

// What an admin's password reset did: the temporary password went by e-mail
// (the message body is erased once sent), or, for a person without an
// e-mail address, it is returned to be shown once to the admin.
struct PasswordReset {
  bool emailed = false;
  std::optional<std::string> temporary_password;  // only when not emailed
};

// A signed-in browser session: the id goes in a cookie, the CSRF token must
// be echoed in a header on every cookie-authenticated write.
struct SessionGrant {
  std::string session_id;
  std::string csrf_token;
  Person person;
  Instant expires_at{};
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string name;
  Instant created_at{};
  std::optional<Instant> revoked_at;
  std::string secret;  // only when just created; never stored
};

// A calendar an admin defines: a municipality's or an organization's own,
// inheriting from a built-in one or another stored one.
struct CalendarSpec {
  std::string name;    // lowercase letters, digits and hyphens, e.g. "br-es-vitoria"
  std::string parent;  // required: every chain ends in a built-in calendar
  std::optional<std::string> time_zone;    // IANA id; absent: the parent's
  std::optional<sla::WorkingWeek> week;    // absent: the parent's
  std::vector<sla::HolidayRule> holidays;  // added to the parent's
};

// A calendar as declared (its own parts) and as resolved.
struct CalendarView {
  std::string name;
  bool builtin = false;
  std::optional<std::string> parent;
  std::shared_ptr<const sla::CalendarDefinition> definition;
  std::shared_ptr<const sla::BusinessCalendar> resolved;
};

// One file of an upload, as the client named it.
struct NewAttachment {
  std::string filename;
  std::string bytes;
};

struct AttachmentContent {
  store::AttachmentRecord record;
  std::string bytes;
};

class Desk {
 public:
  Desk(store::Database& db, const Clock& clock, DeskConfig config);
  ~Desk();

  const DeskConfig& config() const { return config_; }
  store::Database& database() { return db_; }
  // The business calendars SLA clocks run on (built-in and stored).
  class CalendarBook& calendars() {
    return *calendars_;
  }

  // --- who is calling
  Actor actor(std::int64_t person_id, Channel channel = Channel::portal);
  std::optional<Person> authenticate(const std::string& login, const std::string& password);
  void change_password(const Actor& a, const std::string& current, const std::string& next);

  // --- sessions and API tokens (app/sessions.cpp)
  // Throws unauthenticated for a wrong login or password, rate_limited after
  // repeated failures for the same login or from the same address.
  SessionGrant sign_in(const std::string& login, const std::string& password,
                       const std::string& address);
  void sign_out(const std::string& session_id);
  // The session's person and CSRF token, or nullopt if unknown or expired.
  std::optional<std::pair<Actor, std::string>> session(const std::string& session_id);
  ApiToken create_api_token(const Actor& a, std::int64_t person_id, const std::string& name);
  void revoke_api_token(const Actor& a, std::int64_t token_id);
  std::vector<ApiToken> api_tokens(const Actor& a, std::int64_t person_id);
  std::optional<Actor> token_actor(const std::string& secret);

  // --- intake
  Ticket register_request(const Actor& a, const RegisterRequest& r);

  // --- mail intake (app/mail_intake.cpp, app/mail_quarantine.cpp)
  // One raw RFC 5322 message from the mail gateway (an attendant's token:
  // the central de serviços receives the desk's e-mail, seed 000) or from the
  // server's own IMAP poller. Never throws for what the message says: what
  // cannot be handled is quarantined. Throws only for an empty or too large
  // message and for storage failures (the caller retries).
  MailReceipt receive_mail(const Actor& gateway, const std::string& raw, const std::string& source);
  MailReceipt receive_polled_mail(const std::string& raw, const std::string& source);
  // Attendants, client relations and admins work the quarantine.
  std::vector<store::QuarantineRecord> mail_quarantine(const Actor& a, const std::string& state,
                                                       std::optional<std::int64_t> before_id,
                                                       int limit);
  store::QuarantineRecord quarantined_mail(const Actor& a, std::int64_t id);
  std::string quarantined_raw(const Actor& a, std::int64_t id);
  // The kept message's readable text (control characters removed), "" when
  // it cannot be read: hostile input, for escaped display only.
  std::string quarantined_text(const Actor& a, std::int64_t id);
  // Whether `a` works the quarantine (to offer it in menus).
  bool may_work_mail_quarantine(const Actor& a) const;
  // Runs the intake again on the kept message (after a parser fix, or once
  // the sender is registered); resolved unless quarantined again.
  MailReceipt retry_quarantined(const Actor& a, std::int64_t id);
  // Registers the kept message as a request of `requester_id` for
  // `service_code`, the whole message attached; resolves the entry.
  Ticket ticket_from_quarantine(const Actor& a, std::int64_t id, std::int64_t requester_id,
                                const std::string& service_code);

  // --- agent work
  Ticket triage(const Actor& a, std::int64_t ticket_id, const Triage& t);
  Ticket route(const Actor& a, std::int64_t ticket_id, std::int64_t unit_id,
               std::optional<std::int64_t> assignee_id, const std::string& note = "");
  // Anyone who works the ticket may take it or let it go; giving it to
  // someone else needs may_assign_others.
  Ticket assign(const Actor& a, std::int64_t ticket_id, std::optional<std::int64_t> assignee_id);
  // May `a` give tickets of `unit_id` to another member of the unit?
  bool may_assign_others(const Actor& a, std::int64_t unit_id);
  Ticket change_status(const Actor& a, std::int64_t ticket_id, Status to,
                       const std::string& reason = "");
  // A public reply. From an agent with asks_requester, the ticket waits on the
  // requester (clock paused); the requester's reply to such a ticket resumes it.
  Ticket reply(const Actor& a, std::int64_t ticket_id, const std::string& text,
               bool asks_requester = false);
  Ticket add_internal_note(const Actor& a, std::int64_t ticket_id, const std::string& text);
  Ticket log_time(const Actor& a, std::int64_t ticket_id, int minutes, const std::string& note);
  Ticket resolve(const Actor& a, std::int64_t ticket_id, const std::string& resolution,
                 int time_spent_minutes);
  Ticket cancel(const Actor& a, std::int64_t ticket_id, const std::string& reason);
  Ticket link(const Actor& a, std::int64_t ticket_id, std::int64_t other_id,
              const std::string& kind);

  // --- requester after resolution
  Ticket evaluate(const Actor& a, std::int64_t ticket_id, int rating, const std::string& comment);
  Ticket reopen(const Actor& a, std::int64_t ticket_id, const std::string& reason);
  // Closes resolved tickets whose reopen window has ended; returns how many.
  int close_expired_resolutions();

  // --- SLA (app/sla_clocks.cpp)
  // The ticket's SLA timeline, explained; same visibility as the ticket.
  sla::SlaTimeline ticket_sla(const Actor& a, std::int64_t ticket_id);
  // What each cached target says (for the queues and the ticket summary).
  std::vector<store::TicketSlaRow> ticket_sla_summary(const Actor& a, std::int64_t ticket_id);
  // The ticket and its cached clocks, read together in one snapshot.
  std::pair<Ticket, std::vector<store::TicketSlaRow>> ticket_with_sla(const Actor& a,
                                                                      std::int64_t ticket_id);
  // Agents read it; only admins change it (which recomputes every clock).
  sla::SlaConfiguration sla_configuration(const Actor& a);
  sla::SlaConfiguration update_sla_configuration(const Actor& a, const nlohmann::json& document);
  // Recomputes the cached clock of every ticket not closed or cancelled; call
  // after the SLA configuration or a calendar changes. Returns how many.
  int recompute_sla_clocks();
  // Records the SLA warnings and breaches that are due (one sla_warning event
  // per target, level and ticket, ever); returns how many were recorded.
  int record_sla_warnings();

  // --- attachments
  store::AttachmentRecord attach(const Actor& a, std::int64_t ticket_id,
                                 const std::string& filename, const std::string& bytes,
                                 bool is_public = true);
  // Several files of one upload: all are stored, or (any of them refused) none.
  std::vector<store::AttachmentRecord> attach_all(const Actor& a, std::int64_t ticket_id,
                                                  const std::vector<NewAttachment>& files,
                                                  bool is_public = true);
  AttachmentContent read_attachment(const Actor& a, std::int64_t attachment_id);
  std::vector<store::AttachmentRecord> attachments(const Actor& a, std::int64_t ticket_id);

  // --- reading
  Ticket ticket(const Actor& a, std::int64_t ticket_id);
  Ticket ticket_by_protocol(const Actor& a, const std::string& protocol);
  // Requesters see public events only.
  std::vector<TicketEvent> history(const Actor& a, std::int64_t ticket_id);
  // Queues, filters and full-text search, within what the caller may see.
  store::TicketPage list_tickets(const Actor& a, const store::TicketFilter& filter);

  // --- live updates (app/ticket_following.cpp): listeners hear of changes
  // after they commit, until unfollow(); visibility is decided at follow time.
  // The changes of every ticket `a` may list (the agent's queues).
  std::uint64_t follow_queues(const Actor& a, TicketEventsHub::Listener listener);
  // The changes of one ticket `a` may see; requesters hear only of public
  // ones. Throws like ticket_by_protocol.
  std::uint64_t follow_ticket(const Actor& a, const std::string& protocol,
                              TicketEventsHub::Listener listener);
  void unfollow(std::uint64_t subscription);
  TicketEventsHub& ticket_events() { return *events_; }
  // Outbound webhook subscriptions and their delivery log (app/webhooks/webhooks.hpp).
  class Webhooks& webhooks() {
    return *webhooks_;
  }
  // Several nodes on one database (app/live_changes.cpp): every node writes
  // its committed changes to live_changes too; a relay on each node calls
  // this to publish, on its own hub, the changes other nodes committed since
  // `cursor`. Returns how many it published.
  std::size_t relay_live_changes(class LiveCursor& cursor);
  // Deletes shared changes older than `age` (every relay has read them).
  void prune_live_changes(std::chrono::milliseconds age);

  // --- directory
  Organization create_organization(const Actor& a, const Organization& o);
  Organization update_organization(const Actor& a, const Organization& o);
  std::vector<Organization> organizations(const Actor& a);
  Unit create_unit(const Actor& a, const Unit& u);
  // Admins change a unit's code, name, parent, kind or activity; a unit with
  // tickets not yet closed or cancelled cannot be deactivated.
  Unit update_unit(const Actor& a, const Unit& u);
  std::vector<Unit> units();
  // app/directory_reads.cpp: single reads and lists that check the caller.
  Organization organization(const Actor& a, std::int64_t organization_id);
  std::vector<Unit> units(const Actor& a);
  std::vector<Category> categories(const Actor& a);
  // The people who may be given tickets of `unit_id` (its analysts,
  // attendants and client relations, the managers of it or of a unit above
  // it), by name. Staff only.
  std::vector<Person> unit_members(const Actor& a, std::int64_t unit_id);
  Person create_person(const Actor& a, const NewPerson& p);
  Person update_person(const Actor& a, const Person& p);
  Person person(const Actor& a, std::int64_t person_id);
  // Admins only (app/password_reset.cpp): a generated temporary password the
  // person must change at the next sign-in; their sessions end.
  PasswordReset reset_password(const Actor& a, std::int64_t person_id);
  std::vector<Person> find_people(const Actor& a, const std::string& text);
  Service create_service(const Actor& a, const Service& s);
  Service update_service(const Actor& a, const Service& s);
  std::vector<Service> services(const Actor& a);
  Service service_by_code(const Actor& a, const std::string& code);

  // --- business calendars (app/calendars.cpp): staff read, admins change,
  // anyone lists a year's holidays (they are public).
  std::vector<CalendarView> calendars(const Actor& a);
  CalendarView calendar(const Actor& a, const std::string& name);
  // Creates or replaces a stored calendar; built-in ones cannot be replaced.
  CalendarView save_calendar(const Actor& a, const CalendarSpec& spec);
  // Replaces, atomically, the closures (pontos facultativos) of `calendar` in
  // `year` with `days`; returns them in date order. Errors name items[i].field.
  std::vector<sla::DatedClosure> load_optional_days(const Actor& a, const std::string& calendar,
                                                    int year, std::vector<sla::DatedClosure> days);
  // Holidays and closures of `year`, whole or partial, weekends included.
  std::vector<sla::ClosedDay> calendar_holidays(const std::string& calendar, int year);

  // --- authorized requesters (seed 000)
  AuthorizedRequester authorize_requester(const Actor& a, const AuthorizationRequest& r);
  AuthorizedRequester decide_authorization(const Actor& a, std::int64_t id, bool approve);
  // The reason is required and kept in the history.
  AuthorizedRequester revoke_authorization(const Actor& a, std::int64_t id, Date last_day,
                                           const std::string& reason);
  std::vector<AuthorizedRequester> authorizations(const Actor& a, std::int64_t organization_id);

  // --- outbox and message templates (app/outbox_admin.cpp): admins only.
  // Newest first; `status` empty or one of pending, sending, sent, failed.
  std::vector<store::OutboxMessage> outbox(const Actor& a, const std::string& status,
                                           std::optional<std::int64_t> before_id, int limit);
  // A failed (or waiting) message goes out again now, with a fresh count of attempts.
  store::OutboxMessage retry_outbox(const Actor& a, std::int64_t id);
  // The template in force (the admin's override or the shipped default).
  struct TemplateView {
    mail::Template value;
    bool is_default = true;
    std::optional<Instant> updated_at;
  };
  TemplateView message_template(const Actor& a, const std::string& key);
  TemplateView save_message_template(const Actor& a, const mail::Template& t);

  // --- maintenance
  // Creates a person with a login outside any session (the CLI's create-user).
  Person bootstrap_user(const std::string& name, const std::string& login,
                        const std::string& password, std::vector<RoleGrant> roles);
  // Re-derives every ticket row and search entry from the events; returns
  // how many rows differed from what the events say.
  int rebuild_tickets();

  // The desk's clock: pages measure remaining times against it.
  Instant now() const { return clock_.now(); }
  // The civil date at the desk for an instant (registration date, protocol year).
  Date local_date(Instant t) const;

 private:
  // An event a use case decided on, before it is stamped and applied.
  struct Draft {
    EventKind kind;
    nlohmann::json data = nlohmann::json::object();
    bool is_public = true;
  };
  using Decide = std::function<std::vector<Draft>(store::Connection&, const Ticket&,
                                                  const std::vector<Unit>&)>;
  Ticket mutate_ticket(const Actor& a, std::int64_t ticket_id, const Decide& decide);
  // The internal "linked" event that points at `other` (links name tickets
  // of any organization, so they are never public).
  static Draft link_draft(const Ticket& other, const std::string& kind);
  // Stamps the drafts as events of `ticket`, applies and stores them.
  void record(store::Connection& c, Ticket& ticket, std::vector<Draft> drafts, const Actor& a,
              Instant now);
  void require_active(const Actor& a) const;
  // One write transaction that changes tickets: once it has committed, the
  // hub hears of every change record() and register_in() noted in it.
  void write_tickets(const std::function<void(store::Connection&)>& fn);
  static void note_change(const Ticket& ticket, std::optional<std::int64_t> unit_before,
                          bool is_public);
  void share_live_changes(store::Connection& c, const std::vector<TicketChange>& changes);
  // Writes the notices `events` cause into the outbox, in the caller's
  // transaction (app/notifications.cpp). Never to the actor of the change.
  void notify(store::Connection& c, const Ticket& ticket, const std::vector<TicketEvent>& events,
              const Actor& a, Instant now);
  // Renders template `key` for `to` and enqueues it.
  void enqueue_notice(store::Connection& c, const std::string& key, const Person& to,
                      std::optional<std::int64_t> ticket_id, nlohmann::json values, Instant now);
  // The unit tree for access decisions in reads, from the cache when fresh.
  std::shared_ptr<const std::vector<Unit>> unit_tree(store::Connection& c);
  // The ticket if it exists and `a` may see it (reads share this one check).
  std::optional<Ticket> visible_ticket(store::Connection& c, const Actor& a,
                                       std::int64_t ticket_id);
  // People, roles, tokens or units changed: forget what the cache holds.
  void directory_changed();
  // Every change to stored calendars ends here, after its commit.
  void on_calendars_changed();
  // Throws a 422 on `field` unless `name` is a calendar the desk knows.
  void require_known_calendar(const std::string& name, const char* field);
  // The SLA configuration in force (the defaults until an admin saves one).
  sla::SlaConfiguration sla_config(store::Connection& c) const;
  sla::SlaTimeline sla_timeline(store::Connection& c, const sla::SlaConfiguration& config,
                                const std::vector<TicketEvent>& events, Instant now, bool explain);
  // Recomputes the ticket's clock from its events and caches it in ticket_sla.
  void refresh_sla(store::Connection& c, std::int64_t ticket_id, Instant now);
  void cache_sla(store::Connection& c, std::int64_t ticket_id, const sla::SlaTimeline& timeline,
                 const std::vector<TicketEvent>& events);
  // The mail intake's steps (app/mail_intake.cpp); `retry_of` re-runs a kept message.
  MailReceipt intake(const std::string& raw, const std::string& source,
                     std::optional<std::int64_t> retry_of, std::int64_t retried_by = 0);
  MailReceipt apply_mail(store::Connection& c, const struct MailInput& mail,
                         store::InboundRecord& inbound, Instant now);
  Ticket register_in(store::Connection& c, const Actor& a, const RegisterRequest& r,
                     const std::string& subject, const std::string& description, Instant now,
                     Date today);

  store::Database& db_;
  const Clock& clock_;
  DeskConfig config_;
  std::unique_ptr<store::AttachmentBlobs> blobs_;
  std::unique_ptr<class LoginThrottle> throttle_;
  std::unique_ptr<class CalendarBook> calendars_;
  std::unique_ptr<class CredentialCache> credentials_;
  std::unique_ptr<TicketEventsHub> events_;
  std::unique_ptr<class Webhooks> webhooks_;
  // Tells this process's rows in live_changes from other nodes'.
  std::string node_id_;
};

}  // namespace guiche::app
