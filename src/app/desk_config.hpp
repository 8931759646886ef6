#pragma once
// The desk's settings: what `guiche serve` options and the tests change.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/privacy/access_log_options.hpp"
#include "app/whatsapp/whatsapp_config.hpp"
#include "domain/service.hpp"

namespace guiche::app {

// What an e-mail answering a resolved ticket does (mail intake): ask to
// reopen it while the reopen window lasts, or register a new ticket linked
// to it. Once the ticket is closed, a new linked ticket either way.
enum class ReplyToClosed { reopen_request, new_linked_ticket };

struct DeskConfig {
  std::string data_dir = "data";
  std::chrono::days reopen_window{7};
  // LGPD retention: housekeeping anonymizes requesters (no other role) whose
  // tickets all closed more than this many years ago. 0: never.
  int anonymize_requesters_after_years = 0;
  // The desk's file policy, one for every channel (app/attachments/attachment_policy.hpp).
  // A file it refuses is still kept, held apart for staff with the reason,
  // and an admin may release it; only files past what a channel can carry
  // at all (max_mail_bytes, the API's body limit) are turned away.
  std::int64_t max_attachment_bytes = 25LL * 1024 * 1024;
  // A file past the policy's size but within this one is kept and held; past
  // it, the portal and the API refuse the upload (413). E-mail carries up to
  // max_mail_bytes.
  std::int64_t max_held_attachment_bytes = 40LL * 1024 * 1024;
  // Sniffed types accepted as attachments (prefix match on the MIME type). SVG
  // is left out on purpose: it can carry scripts. Archives, logs and calendar
  // invitations are what people send a public IT desk.
  std::vector<std::string> attachment_types = {"image/png",
                                               "image/jpeg",
                                               "image/gif",
                                               "image/webp",
                                               "image/bmp",
                                               "image/tiff",
                                               "text/plain",
                                               "text/csv",
                                               "text/calendar",
                                               "application/pdf",
                                               "application/zip",
                                               "application/x-7z-compressed",
                                               "application/gzip",
                                               "application/x-gzip",
                                               "application/x-tar",
                                               "application/x-bzip2",
                                               "application/x-xz",
                                               "application/x-rar",
                                               "application/vnd.openxmlformats-officedocument",
                                               "application/vnd.oasis.opendocument",
                                               "application/msword",
                                               "application/vnd.ms-excel",
                                               "application/vnd.ms-powerpoint",
                                               "application/vnd.ms-outlook",
                                               "application/x-dmp",
                                               "message/rfc822",
                                               "application/json",
                                               "application/xml",
                                               "text/xml"};
  // Bytes libmagic cannot name (application/octet-stream) are accepted when
  // the file's extension is one of these (memory dumps, logs, event traces).
  std::vector<std::string> attachment_binary_extensions = {
      "dmp", "mdmp", "hdmp", "log", "txt", "evtx", "etl", "pcap", "pcapng", "cap", "har"};
  // Extensions refused whatever the bytes look like: programs and scripts a
  // click would run (a .bat is plain text to libmagic).
  std::vector<std::string> attachment_refused_extensions = {
      "exe", "com", "scr", "pif", "bat", "cmd", "msi", "msp", "dll", "sys", "cpl", "ps1", "psm1",
      "vbs", "vbe", "js",  "jse", "wsf", "wsh", "hta", "jar", "lnk", "reg", "sh",  "apk", "app"};
  // Where the desk stands: decides the registration date and protocol year.
  std::string time_zone = "America/Sao_Paulo";
  std::chrono::hours session_lifetime{12};
  // How often a session opened through an OpenID provider or the directory
  // asks it again whether the grant or the account still holds (issue 16,
  // item 4): a token revoked or an account disabled there ends the session at
  // the first request after this.
  std::chrono::minutes session_recheck{15};
  // How long a node may keep answering for a session, token or unit tree it
  // has read, without reading it again (see credential_cache.hpp). 0: never.
  std::chrono::milliseconds credential_cache_ttl{2000};
  // Several server nodes on one database (PostgreSQL): every committed ticket
  // change is also written to live_changes for the other nodes' live relays.
  // Off for a single node, which it would only cost (about 7 % of a SQLite
  // registration's throughput).
  bool share_live_changes = false;
  // The calendar SLA clocks run on unless a policy names the requester
  // organization's (a name CalendarBook knows).
  std::string calendar = "br";
  // The outbox channels this desk delivers notices through (see
  // app/notices/notice_route.hpp); e-mail until another transport is set up.
  std::vector<std::string> notice_channels = {"email"};
  // Status notices (app/incidents): who speaks in them ("PRODEST Informa:")
  // and the channel where clients report incidents and post their SA numbers
  // (norm NPI-007's WhatsApp group), as the messages name them.
  std::string agency_name = "Central de Serviços";
  std::string incident_group_name = "canal de comunicação de incidentes";
  // Monitoring alerts name their component by one of these labels (the first
  // present), holding a component's name or id (app/incidents/monitoring_intake.cpp).
  // The status page's subscribers (app/incidents/status_subscriptions.hpp):
  // how long a confirmation link lasts, and how many subscription requests
  // one address, and one client IP, may make in their windows.
  std::chrono::hours subscription_confirm_window{48};
  int subscription_requests_per_address = 3;
  std::chrono::hours subscription_address_window{24};
  int subscription_requests_per_ip = 20;
  std::chrono::hours subscription_ip_window{1};
  std::vector<std::string> monitoring_component_labels = {"guiche_component", "component",
                                                          "service"};
  // Reminders the desk sends of its own (app/incidents/notice_reminders.hpp):
  // this long before a published maintenance starts, to its audience; to
  // ASCOM when a confirmed incident has had no published message for this
  // long. 0 turns either off.
  std::chrono::minutes maintenance_reminder_before{std::chrono::hours(24)};
  std::chrono::minutes incident_update_reminder{std::chrono::hours(2)};
  // Outgoing mail: who notices come from and where their links point.
  std::string mail_from_name = "Central de Serviços";
  std::string mail_from_address = "nao-responda@guiche.localhost";
  std::string public_url = "http://127.0.0.1:8080";
  // Mail intake (app/mail_intake.cpp): the service new e-mails are registered
  // under, the audience e-mail imposes (docs/domain.md: only authorized requesters
  // of client organizations skip client relations), replies to resolved
  // tickets, the loop guard (notices to one address per hour, mail-triggered
  // ones beyond it are dropped) and the largest message accepted.
  std::string mail_service_code = "SUP-TEC";
  std::optional<Audience> mail_audience = Audience::authorized_requesters;
  ReplyToClosed mail_reply_to_closed = ReplyToClosed::reopen_request;
  int mail_notices_per_hour = 5;
  std::int64_t max_mail_bytes = 40LL * 1024 * 1024;
  // The WhatsApp channel (chatbot intake and notices); off until configured.
  WhatsAppConfig whatsapp{};
  // LGPD art. 37: the personal-data access log's buffering (app/privacy/access_log.hpp)
  // and how long housekeeping keeps its entries (about five years by default).
  AccessLogOptions access_log{};
  std::chrono::days access_log_retention{1825};
};

}  // namespace guiche::app
