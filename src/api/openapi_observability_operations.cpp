// Operations' routes: liveness, readiness and the metrics (api/health_routes.cpp,
// api/metrics_routes.cpp). Keep in step with them: tests/api/openapi_test.cpp.
#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& observability_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/api/v1/health/live",
       "O processo responde (não consulta o banco)",
       "sistema",
       nullptr,
       nullptr,
       200,
       {},
       false},
      {"GET",
       "/api/v1/health/ready",
       "O nó está pronto: banco, versão do esquema e processos de fundo (503 quando não)",
       "sistema",
       nullptr,
       nullptr,
       200,
       {},
       false},
      {"GET",
       "/metrics",
       "Métricas no formato de texto do Prometheus (token de monitoramento)",
       "sistema",
       nullptr,
       nullptr,
       200,
       {},
       false}};
  return ops;
}

}  // namespace guiche::api
