#include "web/status/status_feed.hpp"

#include "app/incidents/notice_time.hpp"
#include "support/markup_escape.hpp"

namespace guiche::web {
std::string status_atom(const StatusFeed& feed,
                        const std::vector<std::pair<app::PublicNotice, app::PublicUpdate>>& entries,
                        Instant now) {
  const Instant updated = entries.empty() ? now : entries.front().second.at;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"pt-BR\">\n"
      "  <id>" +
      escape_markup(feed.self_url) +
      "</id>\n"
      "  <title>" +
      escape_markup(feed.title) +
      "</title>\n"
      "  <updated>" +
      app::local_iso_text(feed.time_zone, updated) +
      "</updated>\n"
      "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
      escape_markup(feed.self_url) +
      "\"/>\n"
      "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
      escape_markup(feed.page_url) +
      "\"/>\n"
      "  <author><name>" +
      escape_markup(feed.title) + "</name></author>\n";
  for (const auto& [notice, update] : entries) {
    const std::string url = feed.page_url + "/comunicados/" + std::to_string(notice.notice.id);
    const std::string title = notice.notice.title + " — " + update.title;
    xml +=
        "  <entry>\n"
        "    <id>" +
        escape_markup(url + "#atualizacao-" + std::to_string(update.id)) +
        "</id>\n"
        "    <title>" +
        escape_markup(title) +
        "</title>\n"
        "    <updated>" +
        app::local_iso_text(feed.time_zone, update.at) +
        "</updated>\n"
        "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
        escape_markup(url) +
        "\"/>\n"
        "    <content type=\"text\">" +
        escape_markup(update.text) +
        "</content>\n"
        "  </entry>\n";
  }
  return xml + "</feed>\n";
}

}  // namespace guiche::web
