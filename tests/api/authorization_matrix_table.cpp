// The authorization matrix, written out (letters: tests/api/authorization_matrix.hpp). Per caller:
//   req orgm att ana umgr rel com lead adm ouv anon tok
// The ticket {t} is SESA's, routed to SGSIS and assigned to its analyst; per
// app/access_policy.cpp the attendant, the unit's analyst and manager, the
// admin and the leadership (diretoria) see it, those who work the unit (not the
// admin nor the leadership) act on it, and only
// the requester's side evaluates or reopens it.
#include "api/authorization_matrix.hpp"

namespace guiche::testing {

std::vector<MatrixRow> authorization_matrix() {
  const std::string t = "/api/v1/tickets/{t}";
  const std::string org = "/api/v1/organizations/{org}";
  const std::string multipart = "multipart/form-data; boundary=matriz";
  const std::string upload =
      "--matriz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.txt\"\r\n\r\n"
      "Anexo da matriz.\r\n--matriz--\r\n";
  return {
      {"GET", "/api/v1/health", "/api/v1/health", "", "PPPPPPPPPPPP"},
      {"GET", "/api/v1/health/live", "/api/v1/health/live", "", "PPPPPPPPPPPP"},
      {"GET", "/api/v1/health/ready", "/api/v1/health/ready", "", "PPPPPPPPPPPP"},
      // No account opens it: only the monitoring token (none is set here).
      {"GET", "/metrics", "/metrics", "", "DDDDDDDDDDDD"},
      {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "", "PPPPPPPPPPPP"},
      // Without a password: a wrong one would count against the login throttle.
      {"POST", "/api/v1/session", "/api/v1/session", R"({"login":"paulo"})", "IIIIIIIIIIII"},
      {"GET", "/api/v1/session", "/api/v1/session", "", "YYYYYYYYYYAY"},
      {"POST", "/api/v1/session/password", "/api/v1/session/password",
       R"({"current_password":"errada","new_password":"outra-senha-123"})", "YYYYYYYYYYAY"},

      {"POST", "/api/v1/tickets", "/api/v1/tickets",
       R"({"service_code":"SUP-TEC","subject":"Rede","description":"Sem rede.","requester_id":{paulo}})",
       "DDYDDDDDDDAD"},
      {"GET", "/api/v1/tickets", "/api/v1/tickets?limit=200", "", "LLYYYLLYYLAL"},
      {"GET", "/api/v1/tickets/:id", t, "", "HHYYYHHYYHAH"},
      {"GET", "/api/v1/tickets/by-protocol/:protocol", "/api/v1/tickets/by-protocol/{protocol}", "",
       "HHYYYHHYYHAH"},
      {"GET", "/api/v1/tickets/:id/events", t + "/events", "", "HHYYYHHYYHAH"},
      {"GET", "/api/v1/tickets/:id/attachments", t + "/attachments", "", "HHYYYHHYYHAH"},
      {"GET", "/api/v1/attachments/:id", "/api/v1/attachments/{a}", "", "HHYYYHHYYHAH"},
      // Only admins release a held file; this one is not held: 409 for them.
      {"POST", "/api/v1/attachments/:id/release", "/api/v1/attachments/{a}/release", "",
       "HHDDDHHDYHAH"},
      {"POST", "/api/v1/tickets/:id/attachments", t + "/attachments", upload, "HHYYYHHDDHAH",
       multipart},
      {"POST", "/api/v1/tickets/:id/triage", t + "/triage", R"({"impact":2})", "HHYYYHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/assign", t + "/assign", R"({"assignee_id":{analyst}})",
       "HHYYYHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/status", t + "/status", R"({"status":"in_progress"})",
       "HHYYYHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/replies", t + "/replies", R"({"text":"Olá."})", "HHYYYHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/notes", t + "/notes", R"({"text":"Nota."})", "HHYYYHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/time-entries", t + "/time-entries", R"({"minutes":5})",
       "HHYYYHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/links", t + "/links", R"({"ticket_id":{t2}})", "HHYYYHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/route", t + "/route", R"({"unit_id":{sgsis}})", "HHYYYHHDDHAH"},
      // The central merges {t2} into {t} (the others then meet the rule: 409),
      // and undoes it at once, so the rows below find both as they were.
      {"POST", "/api/v1/tickets/:id/merge", t + "/merge", R"({"duplicate_ids":[{t2}]})",
       "HHYYYHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/unmerge", "/api/v1/tickets/{t2}/unmerge", "{}", "HHYYYHHDDHAH"},
      // {t} has no public message to split off: 422 for those who work it.
      {"POST", "/api/v1/tickets/:id/split", t + "/split", R"({"event_seq":1})", "HHYYYHHDDHAH"},
      // Following is for staff who see the ticket; others are refused before any lookup.
      {"GET", "/api/v1/tickets/:id/followers", t + "/followers", "", "DDYYYHDYYDAD"},
      {"PUT", "/api/v1/tickets/:id/following", t + "/following", "", "DDYYYHDYYDAD"},
      {"DELETE", "/api/v1/tickets/:id/following", t + "/following", "", "DDYYYHDYYDAD"},
      {"GET", "/api/v1/following", "/api/v1/following", "", "DDYYYLDYYDAD"},
      {"GET", "/api/v1/notifications", "/api/v1/notifications", "", "DDYYYYDYYDAD"},
      {"POST", "/api/v1/notifications/read", "/api/v1/notifications/read", "{}", "YYYYYYYYYYAY"},
      {"POST", "/api/v1/tickets/:id/evaluation", t + "/evaluation", R"({"rating":5})",
       "HHDDDHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/reopen", t + "/reopen", R"({"reason":"Não."})", "HHDDDHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/resolve", t + "/resolve",
       R"({"resolution":"Feito.","time_spent_minutes":5})", "HHYYYHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/cancel", t + "/cancel", R"({"reason":"Duplicado."})",
       "HHYYYHHDDHAH"},
      // Equipment custody: the central records the entry; the others then meet
      // the rule (409). The list is read while the equipment is held.
      {"POST", "/api/v1/tickets/:id/equipment/entry", t + "/equipment/entry",
       R"({"asset_number":"PAT-M","kind":"Notebook","condition":"Bom","delivered_by_name":"Ana"})",
       "HHYYYHHDDHAH"},
      {"POST", "/api/v1/tickets/:id/equipment/maintenance", t + "/equipment/maintenance",
       R"({"asset_number":"PAT-M","text":"Limpeza."})", "HHYYYHHDDHAH"},
      // Manifestações: anyone registers and tracks by protocol and code (a
      // complement not asked for is 409); only the ouvidoria works them; staff
      // who see the linked ticket read it (without a confidential identity).
      {"POST", "/api/v1/manifestations", "/api/v1/manifestations",
       R"({"kind":"complaint","subject":"Fila","description":"Demora.","name":"Rui","answer_channel":"tracking"})",
       "YYYYYYYYYYYY"},
      {"POST", "/api/v1/manifestations/track", "/api/v1/manifestations/track",
       R"({"protocol":"{mprotocol}","tracking_code":"{mcode}"})", "YYYYYYYYYYYY"},
      {"POST", "/api/v1/manifestations/track/complement", "/api/v1/manifestations/track/complement",
       R"({"protocol":"{mprotocol}","tracking_code":"{mcode}","text":"Mais."})", "YYYYYYYYYYYY"},
      {"GET", "/api/v1/manifestations", "/api/v1/manifestations", "", "DDDDDDDDDYAD"},
      {"GET", "/api/v1/manifestations/:id", "/api/v1/manifestations/{m}", "", "HHYYYHHYYYAH"},
      {"POST", "/api/v1/manifestations/:id/complement-request",
       "/api/v1/manifestations/{m}/complement-request", R"({"text":"Qual?"})", "DDDDDDDDDYAD"},
      {"POST", "/api/v1/manifestations/:id/extension", "/api/v1/manifestations/{m}/extension",
       R"({"reason":"Análise."})", "DDDDDDDDDYAD"},
      {"POST", "/api/v1/manifestations/:id/answer", "/api/v1/manifestations/{m}/answer",
       R"({"text":"Resposta."})", "DDDDDDDDDYAD"},
      {"POST", "/api/v1/manifestations/:id/archive", "/api/v1/manifestations/{m}/archive", "",
       "DDDDDDDDDYAD"},
      {"POST", "/api/v1/manifestations/:id/tickets", "/api/v1/manifestations/{m}/tickets",
       R"({"protocol":"{protocol}"})", "DDDDDDDDDYAD"},
      {"GET", "/api/v1/manifestation-settings", "/api/v1/manifestation-settings", "",
       "DDDDDDDDYYAD"},
      {"PUT", "/api/v1/manifestation-settings", "/api/v1/manifestation-settings",
       R"({"answer_days":30})", "DDDDDDDDYDAD"},
      {"GET", "/api/v1/tickets/:id/equipment", t + "/equipment", "", "HHYYYHHYYHAH"},
      {"GET", "/api/v1/equipment", "/api/v1/equipment", "", "DDYYYLDYYDAD"},
      {"POST", "/api/v1/tickets/:id/equipment/return", t + "/equipment/return",
       R"({"asset_number":"PAT-M","taken_by_name":"Ana"})", "HHYYYHHDDHAH"},

      {"GET", "/api/v1/organizations", "/api/v1/organizations", "", "LLYYYYLYYLAL"},
      {"POST", "/api/v1/organizations", "/api/v1/organizations",
       R"({"name":"Secretaria da Fazenda","acronym":"SEFAZ"})", "DDDDDDDDYDAD"},
      {"GET", "/api/v1/organizations/:id", org, "", "HHYYYYHYYHAH"},
      {"PUT", "/api/v1/organizations/:id", org, "{org_body}", "HHDDDDHDYHAH"},
      {"PATCH", "/api/v1/organizations/:id", org, R"({"calendar":"br-es"})", "HHDDDDHDYHAH"},
      {"GET", "/api/v1/organizations/:id/authorizations", org + "/authorizations", "",
       "HHYYYYHYYHAH"},
      {"POST", "/api/v1/organizations/:id/authorizations", org + "/authorizations",
       R"({"document_type":"oficio","document_number":"1/2026","person_id":{paulo},"valid_from":"2026-01-01"})",
       "HHYHHHHHYHAH"},
      {"POST", "/api/v1/authorizations/:id/decision", "/api/v1/authorizations/{auth}/decision",
       R"({"approve":true})", "DDYDDDDDYDAD"},
      {"POST", "/api/v1/authorizations/:id/revocation", "/api/v1/authorizations/{auth}/revocation",
       R"({"valid_until":"2026-12-31","reason":"Fim do contrato"})", "HHYHHHHHYHAH"},

      {"GET", "/api/v1/people", "/api/v1/people?q=Paulo", "", "DDYYYYDYYDAD"},
      {"POST", "/api/v1/people", "/api/v1/people",
       R"({"name":"Nova Pessoa","emails":["nova@saude.es.gov.br"],"organization_id":{org},"roles":[{"role":"requester"}]})",
       "DDYDDDDDYDAD"},
      {"GET", "/api/v1/people/:id", "/api/v1/people/{paulo}", "", "HHYYYYHYYHAH"},
      {"PUT", "/api/v1/people/:id", "/api/v1/people/{paulo}", "{paulo_body}", "HHYDDDHDYHAH"},
      {"PATCH", "/api/v1/people/:id", "/api/v1/people/{paulo}", R"({"phone":null})",
       "HHYDDDHDYHAH"},
      // Paulo's token (another caller's) is not a session: it survives the reset.
      {"POST", "/api/v1/people/:id/password-reset", "/api/v1/people/{paulo}/password-reset", "",
       "DDDDDDDDYDAD"},
      // LGPD: the person themselves (not a caller here) and admins; staff who see Paulo 403.
      {"GET", "/api/v1/people/:id/personal-data", "/api/v1/people/{paulo}/personal-data", "",
       "HHDDDDHDYHAH"},
      {"GET", "/api/v1/people/:id/tokens", "/api/v1/people/{paulo}/tokens", "", "HHHHHHHHYHAH"},
      {"POST", "/api/v1/people/:id/tokens", "/api/v1/people/{paulo}/tokens", R"({"name":"x"})",
       "DDDDDDDDYDAD"},
      {"DELETE", "/api/v1/tokens/:id", "/api/v1/tokens/{token}", "", "HHHHHHHHYHAH"},

      {"GET", "/api/v1/units", "/api/v1/units", "", "YYYYYYYYYYAY"},
      {"POST", "/api/v1/units", "/api/v1/units", R"({"code":"NOVA","name":"Nova unidade"})",
       "DDDDDDDDYDAD"},
      {"PATCH", "/api/v1/units/:id", "/api/v1/units/{sgsis}",
       R"({"name":"Subgerência de Sistemas"})", "DDDDDDDDYDAD"},
      {"GET", "/api/v1/services", "/api/v1/services", "", "YYYYYYYYYYAY"},
      {"POST", "/api/v1/services", "/api/v1/services", R"({"code":"NOVO","name":"Novo"})",
       "DDDDDDDDYDAD"},
      {"GET", "/api/v1/services/:code", "/api/v1/services/SUP-TEC", "", "YYYYYYYYYYAY"},
      {"PUT", "/api/v1/services/:code", "/api/v1/services/SUP-TEC", "{service_body}",
       "DDDDDDDDYDAD"},
      {"PATCH", "/api/v1/services/:code", "/api/v1/services/SUP-TEC", R"({"cost":"Sem custo"})",
       "DDDDDDDDYDAD"},
      {"GET", "/api/v1/categories", "/api/v1/categories", "", "YYYYYYYYYYAY"},

      // Mail: the gateway's account (an attendant) delivers; the central, client
      // relations and admins work the quarantine ({q}: an unreadable message).
      {"POST", "/api/v1/mail/inbound", "/api/v1/mail/inbound",
       "From: x@example.org\r\nSubject: matriz\r\n\r\nCorpo.\r\n", "DDYDDDDDDDAD",
       "message/rfc822"},
      {"GET", "/api/v1/mail/quarantine", "/api/v1/mail/quarantine", "", "DDYDDYDDYDAD"},
      {"GET", "/api/v1/mail/quarantine/:id", "/api/v1/mail/quarantine/{q}", "", "DDYDDYDDYDAD"},
      {"GET", "/api/v1/mail/quarantine/:id/raw", "/api/v1/mail/quarantine/{q}/raw", "",
       "DDYDDYDDYDAD"},
      {"POST", "/api/v1/mail/quarantine/:id/retry", "/api/v1/mail/quarantine/{q}/retry", "",
       "DDYDDYDDYDAD"},
      {"POST", "/api/v1/mail/quarantine/:id/ticket", "/api/v1/mail/quarantine/{q}/ticket",
       R"({"requester_id":{paulo},"service_code":"SUP-TEC"})", "DDYDDYDDYDAD"},
      // Calendars: staff read them, admins change them, holidays are public.
      {"GET", "/api/v1/outbox", "/api/v1/outbox?status=pending", "", "DDDDDDDDYDAD"},
      {"POST", "/api/v1/outbox/:id/retry", "/api/v1/outbox/1/retry", "", "DDDDDDDDYDAD"},
      {"POST", "/api/v1/outbox/:id/confirm-delivery", "/api/v1/outbox/1/confirm-delivery", "",
       "DDDDDDDDYDAD"},
      {"GET", "/api/v1/templates/:key", "/api/v1/templates/registration", "", "DDDDDDDDYDAD"},
      {"PUT", "/api/v1/templates/:key", "/api/v1/templates/closing",
       R"({"subject":"Encerrada","text":"SA {{protocol}} encerrada.","html":""})", "DDDDDDDDYDAD"},
      // Outbound webhooks: admins only ({hook} is a subscription the test made).
      {"GET", "/api/v1/webhooks", "/api/v1/webhooks", "", "DDDDDDDDYDAD"},
      {"POST", "/api/v1/webhooks", "/api/v1/webhooks",
       R"({"url":"https://receptor.example/hook","secret":"segredo-da-matriz-123","events":["resolved"]})",
       "DDDDDDDDYDAD"},
      {"GET", "/api/v1/webhooks/:id", "/api/v1/webhooks/{hook}", "", "DDDDDDDDYDAD"},
      {"PATCH", "/api/v1/webhooks/:id", "/api/v1/webhooks/{hook}", R"({"active":false})",
       "DDDDDDDDYDAD"},
      {"GET", "/api/v1/webhooks/:id/deliveries", "/api/v1/webhooks/{hook}/deliveries", "",
       "DDDDDDDDYDAD"},
      {"POST", "/api/v1/webhooks/:id/deliveries/:delivery_id/retry",
       "/api/v1/webhooks/{hook}/deliveries/{hook_delivery}/retry", "", "DDDDDDDDYDAD"},
      {"DELETE", "/api/v1/webhooks/:id", "/api/v1/webhooks/{hook}", "", "DDDDDDDDYDAD"},
      // The ways to sign in and the directory groups' mappings: admins only.
      {"GET", "/api/v1/auth/backends", "/api/v1/auth/backends", "", "DDDDDDDDYDAD"},
      {"GET", "/api/v1/auth/group-mappings", "/api/v1/auth/group-mappings", "", "DDDDDDDDYDAD"},
      {"POST", "/api/v1/auth/group-mappings", "/api/v1/auth/group-mappings",
       R"({"group_dn":"cn=GS-Matriz,ou=groups,dc=matriz","organization_id":{org}})",
       "DDDDDDDDYDAD"},
      {"DELETE", "/api/v1/auth/group-mappings/:id", "/api/v1/auth/group-mappings/{group_mapping}",
       "", "DDDDDDDDYDAD"},
      // Incident communication ({component}: SGSIS's, used by SESA; {notice}: an
      // incident at SESA reported by the central). Acknowledging is ASCOM's.
      {"GET", "/api/v1/status-components", "/api/v1/status-components", "", "YYYYYYYYYYAY"},
      {"POST", "/api/v1/status-components", "/api/v1/status-components",
       R"({"name":"Componente novo","group_name":"Sistemas","responsible_unit_id":{sgsis}})",
       "DDDDDDDDYDAD"},
      {"PATCH", "/api/v1/status-components/:id", "/api/v1/status-components/{component}",
       R"({"description":"Alterado."})", "DDDDDDDDYDAD"},
      {"GET", "/api/v1/notices", "/api/v1/notices", "", "DDYYYYYYYDAD"},
      {"POST", "/api/v1/notices", "/api/v1/notices",
       R"({"kind":"incident","component_ids":[{component}],"impact":"o acesso"})", "DYYYYYYYYDAD"},
      {"GET", "/api/v1/notices/:id", "/api/v1/notices/{notice}", "", "HHYYYYYYYHAH"},
      {"POST", "/api/v1/notices/:id/actions", "/api/v1/notices/{notice}/actions",
       R"({"action":"acknowledge"})", "HHDDDDYDDHAH"},
      // Linking {t} needs a caller who sees it; resolving the linked tickets
      // waits for the restoration (409 while {notice} is only reported).
      {"POST", "/api/v1/notices/:id/tickets", "/api/v1/notices/{notice}/tickets",
       R"({"ticket_id":{t}})", "HHYYYHHYYHAH"},
      {"DELETE", "/api/v1/notices/:id/tickets/:ticket_id", "/api/v1/notices/{notice}/tickets/{t}",
       "", "HHYYYHHYYHAH"},
      {"POST", "/api/v1/notices/:id/resolve-tickets", "/api/v1/notices/{notice}/resolve-tickets",
       R"({"note":"O serviço foi restabelecido."})", "HHYYYYYYYHAH"},
      // Monitoring: a staff account's token posts alerts; a draft, never published.
      {"POST", "/api/v1/monitoring/alertmanager", "/api/v1/monitoring/alertmanager",
       R"({"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"component":"{component}"},"startsAt":"2026-03-02T12:00:00Z","fingerprint":"matriz"}]})",
       "DDYYYYDDYDAD"},
      {"POST", "/api/v1/monitoring/zabbix", "/api/v1/monitoring/zabbix",
       R"({"event_id":"4401","event_value":"1","event_time":"2026-03-02T12:00:00Z","trigger_name":"Matriz fora do ar","tags":[{"tag":"component","value":"{component}"}]})",
       "DDYYYYDDYDAD"},
      // WhatsApp's webhook answers Meta, by its signature, never a person: with the channel
      // off (this world configures none) it is 404 to everyone
      // (tests/api/whatsapp_webhook_api_test.cpp).
      {"GET", "/webhooks/whatsapp", "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1", "",
       "HHHHHHHHHHHH"},
      {"POST", "/webhooks/whatsapp", "/webhooks/whatsapp",
       R"({"object":"whatsapp_business_account"})", "HHHHHHHHHHHH"},
      {"GET", "/api/v1/calendars", "/api/v1/calendars", "", "DDYYYYDYYDAD"},
      {"GET", "/api/v1/calendars/:name", "/api/v1/calendars/br-es", "", "DDYYYYDYYDAD"},
      {"GET", "/api/v1/calendars/:name/holidays", "/api/v1/calendars/br-es/holidays?year=2026", "",
       "PPPPPPPPPPPP"},
      {"PUT", "/api/v1/calendars/:name", "/api/v1/calendars/br-es-matriz", R"({"parent":"br-es"})",
       "DDDDDDDDYDAD"},
      {"PUT", "/api/v1/calendars/:name/optional-days/:year",
       "/api/v1/calendars/br-es/optional-days/2027", R"({"items":[]})", "DDDDDDDDYDAD"},

      // SLA: the ticket's timeline is seen by whoever sees the ticket.
      {"GET", "/api/v1/tickets/:id/sla", t + "/sla", "", "HHYYYHHYYHAH"},
      {"GET", "/api/v1/sla/configuration", "/api/v1/sla/configuration", "", "DDYYYYDYYDAD"},
      {"PUT", "/api/v1/sla/configuration", "/api/v1/sla/configuration", "{sla_configuration}",
       "DDDDDDDDYDAD"},
      {"GET", "/api/v1/sla/recompute", "/api/v1/sla/recompute", "", "DDDDDDDDYDAD"},
      // LGPD art. 37: the personal-data access log, admins (and the encarregado
      // de dados, no caller here: tests/api/access_log_api_test.cpp) only.
      {"GET", "/api/v1/access-log", "/api/v1/access-log", "", "DDDDDDDDYDAD"},
      // Reports: the leadership, unit managers (their units), organization managers
      // (their organization) and admins.
      {"GET", "/api/v1/reports/sla-compliance", "/api/v1/reports/sla-compliance", "",
       "DYDDYDDYYDAD"},
      {"GET", "/api/v1/reports/volume", "/api/v1/reports/volume", "", "DYDDYDDYYDAD"},
      {"GET", "/api/v1/reports/satisfaction", "/api/v1/reports/satisfaction", "", "DYDDYDDYYDAD"},
      {"GET", "/api/v1/reports/charter", "/api/v1/reports/charter", "", "DYDDYDDYYDAD"},
      // Scheduled reports: one's own, for those who read a report (another's id is unknown),
      // each to a report they read (ASCOM reads the incidents, the ouvidoria the manifestações:
      // tests/api/report_subscription_api_test.cpp).
      {"GET", "/api/v1/reports/subscriptions", "/api/v1/reports/subscriptions", "", "DYDDYDYYYYAD"},
      {"POST", "/api/v1/reports/subscriptions", "/api/v1/reports/subscriptions",
       R"({"report":"volume","frequency":"weekly"})", "DYDDYDDYYDAD"},

      {"DELETE", "/api/v1/reports/subscriptions/:id", "/api/v1/reports/subscriptions/999999999", "",
       "HHHHHHHHHHAH"},
      // Incidents: the same, and ASCOM, who run the notices.
      {"GET", "/api/v1/reports/incidents", "/api/v1/reports/incidents", "", "DDDDYDYYYDAD"},
      // Manifestações: the ouvidoria, the leadership and admins; no unit manager.
      {"GET", "/api/v1/reports/manifestations", "/api/v1/reports/manifestations", "",
       "DDDDDDDYYYAD"},
      // Answer templates and macros ({tpl}, {macro}: shared ones the admin made; the macro
      // logs a minute): the staff use them, admins and unit managers keep them (shared ones
      // admins only); filling or applying one on {t} is for those who work it, as replying.
      {"GET", "/api/v1/answer-templates", "/api/v1/answer-templates?q=matriz", "", "DDYYYYDYYDAD"},
      {"POST", "/api/v1/answer-templates", "/api/v1/answer-templates",
       R"({"kind":"answer","title":"Matriz","body":"Olá, {{solicitante}}."})", "DDDDDDDDYDAD"},
      {"GET", "/api/v1/answer-templates/:id", "/api/v1/answer-templates/{tpl}", "", "HHYYYYHYYHAH"},
      {"PUT", "/api/v1/answer-templates/:id", "/api/v1/answer-templates/{tpl}",
       R"({"kind":"answer","unit_id":null,"title":"Matriz","body":"Olá.","active":true})",
       "DDDDDDDDYDAD"},
      {"GET", "/api/v1/tickets/:id/answer-templates/:template_id", t + "/answer-templates/{tpl}",
       "", "HHYYYHHDDHAH"},
      {"GET", "/api/v1/macros", "/api/v1/macros", "", "DDYYYYDYYDAD"},
      {"POST", "/api/v1/macros", "/api/v1/macros", R"({"name":"Matriz","minutes":1})",
       "DDDDDDDDYDAD"},
      {"GET", "/api/v1/macros/:id", "/api/v1/macros/{macro}", "", "HHYYYYHYYHAH"},
      {"PUT", "/api/v1/macros/:id", "/api/v1/macros/{macro}",
       R"({"unit_id":null,"name":"Matriz","reply_template_id":null,"set_status":null,"route_unit_id":null,"minutes":1,"solution_template_id":null,"active":true})",
       "DDDDDDDDYDAD"},
      {"POST", "/api/v1/tickets/:id/macros/:macro_id", t + "/macros/{macro}", "", "HHYYYHHDDHAH"},
      // S: answered, with {t} skipped — a bulk action reaches only tickets the caller could
      // change alone.
      {"POST", "/api/v1/tickets/bulk", "/api/v1/tickets/bulk",
       R"({"ticket_ids":[{t}],"action":{"kind":"assign","assignee_id":{analyst}}})",
       "DDYYYSDSSDAD"},
      // The knowledge base: public articles for anyone; {kb_internal} (SGSIS's
      // SIS-ACESSO, internal) only for staff, written by its unit's analyst
      // and managers and admins; a ticket's articles like its other links.
      {"GET", "/api/v1/knowledge/articles", "/api/v1/knowledge/articles?q=matriz", "",
       "PPPPPPPPPPPP"},
      {"POST", "/api/v1/knowledge/articles", "/api/v1/knowledge/articles",
       R"({"title":"Artigo da matriz","body":"Texto.","service_code":"SIS-ACESSO"})",
       "DDDYYDDDYDAD"},
      {"GET", "/api/v1/knowledge/articles/:id", "/api/v1/knowledge/articles/{kb_internal}", "",
       "HHYYYYHYYHHH"},
      {"PUT", "/api/v1/knowledge/articles/:id", "/api/v1/knowledge/articles/{kb_internal}",
       R"({"title":"Procedimento","body":"Passos.","audience":"internal","service_code":"SIS-ACESSO"})",
       "HHDYYDHDYHAH"},
      {"POST", "/api/v1/knowledge/articles/:id/avoided",
       "/api/v1/knowledge/articles/{kb_internal}/avoided", "", "HHYYYYHYYHAH"},
      {"GET", "/api/v1/tickets/:id/articles", t + "/articles", "", "HHYYYHHYYHAH"},
      {"POST", "/api/v1/tickets/:id/articles", t + "/articles", R"({"article_id":{kb_internal}})",
       "HHYYYHHDDHAH"},
      {"DELETE", "/api/v1/tickets/:id/articles/:article_id", t + "/articles/{kb_internal}", "",
       "HHYYYHHDDHAH"},
      // Near the end: the admin's call erases Paulo's data (the rows above use them).
      {"POST", "/api/v1/people/:id/anonymize", "/api/v1/people/{paulo}/anonymize", "",
       "HHDDDDHDYHAH"},
      // Last: it ends each caller's session.
      {"DELETE", "/api/v1/session", "/api/v1/session", "", "YYYYYYYYYYAY"},
  };
}

}  // namespace guiche::testing
