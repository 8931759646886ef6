// The names a list shows, read at once (Directory::person_names): only of
// the people the reader may see, as Directory::person would allow one by one.
#include "app/directory/directory.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class PersonNamesTest : public DeskTest {};

TEST_P(PersonNamesTest, EachReaderGetsTheNamesTheyMaySee) {
  const std::vector<std::int64_t> ids = {w.requester_seger.id, w.requester_sesa.id,
                                         w.manager_seger.id, w.requester_seger.id, 999999};
  auto names = desk->directory().person_names(as(w.attendant), ids);
  EXPECT_EQ(names.size(), 3u);  // the unknown id is left out
  EXPECT_EQ(names.at(w.requester_sesa.id), w.requester_sesa.name);
  // An organization's manager: its own people only.
  names = desk->directory().person_names(as(w.manager_seger), ids);
  EXPECT_EQ(names.size(), 2u);
  EXPECT_EQ(names.at(w.requester_seger.id), w.requester_seger.name);
  EXPECT_FALSE(names.contains(w.requester_sesa.id));
  // A requester: themselves.
  names = desk->directory().person_names(as(w.requester_sesa), ids);
  EXPECT_EQ(names.size(), 1u);
  EXPECT_TRUE(names.contains(w.requester_sesa.id));
  for (auto id : ids) {
    try {
      const auto one = desk->directory().person(as(w.manager_seger), id);
      EXPECT_TRUE(desk->directory().person_names(as(w.manager_seger), {id}).contains(id));
    } catch (const DomainError&) {
      EXPECT_FALSE(desk->directory().person_names(as(w.manager_seger), {id}).contains(id));
    }
  }
}

GUICHE_ON_BOTH_ENGINES(PersonNamesTest);

}  // namespace
}  // namespace guiche::testing
