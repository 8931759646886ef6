#pragma once
// Manifestações (Lei 13.460/2017; Decreto 9.492/2018; issue 14 item 3):
// anyone registers one, signed in or not, and follows it by its protocol and
// follow-up code; the ouvidoria (Role::ombudsman) works its queue: asks once
// for a complement (the clock waits), extends once with a reason, answers,
// archives what was never complemented, links tickets. The rules are
// domain/manifestations/manifestation_rules.hpp; the author hears of each
// step by e-mail when that is the channel chosen.
//
// Who sees the identity: the author's own tracking, and the ouvidoria. Staff
// who can see a ticket linked to a manifestação read it too, but never the
// identity of a confidential one (manifestation_views.cpp).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/manifestations/manifestation.hpp"
#include "domain/manifestations/manifestation_rules.hpp"
#include "domain/manifestations/manifestation_settings.hpp"
#include "store/manifestation_rows.hpp"

namespace guiche::app {

class Notices;

// As the form and the API send it: codes, and text as typed.
struct ManifestationForm {
  std::string kind;            // manifestation_kind_code
  std::string identification;  // identification_code
  std::string answer_channel;  // answer_channel_code; "" picks e-mail when there is one
  std::string service_code;    // "" for the unit in general
  std::string subject;
  std::string description;
  std::string name;
  std::string email;
  std::string phone;
  std::string cpf;
};

struct RegisteredManifestation {
  Manifestation manifestation;
  // Shown once, on the receipt (and in the e-mail receipt); only its hash is kept.
  std::string tracking_code;
};

// A manifestação as the one reading it may see it.
struct ManifestationView {
  Manifestation manifestation;
  std::vector<ManifestationEvent> events;
  std::vector<store::LinkedTicket> tickets;  // the ouvidoria's and staff's reading only
  DueStanding standing = DueStanding::on_time;
  std::optional<Date> complement_due_on;  // while awaiting a complement
  bool complement_window_over = false;
  bool may_work = false;  // the ouvidoria reads it
};

class Manifestations {
 public:
  Manifestations(DeskContext& context, Notices& notices) : ctx_(context), notices_(notices) {}

  // Anyone. When `a` is signed in, an identified or confidential one is theirs.
  RegisteredManifestation register_manifestation(const std::optional<Actor>& a,
                                                 const ManifestationForm& f);
  // By protocol and code, without an account: an unknown protocol and a wrong
  // code get the same not_found; failures from `address` are throttled.
  ManifestationView track(const std::string& protocol, const std::string& code,
                          const std::string& address);
  // The author's complement, by protocol and code.
  ManifestationView complement(const std::string& protocol, const std::string& code,
                               const std::string& text, const std::string& address);

  // The ouvidoria's queue: the running ones by due date.
  std::vector<ManifestationView> queue(const Actor& a, int limit,
                                       const std::optional<store::QueueCursor>& after);
  // Every one, newest first.
  std::vector<ManifestationView> recent(const Actor& a, int limit,
                                        std::optional<std::int64_t> before);
  ManifestationView read(const Actor& a, std::int64_t id);
  // Those linked to a ticket `a` can see, for its page.
  std::vector<ManifestationView> of_ticket(const Actor& a, std::int64_t ticket_id);

  ManifestationView request_complement(const Actor& a, std::int64_t id,
                                       const std::string& question);
  ManifestationView extend(const Actor& a, std::int64_t id, const std::string& reason);
  ManifestationView answer(const Actor& a, std::int64_t id, const std::string& text);
  ManifestationView archive(const Actor& a, std::int64_t id);
  // By the ticket's protocol, as the ouvidoria reads it in the manifestação.
  ManifestationView link_ticket(const Actor& a, std::int64_t id, const std::string& protocol);

  // Tells the ouvidoria, once per due date and stage, of each open
  // manifestação due within the warning days and of each overdue one (by
  // e-mail, as the SLA warnings tell a unit); returns how many were warned.
  // Run by the housekeeping loop.
  int warn_deadlines();

  ManifestationSettings settings();
  // Admins only.
  ManifestationSettings update_settings(const Actor& a, const ManifestationSettings& s);

 private:
  struct Change;
  // Loads `id` for the ouvidoria, checks `action` against the rules, lets
  // `fn` change it, records the event and the notice, and returns the view.
  ManifestationView change(const Actor& a, std::int64_t id, ManifestationAction action,
                           const std::function<void(Change&)>& fn);
  // The manifestação a protocol and code open, or the one not_found.
  store::TrackedManifestation tracked(store::Connection& c, const std::string& protocol,
                                      const std::string& code);
  // Refuses while `address` or the protocol failed too often; the throttle's key.
  std::string throttle(const std::string& protocol, const std::string& address);
  ManifestationView view_of(store::Connection& c, Manifestation m, bool ouvidoria, bool author,
                            const ManifestationSettings& s);
  void recompute_due(Manifestation& m, const ManifestationSettings& s);
  // When the complement asked for is due, and whether that day has passed
  // while still awaited.
  static std::pair<Date, bool> complement_due(const Manifestation& m,
                                              const ManifestationSettings& s, Date today);
  void notify(store::Connection& c, const Manifestation& m, const std::string& key,
              nlohmann::json values);
  std::string tracking_url() const;

  DeskContext& ctx_;
  Notices& notices_;
};

// Whether `p` works the ouvidoria.
bool is_ombudsman(const Person& p);

}  // namespace guiche::app
