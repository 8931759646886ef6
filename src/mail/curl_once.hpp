#pragma once
// libcurl's global set-up, which is not thread-safe: everything that makes curl handles (SMTP,
// the IMAP poller, the webhook and WhatsApp transports, mailgate) calls this first, so it runs
// once, before any handle, whichever thread starts first.
namespace guiche::mail {

void init_curl_once();

}  // namespace guiche::mail
