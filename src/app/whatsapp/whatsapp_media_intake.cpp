// The files people send on WhatsApp (whatsapp_conversations.hpp, prepare()):
// fetched from the Cloud API before the message is processed, because the
// URL WhatsApp gives lasts minutes, and stored like every attachment. The
// desk's file policy (app/attachments/attachment_policy.hpp) judges each; a
// refused one is kept all the same, attached held for staff with its reason
// (nothing accepted is lost), and the person is told which files were not
// accepted and why.
#include "app/attachments/attachment_policy.hpp"
#include "app/whatsapp/whatsapp_conversations.hpp"
#include "domain/chatbot/cloud_inbound.hpp"
#include "store/whatsapp_media_rows.hpp"

namespace guiche::app {
namespace {

// The document's own name, without a path or characters a download header or a file system
// would trip on; images come without one: a name from the type ("foto-<media id>.jpg").
std::string filename_of(const chatbot::MediaIn& media, const std::string& content_type) {
  std::string name = safe_attachment_name(media.filename, "");
  if (!name.empty()) return name;
  std::string extension = "bin";
  if (content_type == "image/jpeg") extension = "jpg";
  if (content_type == "image/png") extension = "png";
  if (content_type == "image/webp") extension = "webp";
  return "foto-" + media.media_ref + "." + extension;
}

}  // namespace

void WhatsAppConversations::prepare(const std::string& wa_id,
                                    const std::vector<store::WhatsAppInboundItem>& messages) {
  for (const auto& item : messages) {
    const auto input = chatbot::bot_input_of_cloud_message(nlohmann::json::parse(item.item));
    if (!std::holds_alternative<chatbot::MediaIn>(input)) continue;
    const auto& media = std::get<chatbot::MediaIn>(input);
    bool known = false;
    ctx_.db.read([&](store::Connection& c) {
      known = store::load_whatsapp_media(c, media.media_ref).has_value();
    });
    if (known) continue;
    if (!media_) throw std::runtime_error("canal WhatsApp sem acesso aos arquivos recebidos");
    const FetchedMedia fetched = media_->fetch(media.media_ref);
    if (fetched.outcome == FetchedMedia::Outcome::unavailable) {
      throw std::runtime_error("arquivo do WhatsApp indisponível: " + fetched.problem);
    }
    store::WhatsAppMedia row;
    row.media_id = media.media_ref;
    row.wa_id = wa_id;
    row.fetched_at = ctx_.now();
    if (fetched.outcome == FetchedMedia::Outcome::gone) {
      row.filename = filename_of(media, media.mime_type);
      row.content_type = media.mime_type;
      row.problem = "o WhatsApp não entregou o arquivo (" + fetched.problem + ")";
    } else {
      // Written before any row names it, as every attachment (store/attachment_blobs.hpp).
      const store::StoredBlob blob = ctx_.blobs.put(fetched.bytes);
      row.sha256 = blob.sha256;
      row.content_type = blob.content_type;
      row.size_bytes = blob.size;
      row.filename = filename_of(media, blob.content_type);
      // The desk's one file policy; a refused file is attached held (whatsapp_requests.cpp).
      const auto verdict =
          judge_attachment(ctx_.config, row.filename, blob.content_type, blob.size);
      if (!verdict.accepted) row.problem = verdict.reason;
    }
    ctx_.db.write([&](store::Connection& c) { store::save_whatsapp_media(c, row); });
  }
}

}  // namespace guiche::app
