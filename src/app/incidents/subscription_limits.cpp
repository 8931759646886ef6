#include "app/incidents/subscription_limits.hpp"

#include "domain/error.hpp"
#include "store/attachment_blobs.hpp"
#include "store/status_subscriber_rows.hpp"

namespace guiche::app {

void admit_subscription_request(store::Connection& c, const DeskConfig& config,
                                const std::string& address, const std::string& client_ip,
                                Instant now) {
  const std::string address_key = "address:" + store::sha256_hex(address);
  const std::string ip_key = "ip:" + store::sha256_hex(client_ip);
  const bool address_spent = store::subscription_requests_since(
                                 c, address_key, now - config.subscription_address_window) >=
                             config.subscription_requests_per_address;
  const bool ip_spent = !client_ip.empty() && store::subscription_requests_since(
                                                  c, ip_key, now - config.subscription_ip_window) >=
                                                  config.subscription_requests_per_ip;
  if (address_spent || ip_spent) {
    // Refused requests are not counted: the window ends on schedule however
    // often a flooder retries.
    throw DomainError(DomainError::Kind::rate_limited,
                      address_spent
                          ? "Este endereço já recebeu pedidos de assinatura demais. Tente de "
                            "novo amanhã ou procure o link de confirmação já enviado."
                          : "Muitos pedidos de assinatura a partir desta rede. Tente de novo "
                            "mais tarde.");
  }
  store::record_subscription_request(c, address_key, now);
  if (!client_ip.empty()) store::record_subscription_request(c, ip_key, now);
}

}  // namespace guiche::app
