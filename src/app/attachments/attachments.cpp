// See attachments.hpp.
#include "app/attachments/attachments.hpp"
#include "app/access_policy.hpp"
#include "app/attachments/attachment_policy.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "store/attachment_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

// The sender's name, made safe (attachment_policy.hpp); a client that sends a
// name that is not UTF-8 text, too long or nothing once made safe is told so.
std::string clean_filename(const std::string& name) {
  std::string base = name.substr(name.find_last_of("/\\") + 1);
  std::erase_if(base, [](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u < 0x20 || u == 0x7f;
  });
  std::string out = safe_attachment_name(base, "");
  if (out.empty() || !is_clean_text(base) || base.size() > 255) {
    throw invalid_field("filename", "Nome de arquivo inválido.");
  }
  return out;
}

// Who may attach to `t`: an agent working it or its requester side, while it is open.
// Returns whether the caller attaches as an agent (who may keep files internal).
bool require_may_attach(const Person& p, const Ticket& t, const std::vector<Unit>& units) {
  const bool agent = can_work_ticket(p, t, units);
  if (!agent && !is_requester_side(p, t)) {
    throw forbidden("Você não pode anexar arquivos a este chamado.");
  }
  if (status_is_final(t.status)) throw conflict("O chamado está encerrado.");
  return agent;
}

}  // namespace

EventDraft attachment_added_draft(const store::AttachmentRecord& record) {
  return {EventKind::attachment_added,
          {{"attachment_id", record.id},
           {"filename", record.filename},
           {"content_type", record.content_type},
           {"size_bytes", record.size_bytes},
           {"sha256", record.sha256}},
          record.is_public};
}

EventDraft attachment_event_draft(const store::AttachmentRecord& record) {
  EventDraft draft = attachment_added_draft(record);
  if (record.held()) {
    // Staff only: the requester learns of it from their receipt, not the history.
    draft.kind = EventKind::attachment_held;
    draft.data["reason"] = record.held_reason;
    draft.is_public = false;
  }
  return draft;
}

std::vector<std::string> held_lines(const std::vector<store::AttachmentRecord>& records) {
  std::vector<std::string> lines;
  for (const auto& r : records) {
    if (r.held()) lines.push_back(r.filename + " (" + r.held_reason + ")");
  }
  return lines;
}

store::AttachmentRecord Attachments::attach(const Actor& a, std::int64_t ticket_id,
                                            const std::string& filename, const std::string& bytes,
                                            bool is_public) {
  return attach_all(a, ticket_id, {{filename, bytes}}, is_public).front();
}

std::vector<store::AttachmentRecord> Attachments::attach_all(
    const Actor& a, std::int64_t ticket_id, const std::vector<NewAttachment>& files,
    bool is_public) {
  require_active(a);
  if (files.empty()) throw invalid_field("file", "Envie ao menos um arquivo.");
  // Every file is checked before anything is written, so one that cannot be
  // kept at all keeps the whole upload out: no row, no event. The policy's
  // refusals are kept, held (attachment_policy.hpp).
  std::vector<std::string> names;
  std::vector<std::string> held_reasons;
  for (const auto& file : files) {
    names.push_back(clean_filename(file.filename));
    const std::string& bytes = file.bytes;
    if (bytes.empty()) throw invalid_field("file", "O arquivo " + names.back() + " está vazio.");
    const auto size = static_cast<std::int64_t>(bytes.size());
    const std::int64_t kept_limit =
        std::max(ctx_.config.max_attachment_bytes, ctx_.config.max_held_attachment_bytes);
    if (size > kept_limit) {
      throw DomainError(DomainError::Kind::too_large, "O arquivo " + names.back() +
                                                          " excede o limite de " +
                                                          attachment_size_label(kept_limit) + ".");
    }
    held_reasons.push_back(
        judge_attachment(ctx_.config, names.back(), ctx_.blobs.sniff(bytes), size).reason);
  }
  // Check access and state before writing any bytes (checked again under the
  // lock below); the bytes go to disk before the rows that name them commit,
  // so a crash never leaves a dangling row. Blobs are content-addressed: one
  // left by a failed transaction is unreferenced and reused by a later upload.
  std::shared_ptr<const std::vector<Unit>> units;
  ctx_.db.read([&](store::Connection& c) { units = ctx_.unit_tree(c); });
  require_may_attach(a.person, reads_.ticket(a, ticket_id), *units);
  std::vector<store::AttachmentRecord> records;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const store::StoredBlob blob = ctx_.blobs.put(files[i].bytes);
    store::AttachmentRecord record;
    record.ticket_id = ticket_id;
    record.sha256 = blob.sha256;
    record.filename = names[i];
    record.content_type = blob.content_type;
    record.size_bytes = blob.size;
    record.uploaded_by = a.id();
    record.created_at = ctx_.now();
    record.held_reason = held_reasons[i];
    records.push_back(record);
  }
  ledger_.change(
      a, ticket_id, [&](LedgerWrite& w, const Ticket& t, const std::vector<Unit>& units) {
        const bool agent = require_may_attach(a.person, t, units);
        std::vector<EventDraft> drafts;
        for (auto& record : records) {
          record.is_public = agent ? is_public : true;  // requesters' files are always public
          record.id = store::insert_attachment(w.connection(), record);
          drafts.push_back(attachment_event_draft(record));
        }
        return drafts;
      });
  return records;
}

