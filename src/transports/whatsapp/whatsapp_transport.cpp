#include "transports/whatsapp/whatsapp_transport.hpp"

#include "domain/whatsapp/whatsapp_number.hpp"
#include "store/channel_health_rows.hpp"
#include "store/whatsapp_message_rows.hpp"
#include "store/whatsapp_payload.hpp"
#include "store/whatsapp_window_rows.hpp"
#include "transports/whatsapp/cloud_message.hpp"

namespace guiche::transports {
namespace {

// Cloud API error codes (https://developers.facebook.com/documentation/
// business-messaging/whatsapp/support/error-codes; the fake answers them the
// same way, scripts/test-servers/whatsapp_cloud.py).
constexpr int kWindowClosed = 131047;
constexpr int kThroughput = 130429;
constexpr int kPairRate = 131056;
constexpr int kTokenExpired = 190;

std::string graph_reason(const CloudApiResult& r) {
  std::string text = "HTTP " + std::to_string(r.http_status);
  if (r.error_code) text += ", código " + std::to_string(*r.error_code);
  if (!r.error_message.empty()) text += ": " + r.error_message;
  return text;
}

}  // namespace

std::string token_refused_reason(const std::string& detail) {
  return "A API do WhatsApp recusou o token de acesso (" + detail +
         "). Gere um token novo, ponha em GUICHE_WHATSAPP_TOKEN e reinicie o serviço; as "
         "mensagens esperam na fila.";
}

WhatsAppTransport::WhatsAppTransport(store::Database& db, const Clock& clock,
                                     WhatsAppTransportConfig config)
    : db_(db), clock_(clock), config_(config), client_(config.api) {
  if (!config_.attachments_dir.empty()) blobs_.emplace(config_.attachments_dir);
}

std::vector<store::OutboxMessage> WhatsAppTransport::claim(store::Connection& c, Instant now,
                                                           Instant lease_until, int limit) {
  accepted_.clear();
  broken_now_ = false;
  // Throttled, the number waits as a whole rather than trying row after row.
  if (throttled_until_ && now < *throttled_until_) return {};
  was_broken_ = store::channel_health(c, std::string(channel())).has_value();
  if (was_broken_) {
    // A broken token fails every send alike: one row finds out whether it works again.
    if (last_probe_ && now < *last_probe_ + config_.probe_interval) return {};
    last_probe_ = now;
    limit = 1;
  }
  return store::claim_due_messages(c, std::string(channel()), now, lease_until, limit);
}

SendOutcome WhatsAppTransport::send(const store::OutboxMessage& m) {
  store::WhatsAppPayload payload;
  try {
    if (m.payload) payload = store::parse_payload(*m.payload);
  } catch (const std::invalid_argument&) {
    return SendOutcome::give_up("O conteúdo da mensagem de WhatsApp é inválido.");
  }
  const auto to = whatsapp_digits(m.recipient_address);
  if (!to) return SendOutcome::give_up("Número de WhatsApp inválido: " + m.recipient_address + ".");
  bool window_open = false;
  db_.read([&](store::Connection& c) {
    window_open = store::whatsapp_window_open(c, *to, clock_.now());
  });
  const std::string no_template =
      "Fora da janela de 24 horas do WhatsApp e sem modelo aprovado para este aviso.";
  if (!window_open || payload.template_only) {
    if (!payload.template_call) return SendOutcome::give_up(no_template);
    return outcome_of(m,
                      client_.send(template_request(*to, *payload.template_call, payload.context)),
                      "template");
  }
  SentMessage free_form;
  if (payload.file) {
    const auto bytes = blobs_ ? blobs_->read(payload.file->sha256) : std::nullopt;
    if (!bytes)
      return SendOutcome::give_up("Arquivo " + payload.file->filename + " não encontrado.");
    free_form = send_file(*to, *bytes, payload.file->content_type, payload.file->filename, "");
  } else {
    free_form = client_.send(free_form_request(*to, m, payload));
  }
  if (free_form.result.error_code == kWindowClosed) {
    // WhatsApp counts the window by its own clock: go as the template at once.
    if (!payload.template_call) return SendOutcome::give_up(no_template);
    return outcome_of(m,
                      client_.send(template_request(*to, *payload.template_call, payload.context)),
                      "template");
  }
  return outcome_of(m, free_form, "free_form");
}

SendOutcome WhatsAppTransport::outcome_of(const store::OutboxMessage& m, const SentMessage& s,
                                          const std::string& kind) {
  const CloudApiResult& r = s.result;
  if (r.ok()) {
    accepted_[m.id] = {s.wamid, s.wa_id, kind};
    return SendOutcome::sent(r.http_status);
  }
  if (!r.reached) {
    return SendOutcome::retry("Sem resposta da API do WhatsApp: " + r.transport_error + ".");
  }
  if (r.error_code == kTokenExpired || r.http_status == 401) {
    broken_now_ = true;
    last_probe_ = clock_.now();  // the next row waits for the probe interval
    return SendOutcome::hold(token_refused_reason(graph_reason(r)), config_.probe_interval,
                             r.http_status);
  }
  if (r.error_code == kThroughput) {
    throttled_until_ = clock_.now() + config_.throttle_hold;
    return SendOutcome::retry(
        "Limite de envio do número no WhatsApp atingido (130429); nova tentativa mais tarde.",
        r.http_status);
  }
  if (r.error_code == kPairRate) {
    return SendOutcome::retry(
        "Mensagens demais para esta pessoa em pouco tempo (131056); nova tentativa mais tarde.",
        r.http_status);
  }
  if (r.http_status >= 500 || r.http_status == 429) {
    return SendOutcome::retry("A API do WhatsApp está indisponível (" + graph_reason(r) + ").",
                              r.http_status);
  }
  return SendOutcome::give_up("A API do WhatsApp recusou a mensagem (" + graph_reason(r) + ").",
                              r.http_status);
}

void WhatsAppTransport::record(store::Connection& c, const store::OutboxMessage& m,
                               const SendOutcome& outcome, Instant at) {
  if (outcome.kind == SendOutcome::Kind::sent) {
    const auto it = accepted_.find(m.id);
    if (it == accepted_.end()) return;
    store::WhatsAppMessage w;
    w.wamid = it->second.wamid;
    w.outbox_id = m.id;
    w.ticket_id = m.ticket_id;
    w.wa_id = it->second.wa_id.empty() ? m.recipient_address : it->second.wa_id;
    w.kind = it->second.kind;
    w.created_at = at;
    store::record_whatsapp_sent(c, w);
    if (was_broken_) was_broken_ = !store::mark_channel_working(c, std::string(channel()));
  } else if (outcome.kind == SendOutcome::Kind::hold && outcome.response_code && broken_now_ &&
             !was_broken_) {
    store::mark_channel_broken(c, std::string(channel()), outcome.error, at);
    was_broken_ = true;
  }
}

SentMessage WhatsAppTransport::send_file(const std::string& to, const std::string& bytes,
                                         const std::string& mime, const std::string& filename,
                                         const std::string& caption) {
  SentMessage s;
  const auto digits = whatsapp_digits(to);
  if (!digits) {
    s.result.transport_error = "número de WhatsApp inválido";
    return s;
  }
  auto [uploaded, media_id] = client_.upload(bytes, mime, filename);
  if (!uploaded.ok() || media_id.empty()) {
    s.result = uploaded;
    return s;
  }
  nlohmann::json request{
      {"messaging_product", "whatsapp"}, {"recipient_type", "individual"}, {"to", *digits}};
  request.update(media_message(mime, media_id, filename, caption));
  return client_.send(request);
}

}  // namespace guiche::transports
