#pragma once
// What the knowledge base's pages share (knowledge_pages.cpp, the staff's
// knowledge_editor_pages.cpp, the ticket's panel and the charter): an
// article as a list item.
#include <nlohmann/json.hpp>
#include <string>

#include "domain/knowledge/article.hpp"
#include "web/page.hpp"

namespace guiche::web {

// The article's public page.
std::string article_path(const KnowledgeArticle& a);

// Title, address, excerpt, category, date; an internal article or a draft
// says so (only staff are given them).
nlohmann::json article_item(WebContext& ctx, const KnowledgeArticle& a);

// The ticket page's panel "Artigos da base de conhecimento": the articles
// linked to the ticket, each with "Inserir na resposta", and where to find
// another (knowledge_ticket_pages.cpp).
nlohmann::json ticket_articles_view(WebContext& ctx, const Visitor& v, const Ticket& t);

}  // namespace guiche::web
