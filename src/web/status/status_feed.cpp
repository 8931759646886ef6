#include "web/status/status_feed.hpp"

#include "app/incidents/notice_time.hpp"

namespace guiche::web {
namespace {

std::string xml_escaped(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

}  // namespace

std::string status_atom(const StatusFeed& feed,
                        const std::vector<std::pair<app::PublicNotice, app::PublicUpdate>>& entries,
                        Instant now) {
  const Instant updated = entries.empty() ? now : entries.front().second.at;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"pt-BR\">\n"
      "  <id>" +
      xml_escaped(feed.self_url) +
      "</id>\n"
      "  <title>" +
      xml_escaped(feed.title) +
      "</title>\n"
      "  <updated>" +
      app::local_iso_text(feed.time_zone, updated) +
      "</updated>\n"
      "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
      xml_escaped(feed.self_url) +
      "\"/>\n"
      "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
      xml_escaped(feed.page_url) +
      "\"/>\n"
      "  <author><name>" +
      xml_escaped(feed.title) + "</name></author>\n";
  for (const auto& [notice, update] : entries) {
    const std::string url = feed.page_url + "/comunicados/" + std::to_string(notice.notice.id);
    const std::string title = notice.notice.title + " — " + update.title;
    xml +=
        "  <entry>\n"
        "    <id>" +
        xml_escaped(url + "#atualizacao-" + std::to_string(update.id)) +
        "</id>\n"
        "    <title>" +
        xml_escaped(title) +
        "</title>\n"
        "    <updated>" +
        app::local_iso_text(feed.time_zone, update.at) +
        "</updated>\n"
        "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
        xml_escaped(url) +
        "\"/>\n"
        "    <content type=\"text\">" +
        xml_escaped(update.text) +
        "</content>\n"
        "  </entry>\n";
  }
  return xml + "</feed>\n";
}

}  // namespace guiche::web
