#include "app/personal_data/personal_data.hpp"

#include "app/directory/directory.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "app/personal_data/personal_data_archive.hpp"
#include "domain/error.hpp"
#include "observability/log.hpp"
#include "store/person_rows.hpp"
#include "store/personal_data_export_rows.hpp"

namespace guiche::app {
namespace {

// How many people one call of the retention rule looks at (housekeeping calls
// it each minute): a few milliseconds of reading, whatever the desk's size.
constexpr int kRetentionWindow = 2000;

bool holds_only_requester_roles(const Person& p) {
  for (const auto& g : p.roles) {
    if (g.role != Role::requester) return false;
  }
  return true;
}

// Physical erasure after the commit. The anonymization itself has committed:
// a failure here (a reader holding SQLite's WAL) is logged, and the next
// anonymization or checkpoint finishes the job.
void purge_after_erasure(store::Database& db) {
  try {
    db.purge_deleted(store::tables_touched_by_anonymization());
  } catch (const std::exception& e) {
    observability::log_error("lgpd", "limpeza física após anonimização falhou",
                             {{"error", e.what()}});
  }
}

}  // namespace

std::string personal_data_channel(const Actor& a) {
  return std::string(channel_code(a.channel));
}

void PersonalData::require_admin_over(const Actor& a, std::int64_t person_id) {
  require_active(a);
  if (a.person.has_role(Role::admin)) return;
  directory_.person(a, person_id);  // 404 for a person the caller may not see
  throw forbidden("Somente um administrador anonimiza os dados de uma pessoa.");
}

PersonalDataExport PersonalData::export_data(const Actor& a, std::int64_t person_id) {
  require_active(a);
  // The encarregado de dados answers the titulares' requests (LGPD art. 41).
  if (a.id() != person_id && !a.person.has_role(Role::admin) &&
      !a.person.has_role(Role::data_protection_officer)) {
    directory_.person(a, person_id);  // 404 for a person the caller may not see
    throw forbidden(
        "Somente o próprio titular, um administrador ou o encarregado de dados obtém os dados "
        "pessoais de uma pessoa.");
  }
  // Recorded first, so the export lists itself among the requests; read on
  // a snapshot of its own, so a large export holds no write back.
  ctx_.db.write([&](store::Connection& c) {
    if (!store::load_person(c, person_id)) throw not_found("Pessoa não encontrada.");
    store::record_personal_data_request(
        c, {0, person_id, "export", a.id(), personal_data_channel(a), ctx_.now()});
  });
  store::PersonalDataDocument read;
  ctx_.db.read([&](store::Connection& c) {
    auto p = store::load_person(c, person_id);
    if (!p) throw not_found("Pessoa não encontrada.");
    read = store::read_personal_data(c, *p);
  });
  std::vector<ArchiveMember> members;
  members.push_back({"dados.json", ""});
  for (const auto& file : read.files) {
    auto bytes = ctx_.blobs.read(file.sha256);
    if (bytes) members.push_back({file.member, std::move(*bytes)});
  }
  read.document["generated_at"] = format_utc(ctx_.now());
  members.front().bytes = read.document.dump(2) + "\n";
  return {"dados-pessoais-" + std::to_string(person_id) + ".zip", zip_archive(members)};
}

Anonymization PersonalData::anonymize(const Actor& a, std::int64_t person_id) {
  require_admin_over(a, person_id);
  if (a.id() == person_id) {
    throw conflict("Um administrador não anonimiza a si mesmo: peça a outro administrador.");
  }
  auto done = run_anonymization(a.id(), personal_data_channel(a), person_id);
  if (!done.already) purge_after_erasure(ctx_.db);
  return done;
}

Anonymization PersonalData::anonymize_as_operator(std::int64_t person_id) {
  auto done = run_anonymization(std::nullopt, "cli", person_id);
  if (!done.already) purge_after_erasure(ctx_.db);
  return done;
}

Anonymization PersonalData::run_anonymization(std::optional<std::int64_t> actor_id,
                                              const std::string& channel, std::int64_t person_id) {
  Anonymization out;
  ctx_.db.write([&](store::Connection& c) {
    out = Anonymization{};
    out.person_id = person_id;
    auto p = store::load_person(c, person_id);
    if (!p) throw not_found("Pessoa não encontrada.");
    if (auto at = store::anonymized_at(c, person_id)) {
      out.already = true;
      out.anonymized_at = *at;
      return;
    }
    const Instant now = ctx_.now();
    auto scope = store::collect_erasure_scope(c, *p, !holds_only_requester_roles(*p), now);
    for (const auto& location : store::personal_data_map()) {
      if (location.apply) location.apply(c, scope);
    }
    // The ticket rows, search entries, equipment and clocks from the scrubbed events.
    ledger_.rebuild_in(c, scope.ticket_ids);
    store::queue_blob_erasures(c, scope.released_blobs, now);
    store::record_personal_data_request(c, {0, person_id, "anonymization", actor_id, channel, now});
    out.anonymized_at = now;
    out.tickets = static_cast<std::int64_t>(scope.ticket_ids.size());
  });
  if (!out.already) ctx_.directory_changed();
  out.files = erase_released_blobs();
  return out;
}

std::int64_t PersonalData::erase_released_blobs() {
  std::vector<std::string> queued;
  ctx_.db.read([&](store::Connection& c) { queued = store::queued_blob_erasures(c); });
  std::int64_t erased = 0;
  for (const auto& sha : queued) {
    bool in_use = false;
    ctx_.db.read([&](store::Connection& c) { in_use = store::blob_in_use(c, sha); });
    // Another person's row may name the same bytes: that file stays.
    if (!in_use && ctx_.blobs.erase(sha)) ++erased;
    ctx_.db.write([&](store::Connection& c) { store::forget_blob_erasure(c, sha); });
  }
  return erased;
}

int PersonalData::anonymize_retained(int years, int batch) {
  if (years <= 0) return 0;
  const Instant cutoff = ctx_.now() - std::chrono::days(365LL * years);
  std::vector<std::int64_t> due;
  ctx_.db.read([&](store::Connection& c) {
    const std::int64_t after = retention_after_.load();
    const auto through = store::people_window_end(c, after, kRetentionWindow);
    if (!through) {
      retention_after_ = 0;  // past the last person: the next call starts over
      return;
    }
    due = store::requesters_due_for_anonymization(c, cutoff, after, *through, batch);
    // A full batch may leave more due in this window: it is looked at again.
    retention_after_ = static_cast<int>(due.size()) < batch ? *through : after;
  });
  int done = 0;
  for (const auto id : due) {
    try {
      if (!run_anonymization(std::nullopt, "housekeeping", id).already) ++done;
    } catch (const std::exception& e) {
      observability::log_error("lgpd", "anonimização por retenção falhou",
                               {{"person_id", std::to_string(id)}, {"error", e.what()}});
    }
  }
  // One clean-up for the whole batch: it costs a pass over the tables.
  if (done > 0) purge_after_erasure(ctx_.db);
  return done;
}

std::vector<store::PersonalDataRequest> PersonalData::requests(const Actor& a,
                                                               std::int64_t person_id) {
  require_admin_over(a, person_id);
  std::vector<store::PersonalDataRequest> out;
  ctx_.db.read([&](store::Connection& c) { out = store::personal_data_requests(c, person_id); });
  return out;
}

}  // namespace guiche::app
