// The aviso de privacidade (/privacidade; app/privacy/privacy_notices.hpp):
// public, in pt-BR, and in English where the admin wrote an English text
// (otherwise the English page says so and shows the Portuguese one). The
// admin's text is plain: blank-line separated paragraphs, a paragraph whose
// first line is short and ends without punctuation shown as a heading; every
// value is escaped by the templates.
#include "app/privacy/privacy_notices.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"
#include "web/privacy_view.hpp"

namespace guiche::web {
namespace {

bool heading_line(const std::string& line) {
  if (line.empty() || line.size() > 80) return false;
  const char last = line.back();
  return last != '.' && last != ':' && last != ';' && last != ',' && last != '!' && last != '?';
}

}  // namespace

nlohmann::json privacy_sections(const std::string& text) {
  nlohmann::json sections = nlohmann::json::array();
  std::size_t pos = 0;
  std::string normalized;
  normalized.reserve(text.size());
  for (char c : text)
    if (c != '\r') normalized += c;
  while (pos < normalized.size()) {
    auto end = normalized.find("\n\n", pos);
    if (end == std::string::npos) end = normalized.size();
    std::string block = normalized.substr(pos, end - pos);
    pos = end + 2;
    const auto first = block.find_first_not_of("\n \t");
    if (first == std::string::npos) continue;
    block = block.substr(first, block.find_last_not_of("\n \t") - first + 1);
    const auto nl = block.find('\n');
    std::string title;
    if (nl != std::string::npos && heading_line(block.substr(0, nl))) {
      title = block.substr(0, nl);
      block = block.substr(nl + 1);
    }
    sections.push_back({{"titulo", title.empty() ? nlohmann::json(false) : nlohmann::json(title)},
                        {"texto", block}});
  }
  return sections;
}

void add_privacy_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/privacidade", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto notice = ctx.desk.privacy().notice();
                        const bool english = page_language() == "en";
                        const bool translated = english && !notice.text.text_en.empty();
                        const auto& body = translated ? notice.text.text_en : notice.text.text_pt;
                        nlohmann::json view = {
                            {"secoes", privacy_sections(body)},
                            {"so_portugues", english && !translated},
                            {"contato", notice.text.dpo_contact},
                            {"sem_contato", notice.text.dpo_contact.empty()},
                            {"atualizado", notice.updated_at ? nlohmann::json(format_local(
                                                                   ctx, *notice.updated_at))
                                                             : nlohmann::json(false)}};
                        return page(ctx, current_visitor(ctx, r), 200, "privacidade",
                                    "privacidade.titulo", view);
                      });
                    }});
}

}  // namespace guiche::web
