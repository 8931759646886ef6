#pragma once
// libcurl's global set-up, which is not thread-safe: every transport that makes curl handles
// calls this first, so it runs once, before any handle, whichever worker starts first.
namespace guiche::transports {

void init_curl_once();

}  // namespace guiche::transports