AttachmentContent Attachments::read_attachment(const Actor& a, std::int64_t attachment_id) {
  require_active(a);
  std::optional<store::AttachmentRecord> record;
  std::int64_t requester_id = 0;
  ctx_.db.read([&](store::Connection& c) {
    record = store::load_attachment(c, attachment_id);
    if (!record) return;
    const auto ticket = ctx_.visible_ticket(c, a, record->ticket_id);
    if (ticket) requester_id = ticket->requester_id;
    if (!ticket || (!record->is_public && !is_staff(a.person)) ||
        (record->held() && !a.person.has_role(Role::admin))) {
      record.reset();
    }
  });
  if (!record) throw not_found("Anexo não encontrado.");
  auto bytes = ctx_.blobs.read(record->sha256);
  if (!bytes) throw not_found("Anexo não encontrado.");
  return {*record, std::move(*bytes), requester_id};
}

std::vector<store::AttachmentRecord> Attachments::attachments(const Actor& a,
                                                              std::int64_t ticket_id) {
  reads_.ticket(a, ticket_id);  // access check
  std::vector<store::AttachmentRecord> out;
  ctx_.db.read([&](store::Connection& c) { out = store::attachments_of_ticket(c, ticket_id); });
  if (!is_staff(a.person)) {
    std::erase_if(out, [](const store::AttachmentRecord& r) { return !r.is_public || r.held(); });
  }
  return out;
}

std::vector<store::AttachmentRecord> Attachments::not_accepted(const Actor& a,
                                                               std::int64_t ticket_id) {
  reads_.ticket(a, ticket_id);  // access check
  std::vector<store::AttachmentRecord> out;
  ctx_.db.read([&](store::Connection& c) { out = store::attachments_of_ticket(c, ticket_id); });
  std::erase_if(out, [](const store::AttachmentRecord& r) { return !r.is_public || !r.held(); });
  return out;
}

std::vector<Attachments::HeldFile> Attachments::held_files(const Actor& a, int limit) {
  require_active(a);
  if (!a.person.has_role(Role::admin)) {
    throw forbidden("Somente a administração vê os arquivos retidos de todos os chamados.");
  }
  std::vector<HeldFile> out;
  ctx_.db.read([&](store::Connection& c) {
    for (auto& record : store::held_attachments(c, limit)) {
      const auto t = store::load_ticket(c, record.ticket_id);
      out.push_back({std::move(record), t ? t->protocol : ""});
    }
  });
  return out;
}

store::AttachmentRecord Attachments::release(const Actor& a, std::int64_t attachment_id) {
  require_active(a);
  std::optional<store::AttachmentRecord> record;
  ctx_.db.read([&](store::Connection& c) {
    record = store::load_attachment(c, attachment_id);
    if (record && !ctx_.visible_ticket(c, a, record->ticket_id)) record.reset();
  });
  if (!record) throw not_found("Anexo não encontrado.");
  if (!a.person.has_role(Role::admin)) {
    throw forbidden("Somente a administração libera um arquivo retido.");
  }
  ledger_.change(
      a, record->ticket_id,
      [&](LedgerWrite& w, const Ticket&, const std::vector<Unit>&) -> std::vector<EventDraft> {
        // Under the ticket's lock: two admins releasing at once record it once.
        const std::string reason = record->held_reason;
        if (!store::release_attachment(w.connection(), attachment_id, a.id(), w.now())) {
          throw conflict("O arquivo não está retido.");
        }
        EventDraft draft = attachment_added_draft(*record);
        draft.kind = EventKind::attachment_released;
        draft.data["held_reason"] = reason;
        record->held_reason.clear();
        record->released_by = a.id();
        record->released_at = w.now();
        return {draft};
      });
  return *record;
}

}  // namespace guiche::app
