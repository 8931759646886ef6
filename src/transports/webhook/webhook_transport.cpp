#include "transports/webhook/webhook_transport.hpp"

#include <curl/curl.h>

#include "mail/curl_once.hpp"

#include <cstdio>
#include <stdexcept>

#include "store/webhook_rows.hpp"
#include "transports/webhook/signature.hpp"

namespace guiche::transports {
namespace {

std::size_t ignore_body(char*, std::size_t size, std::size_t count, void*) {
  return size * count;
}

}  // namespace

std::string gone_reason(Instant at) {
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{std::chrono::floor<std::chrono::minutes>(at - day)};
  char text[64];
  std::snprintf(text, sizeof text, "%02u/%02u/%04d %02d:%02d UTC", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()));
  return std::string("O receptor respondeu 410 Gone em ") + text + ".";
}

WebhookTransport::WebhookTransport(store::Database& db, const Clock& clock, WebhookConfig config)
    : db_(db), clock_(clock), config_(config) {
  mail::init_curl_once();
  curl_ = curl_easy_init();
  if (!curl_) throw std::runtime_error("libcurl não inicializou");
}

WebhookTransport::~WebhookTransport() {
  curl_easy_cleanup(static_cast<CURL*>(curl_));
}

std::vector<store::OutboxMessage> WebhookTransport::claim(store::Connection& c, Instant now,
                                                          Instant lease_until, int limit) {
  gone_.clear();
  return store::claim_due_webhook_deliveries(c, now, lease_until, limit);
}

SendOutcome WebhookTransport::send(const store::OutboxMessage& m) {
  std::optional<store::WebhookSubscription> w;
  if (m.webhook_id)
    db_.read([&](store::Connection& c) { w = store::load_webhook(c, *m.webhook_id); });
  if (!w) return SendOutcome::give_up("A assinatura do webhook não existe mais.");
  // Turned off since the claim (by an admin, or a 410 earlier in this round):
  // back to wait, unsent, until it is on again.
  if (!w->active || gone_.contains(w->id)) return SendOutcome::retry("O webhook está desligado.");
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
  const std::string timestamp = std::to_string(seconds);
  // The headers name the delivery and carry the signature; never the secret.
  curl_slist* headers = nullptr;
  for (const std::string& h : std::vector<std::string>{
           "Content-Type: application/json", "User-Agent: Guiche-Webhooks/1",
           "X-Guiche-Event: " + m.template_key, "X-Guiche-Delivery: " + std::to_string(m.id),
           "X-Guiche-Timestamp: " + timestamp,
           "X-Guiche-Signature: " + webhook_signature(w->secret, seconds, m.text_body),
           std::string("Expect:")}) {
    headers = curl_slist_append(headers, h.c_str());
  }
  CURL* curl = static_cast<CURL*>(curl_);
  curl_easy_reset(curl);
  curl_easy_setopt(curl, CURLOPT_URL, w->url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(config_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, m.text_body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(m.text_body.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, ignore_body);
  const CURLcode result = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (result != CURLE_OK) {
    return SendOutcome::retry(std::string("Sem resposta do receptor: ") +
                              curl_easy_strerror(result) + ".");
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  const int code = static_cast<int>(status);
  if (code >= 200 && code < 300) return SendOutcome::sent(code);
  if (code == 410) {
    gone_.insert(w->id);
    return SendOutcome::disable(gone_reason(clock_.now()), code);
  }
  return SendOutcome::retry("O receptor respondeu HTTP " + std::to_string(code) + ".", code);
}

void WebhookTransport::record(store::Connection& c, const store::OutboxMessage& m,
                              const SendOutcome& outcome, Instant) {
  store::set_response_code(c, m.id, outcome.response_code);
  if (outcome.kind == SendOutcome::Kind::disable_destination && m.webhook_id) {
    store::disable_webhook(c, *m.webhook_id, outcome.error, clock_.now());
  }
}

}  // namespace guiche::transports
