#pragma once
#include <optional>
#include <string_view>

namespace guiche {

// docs/domain.md, "Categories". Projects carry an agreed deadline, not an SLA one.
enum class Category {
  technical_consultation,
  defect_with_stoppage,
  defect_without_stoppage,
  service_request,
  incident,
  project,
};

std::string_view category_code(Category c);
std::string_view category_label_pt(Category c);
// What the category is for, shown to requesters when they choose one.
std::string_view category_guidance_pt(Category c);
std::optional<Category> parse_category(std::string_view code);
inline bool category_is_project(Category c) {
  return c == Category::project;
}

}  // namespace guiche
