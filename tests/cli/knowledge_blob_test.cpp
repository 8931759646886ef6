// A knowledge article's files live in the attachments' store too: a backup
// carries them and a check finds them (operations/blob_references.hpp), and
// an LGPD erasure keeps bytes an article still names
// (store/personal_data_rows.hpp, blob_in_use).
#include <gmock/gmock.h>

#include "app/knowledge/knowledge_base.hpp"
#include "operations/blob_references.hpp"
#include "store/personal_data_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class KnowledgeBlobTest : public DeskTest {};

TEST_P(KnowledgeBlobTest, AnArticlesFileIsReferencedAndKept) {
  app::ArticleDraft d;
  d.title = "Guia da VPN";
  d.body = "Veja o guia anexo.";
  const auto article = desk->knowledge().create(as(w.admin), d);
  const auto file = desk->knowledge().attach(as(w.admin), article.id, "guia.txt", "Guia.\n");
  database->db().read([&](store::Connection& c) {
    const auto refs = operations::blob_references(c);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].sha256, file.sha256);
    EXPECT_EQ(refs[0].size, 6);
    EXPECT_THAT(refs[0].owner, ::testing::HasSubstr("arquivo de artigo"));
    EXPECT_TRUE(store::blob_in_use(c, file.sha256));
  });
}

GUICHE_ON_BOTH_ENGINES(KnowledgeBlobTest);

}  // namespace
}  // namespace guiche::testing
