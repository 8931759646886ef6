#pragma once
// The table the OpenAPI document is built from: one row per operation.
#include <vector>

namespace guiche::api {

struct OperationDoc {
  const char* method;
  const char* path;  // express style, as registered: "/api/v1/tickets/:id"
  const char* summary;
  const char* tag;
  const char* request_schema;   // a name in components/schemas; nullptr: no body
  const char* response_schema;  // nullptr: no JSON body (204, or not JSON)
  int success_status;
  std::vector<const char*> query;  // query parameter names
  bool needs_auth = true;
};

const std::vector<OperationDoc>& documented_operations();
// Incident communication's (openapi_notice_operations.cpp).
const std::vector<OperationDoc>& notice_operations();
// The WhatsApp channel's webhook (openapi_whatsapp_operations.cpp).
const std::vector<OperationDoc>& whatsapp_operations();
// Equipment custody's (openapi_custody_operations.cpp).
const std::vector<OperationDoc>& custody_operations();
// Manifestações' (openapi_manifestation_operations.cpp).
const std::vector<OperationDoc>& manifestation_operations();
// LGPD's export and anonymization (openapi_personal_data_operations.cpp).
const std::vector<OperationDoc>& personal_data_operations();
// The LGPD access log's (openapi_privacy_operations.cpp).
const std::vector<OperationDoc>& privacy_operations();
// The reports' (openapi_report_operations.cpp).
const std::vector<OperationDoc>& report_operations();
// The satisfaction report's and the charter panel's
// (openapi_satisfaction_operations.cpp).
const std::vector<OperationDoc>& satisfaction_report_operations();
// The incidents and manifestações reports' (openapi_incident_manifestation_reports.cpp).
const std::vector<OperationDoc>& incident_manifestation_report_operations();
// The ways to sign in (openapi_sign_in_operations.cpp).
const std::vector<OperationDoc>& sign_in_operations();
// Merging, splitting and following tickets (openapi_ticket_merge_operations.cpp).
const std::vector<OperationDoc>& ticket_merge_operations();
// Answer templates, macros and bulk actions (openapi_answer_operations.cpp).
const std::vector<OperationDoc>& answer_operations();
// The knowledge base's (openapi_knowledge_operations.cpp).
const std::vector<OperationDoc>& knowledge_operations();
// Liveness, readiness and /metrics (openapi_observability_operations.cpp).
const std::vector<OperationDoc>& observability_operations();

}  // namespace guiche::api
