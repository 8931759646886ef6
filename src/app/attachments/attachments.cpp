// See attachments.hpp.
#include "app/attachments/attachments.hpp"
#include "app/access_policy.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "store/attachment_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

// Keeps only the last path component and drops characters that would break
// a Content-Disposition header or a file system.
std::string clean_filename(const std::string& name) {
  std::string base = name.substr(name.find_last_of("/\\") + 1);
  std::string out;
  for (char ch : base) {
    auto u = static_cast<unsigned char>(ch);
    if (u < 0x20 || u == 0x7f || ch == '"') continue;
    out.push_back(ch);
  }
  if (out.empty() || out == "." || out == ".." || !is_clean_text(out) || out.size() > 255) {
    throw invalid_field("filename", "Nome de arquivo inválido.");
  }
  return out;
}

// "25 MB", "512 KB", "100 bytes": a limit as a person reads it.
std::string size_label(std::int64_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MB";
  if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " bytes";
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
  // Every file is checked before anything is written, so one refused file
  // keeps the whole upload out: no row, no event.
  std::vector<std::string> names;
  for (const auto& file : files) {
    names.push_back(clean_filename(file.filename));
    const std::string& bytes = file.bytes;
    if (bytes.empty()) throw invalid_field("file", "O arquivo " + names.back() + " está vazio.");
    if (static_cast<std::int64_t>(bytes.size()) > ctx_.config.max_attachment_bytes) {
      throw DomainError(DomainError::Kind::too_large,
                        "O arquivo " + names.back() + " excede o limite de " +
                            size_label(ctx_.config.max_attachment_bytes) + ".");
    }
    const std::string type = ctx_.blobs.sniff(bytes);
    bool allowed = false;
    for (const auto& prefix : ctx_.config.attachment_types) {
      allowed = allowed || type.rfind(prefix, 0) == 0;
    }
    if (!allowed) {
      throw DomainError(DomainError::Kind::unsupported_type,
                        "Tipo de arquivo não permitido (" + type + ") em " + names.back() + ".");
    }
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
    records.push_back(record);
  }
  ledger_.change(
      a, ticket_id, [&](LedgerWrite& w, const Ticket& t, const std::vector<Unit>& units) {
        const bool agent = require_may_attach(a.person, t, units);
        std::vector<EventDraft> drafts;
        for (auto& record : records) {
          record.is_public = agent ? is_public : true;  // requesters' files are always public
          record.id = store::insert_attachment(w.connection(), record);
          drafts.push_back(attachment_added_draft(record));
        }
        return drafts;
      });
  return records;
}

AttachmentContent Attachments::read_attachment(const Actor& a, std::int64_t attachment_id) {
  require_active(a);
  std::optional<store::AttachmentRecord> record;
  ctx_.db.read([&](store::Connection& c) {
    record = store::load_attachment(c, attachment_id);
    if (!record) return;
    if (!ctx_.visible_ticket(c, a, record->ticket_id) ||
        (!record->is_public && !is_staff(a.person))) {
      record.reset();
    }
  });
  if (!record) throw not_found("Anexo não encontrado.");
  auto bytes = ctx_.blobs.read(record->sha256);
  if (!bytes) throw not_found("Anexo não encontrado.");
  return {*record, std::move(*bytes)};
}

std::vector<store::AttachmentRecord> Attachments::attachments(const Actor& a,
                                                              std::int64_t ticket_id) {
  reads_.ticket(a, ticket_id);  // access check
  std::vector<store::AttachmentRecord> out;
  ctx_.db.read([&](store::Connection& c) { out = store::attachments_of_ticket(c, ticket_id); });
  if (!is_staff(a.person)) {
    std::erase_if(out, [](const store::AttachmentRecord& r) { return !r.is_public; });
  }
  return out;
}

}  // namespace guiche::app
