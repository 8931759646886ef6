#pragma once
// The files an e-mail of the outbox carries (a scheduled report's CSV), kept
// in its row's payload column as JSON until the transport composes it
// (transports/email/email_transport.cpp): {"attachments": [{"filename",
// "content_type", "content"}]}. The row stays whole in the outbox, so a retry
// sends the same files.
#include <string>
#include <vector>

#include "mail/mime.hpp"

namespace guiche::mail {

std::string attachments_payload(const std::vector<Attachment>& attachments);
// Nothing for an empty or foreign payload.
std::vector<Attachment> attachments_from_payload(const std::string& payload);

}  // namespace guiche::mail
