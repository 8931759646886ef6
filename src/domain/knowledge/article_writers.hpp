#pragma once
// Who may write (create, change, attach files to) a knowledge article:
//  - admins: any article;
//  - unit managers: articles of the services their units, or units below
//    them, own, and general articles (no service);
//  - analysts: articles of the services their own units own.
// Attendants and client relations read every article, link them to tickets
// and insert them in replies, but do not write them: what an article
// promises is the owning unit's to say. Readers: app/knowledge/knowledge_base.hpp.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/person.hpp"
#include "domain/unit.hpp"

namespace guiche {

// `service_owner`: the owning unit of the article's service; `has_service`
// false for a general article.
bool may_write_article(const Person& p, bool has_service, std::optional<std::int64_t> service_owner,
                       const std::vector<Unit>& units);

// Whether `p` may write some article (the editor's link in the workspace).
bool writes_articles(const Person& p);

}  // namespace guiche
