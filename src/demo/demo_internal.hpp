#pragma once
// Private to the demo loader: the world the demo builds (ids by readable
// key), the deterministic generator, Brazilian working hours and the
// timeline that replays sixty days of desk work through the use cases.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/desk.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/service.hpp"
#include "domain/ticket.hpp"
#include "domain/ticket_status.hpp"
#include "domain/time.hpp"
#include "domain/unit.hpp"

namespace guiche::demo {

// A fixed-seed splitmix64: unlike std distributions its output is the same on
// every standard library, so the demo data is identical on every run.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  int uniform(int lo, int hi);  // inclusive
  bool chance(double p);
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

// --- Working hours of the desk (demo_calendar.cpp)
// Brasília time has had no daylight saving since 2019, so a fixed UTC-3 is
// exact for the demo's sixty days; national fixed holidays are skipped.
bool is_working_day(std::chrono::sys_days local_day);
std::chrono::sys_days local_day_of(Instant t);
// The instant of a local wall-clock time on a local day.
Instant at_local(std::chrono::sys_days local_day, std::chrono::minutes since_midnight);
Instant snap_forward(Instant t);   // into working hours, never earlier
Instant snap_backward(Instant t);  // into working hours, never later
Instant add_working(Instant t, std::chrono::seconds d);
Instant sub_working(Instant t, std::chrono::seconds d);

// --- Actions in time order (demo_timeline.cpp)
class Timeline {
 public:
  void add(Instant at, std::string label, std::function<void()> action);
  // Runs every action in time order with the clock set to its instant, and
  // the nightly auto-close job at 03:00 of every day crossed; finally sets
  // the clock to `end` and runs the job once more.
  void run(ManualClock& clock, app::Desk& desk, Instant begin, Instant end);

 private:
  struct Entry {
    Instant at;
    std::size_t seq;
    std::string label;
    std::function<void()> action;
  };
  std::vector<Entry> entries_;
};

// A demo login, for the summary table.
struct DemoLogin {
  std::string login;
  std::string role;   // pt-BR
  std::string where;  // unit or organization
};

// What the loader has built so far, by readable keys.
struct World {
  World(app::Desk& d, ManualClock& c, Instant b, Instant e) : desk(d), clock(c), begin(b), end(e) {}

  app::Desk& desk;
  ManualClock& clock;
  Instant begin;  // the first instant of the demo history
  Instant end;    // "now": nothing happens after it
  Rng rng{0x6775696368652d31ULL};
  std::map<std::string, std::int64_t> units;          // by code
  std::map<std::string, Organization> organizations;  // by acronym
  std::map<std::string, Person> people;  // by login, or first.last for people without one
  std::map<std::string, std::vector<std::string>> workers;  // unit code -> people keys
  std::map<std::string, Service> services;                  // by code
  std::map<std::string, std::int64_t> components;           // status page, by name
  std::vector<DemoLogin> logins;
  std::vector<std::int64_t> ticket_ids;
  Timeline timeline;

