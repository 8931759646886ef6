#pragma once
// Files on tickets: upload (size and sniffed-type limits, every file of an
// upload or none), download and listing, with the ticket's visibility;
// internal files are for staff only.
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
};

// The "attachment_added" event of a stored file (every channel that attaches records this one).
EventDraft attachment_added_draft(const store::AttachmentRecord& record);

class Attachments {
 public:
  Attachments(DeskContext& context, TicketLedger& ledger, TicketReads& reads)
      : ctx_(context), ledger_(ledger), reads_(reads) {}

  store::AttachmentRecord attach(const Actor& a, std::int64_t ticket_id,
                                 const std::string& filename, const std::string& bytes,
                                 bool is_public = true);
  // Several files of one upload: all are stored, or (any of them refused) none.
  std::vector<store::AttachmentRecord> attach_all(const Actor& a, std::int64_t ticket_id,
                                                  const std::vector<NewAttachment>& files,
                                                  bool is_public = true);
  AttachmentContent read_attachment(const Actor& a, std::int64_t attachment_id);
  std::vector<store::AttachmentRecord> attachments(const Actor& a, std::int64_t ticket_id);

 private:
  DeskContext& ctx_;
  TicketLedger& ledger_;
  TicketReads& reads_;
};

}  // namespace guiche::app
