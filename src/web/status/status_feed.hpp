#pragma once
// The status page's Atom feed (RFC 4287): each published update of a general
// notice is an entry, newest first, so a feed reader shows every update, not
// only new incidents.
#include <string>
#include <utility>
#include <vector>

#include "app/incidents/status_page.hpp"

namespace guiche::web {

struct StatusFeed {
  std::string title;      // "Situação dos serviços — PRODEST"
  std::string self_url;   // the feed's own address
  std::string page_url;   // the status page's
  std::string time_zone;  // IANA, for the entries' times
};

std::string status_atom(const StatusFeed& feed,
                        const std::vector<std::pair<app::PublicNotice, app::PublicUpdate>>& entries,
                        Instant now);

}  // namespace guiche::web