  app::Actor as(const std::string& key, Channel channel = Channel::portal) const;
  std::int64_t person_id(const std::string& key) const;
  // Moves the clock a little, so directory records get distinct instants.
  void tick() { clock.advance(std::chrono::seconds(rng.uniform(20, 140))); }
};

// Calendars stored by create_calendars: Vitória's municipal one, and the
// federal executive's (national holidays plus its pontos facultativos).
inline constexpr const char* kVitoriaCalendar = "br-es-vitoria";
inline constexpr const char* kFederalCalendar = "br-federal";

// --- Building blocks, in the order load_demo_data calls them
void create_admin(World& w);           // demo_people.cpp
void create_calendars(World& w);       // demo_calendars.cpp
void create_units(World& w);           // demo_directory.cpp
void create_organizations(World& w);   // demo_directory.cpp
void create_people(World& w);          // demo_people.cpp
void create_authorizations(World& w);  // demo_authorizations.cpp
void create_services(World& w);        // demo_services.cpp
// A charter item before the unit ids exist.
struct DemoService {
  Service service;
  std::string unit_code;  // owning unit
};
// A charter item with the desk's common texts (who may use it for its
// audience, channels, cost, deadline table, stages, commitment) filled in.
Service charter_item(const char* code, const char* name, Audience audience, Category category);
FormField form_field(const char* key, const char* label, FieldType type, bool required,
                     std::vector<std::string> choices = {});
std::vector<DemoService> systems_services();  // demo_services_systems.cpp
std::vector<DemoService> support_services();  // demo_services_support.cpp
// Plans every story's steps on the timeline (demo_tickets.cpp); the steps
// record each ticket's id in World::ticket_ids when they run.
void schedule_tickets(World& w);
// After the timeline: the tickets that came by WhatsApp get their conversation.
void add_whatsapp_conversations(World& w);  // demo_whatsapp.cpp
// Equipment in custody for a few open tickets, on the timeline (demo_custody.cpp).
void schedule_equipment_custody(World& w);
// Manifestações to the ouvidoria in every state, on the timeline (demo_manifestations.cpp).
void schedule_manifestations(World& w);
// The status page's components, and its incidents and maintenance on the
// timeline (demo_incidents.cpp).
void create_status_components(World& w);
// The knowledge base's articles (demo_knowledge.cpp).
void create_knowledge_articles(World& w);
void schedule_incidents(World& w);
// Answer templates, solution templates and macros (demo_answers.cpp).
void create_answer_templates(World& w);

// --- The demo's people (demo_people_list.cpp)
enum class Access {
  none,          // no login: acts only in the demo history
  login,         // demo login with the shared password
  first_access,  // demo login that must change the password first
};

struct Grant {
  Role role;
  const char* unit;  // code, or nullptr for roles without a unit
};

struct PersonRow {
  const char* key;  // the login, when there is one
  const char* name;
  const char* organization;  // acronym, or nullptr
  const char* email;         // or nullptr
  bool mobile;               // mobile phone (requesters) vs. desk extension
  bool with_cpf;
  Access access;
  std::vector<Grant> roles;
  const char* role_label;  // for the login table
};

const std::vector<PersonRow>& people_rows();

// --- Ticket stories (demo_stories_*.cpp)
enum StoryFlag : unsigned {
  kAsk = 1u << 0,                // the analyst asks the requester something
  kThirdParty = 1u << 1,         // waits on a supplier on the way
  kReopenCycle = 1u << 2,        // reopened once, then resolved again
  kNoEvaluation = 1u << 3,       // the requester never answers the survey
  kUnassigned = 1u << 4,         // routed to the unit's queue, taken later
  kLinkPrevious = 1u << 5,       // related to the previous story's ticket
  kDuplicatePrevious = 1u << 6,  // duplicate of the previous story's ticket, cancelled
  kRequesterCancels = 1u << 7,   // the requester gives up before work starts
  kRefused = 1u << 8,            // client relations declines (non-client)
  kNoAnswer = 1u << 9,           // cancelled after the requester never answered
};

struct Story {
  const char* service;
  const char* requester;  // people key
  Channel channel;
  Status target;
  int impact;
  int urgency;
  unsigned flags;
  const char* subject;
  const char* description;
  const char* form;     // JSON answers
  double min_days = 0;  // window of the decisive step, days before now (0: by target)
  double max_days = 0;
};

std::vector<Story> systems_stories();
std::vector<Story> support_stories();

// One story being played: what its steps learn as they run.
struct TicketRun {
  const Story* story = nullptr;
  std::shared_ptr<TicketRun> previous;  // the story before, for links
  std::int64_t id = 0;
  std::string protocol;
  bool admitted = true;   // as the desk decided on registration
  std::string registrar;  // attendant who takes phone and e-mail requests
  std::string worker;     // who works it in the owning unit
  Instant first_at{};     // planned registration instant
};

struct PlannedStep {
  std::chrono::seconds gap;  // working time after the previous step
  std::string label;
  std::function<void()> act;
};

// The steps of one ticket; `anchor` is the step whose instant the story's
// window decides (the last one that makes the target status true).
struct TicketPlan {
  std::vector<PlannedStep> steps;
  std::size_t anchor = 0;
};

TicketPlan plan_ticket(World& w, const std::shared_ptr<TicketRun>& run);  // demo_ticket_flow.cpp

// --- What agents and requesters say, per service (demo_ticket_texts.cpp)
struct ServiceTexts {
  std::vector<std::string> questions;  // agent asks the requester
  std::vector<std::string> answers;    // the requester's reply
  std::vector<std::string> updates;    // agent's public progress note
  std::vector<std::string> notes;      // internal notes
  std::vector<std::string> waits;      // why it waits on a third party
  std::vector<std::string> resolutions;
  std::vector<std::string> reopen_reasons;
};
const ServiceTexts& texts_for(const std::string& service_code);
std::string evaluation_comment(int rating, Rng& rng);

}  // namespace guiche::demo
