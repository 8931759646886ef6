#include "transports/whatsapp/cloud_media_source.hpp"

namespace guiche::transports {

app::FetchedMedia CloudMediaSource::fetch(const std::string& media_id) {
  std::lock_guard lock(mutex_);
  MediaFile file = client_.download(media_id);
  app::FetchedMedia out;
  const CloudApiResult& r = file.result;
  if (r.ok()) {
    out.outcome = app::FetchedMedia::Outcome::ok;
    out.bytes = std::move(file.bytes);
    out.mime_type = file.mime_type;
    return out;
  }
  if (!r.reached) {
    out.problem = "sem resposta da API do WhatsApp: " + r.transport_error;
    return out;
  }
  out.problem = "HTTP " + std::to_string(r.http_status);
  if (r.error_code) out.problem += ", código " + std::to_string(*r.error_code);
  if (!r.error_message.empty()) out.problem += ": " + r.error_message;
  // A client error other than throttling or a refused token will not change by retrying.
  const bool for_good = r.http_status >= 400 && r.http_status < 500 && r.http_status != 429 &&
                        r.http_status != 401 && r.error_code != 190;
  out.outcome =
      for_good ? app::FetchedMedia::Outcome::gone : app::FetchedMedia::Outcome::unavailable;
  return out;
}

}  // namespace guiche::transports
