// GET /metrics, the Prometheus text format (observability/metrics.hpp). On the
// desk's own address it answers only a bearer token from GUICHE_METRICS_TOKEN:
// a reverse proxy on the same host makes every client look local, so the
// caller's address proves nothing there. `--metrics-listen` serves it without
// a token on an address only the monitoring network reaches.
#include <sodium.h>

#include "api/metrics_routes.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "observability/metrics.hpp"

namespace guiche::api {
namespace {

constexpr const char* kTextFormat = "text/plain; version=0.0.4; charset=utf-8";

// Compared as hashes, so the time taken says nothing of the token.
bool same_secret(const std::string& given, const std::string& expected) {
  unsigned char a[crypto_generichash_BYTES], b[crypto_generichash_BYTES];
  crypto_generichash(a, sizeof a, reinterpret_cast<const unsigned char*>(given.data()),
                     given.size(), nullptr, 0);
  crypto_generichash(b, sizeof b, reinterpret_cast<const unsigned char*>(expected.data()),
                     expected.size(), nullptr, 0);
  return sodium_memcmp(a, b, sizeof a) == 0;
}

http::Response scrape() {
  return http::Response{200, kTextFormat, observability::metrics().exposition(), {}};
}

}  // namespace

void add_metrics_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/metrics", [&ctx](const http::Request& r) {
                      if (ctx.metrics_token.empty())
                        return problem(403, "Métricas não disponíveis neste endereço",
                                       "Defina GUICHE_METRICS_TOKEN para lê-las aqui com um "
                                       "token, ou use --metrics-listen.");
                      const auto authorization = r.header("authorization").value_or("");
                      const std::string prefix = "Bearer ";
                      if (authorization.rfind(prefix, 0) != 0 ||
                          !same_secret(authorization.substr(prefix.size()), ctx.metrics_token))
                        return problem(403, "Acesso negado",
                                       "As métricas exigem o token de monitoramento.");
                      return scrape();
                    }});
}

std::vector<http::Route> metrics_listener_routes() {
  return {{"GET", "/metrics", [](const http::Request&) { return scrape(); }}};
}

}  // namespace guiche::api
