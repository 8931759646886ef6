#pragma once
// Files on tickets: upload, download and listing, with the ticket's
// visibility; internal files are for staff only. The desk's file policy
// (attachment_policy.hpp) judges each file; one it refuses is kept all the
// same, held apart: listed for staff with its reason, never served to the
// requester, released by an admin. Only an empty file, a bad name or one past
// max_held_attachment_bytes refuses the whole upload.
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/ledger/event_draft.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "store/attachment_record.hpp"

namespace guiche::app {

class TicketReads;

// One file of an upload, as the client named it.
struct NewAttachment {
  std::string filename;
  std::string bytes;
};

struct AttachmentContent {
  store::AttachmentRecord record;
  std::string bytes;
  std::int64_t requester_id = 0;  // the ticket's: whose personal data it is (access log)
};

// The "attachment_added" event of a stored file (every channel that attaches records this one).
EventDraft attachment_added_draft(const store::AttachmentRecord& record);
// The event of a file as stored: attachment_added, or attachment_held
// (internal, with the reason) when the policy held it.
EventDraft attachment_event_draft(const store::AttachmentRecord& record);
// The files of `records` the policy held, as "name (reason)" lines, pt-BR.
std::vector<std::string> held_lines(const std::vector<store::AttachmentRecord>& records);

class Attachments {
 public:
  Attachments(DeskContext& context, TicketLedger& ledger, TicketReads& reads)
      : ctx_(context), ledger_(ledger), reads_(reads) {}

  store::AttachmentRecord attach(const Actor& a, std::int64_t ticket_id,
                                 const std::string& filename, const std::string& bytes,
                                 bool is_public = true);
  // Several files of one upload: all are stored, or (one empty, badly named
  // or past what the desk keeps at all) none. The records say which the
  // policy held (AttachmentRecord::held_reason): the caller's receipt names them.
  std::vector<store::AttachmentRecord> attach_all(const Actor& a, std::int64_t ticket_id,
                                                  const std::vector<NewAttachment>& files,
                                                  bool is_public = true);
  // A held file is served only to admins (who decide on its release).
  AttachmentContent read_attachment(const Actor& a, std::int64_t attachment_id);
  // The ticket's files: staff see held ones too (with their reason); the
  // requester side only normal public ones.
  std::vector<store::AttachmentRecord> attachments(const Actor& a, std::int64_t ticket_id);
  // The public files of the ticket the policy held: what its requester side
  // is told was not accepted, and why (no download).
  std::vector<store::AttachmentRecord> not_accepted(const Actor& a, std::int64_t ticket_id);
  // The files still held on any ticket, newest first, with their tickets'
  // protocols: the admins' list (admins only).
  struct HeldFile {
    store::AttachmentRecord record;
    std::string protocol;
  };
  std::vector<HeldFile> held_files(const Actor& a, int limit = 200);
  // An admin releases a held file: a normal attachment from then on; the
  // ticket records who released it (attachment_released).
  store::AttachmentRecord release(const Actor& a, std::int64_t attachment_id);

 private:
  DeskContext& ctx_;
  TicketLedger& ledger_;
  TicketReads& reads_;
};

}  // namespace guiche::app
