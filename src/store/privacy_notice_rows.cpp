#include "store/privacy_notice_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {

std::optional<PrivacyNoticeRecord> load_privacy_notice(Connection& c) {
  auto row = c.query_one(
      "SELECT n.text_pt, n.text_en, n.dpo_contact, n.updated_at, n.updated_by, p.name FROM "
      "privacy_notice n LEFT JOIN people p ON p.id = n.updated_by WHERE n.id = 1");
  if (!row) return std::nullopt;
  return PrivacyNoticeRecord{row->text(0),
                             row->text(1),
                             row->text(2),
                             from_millis(row->integer(3)),
                             row->optional_integer(4),
                             row->text(5)};
}

void save_privacy_notice(Connection& c, const PrivacyNoticeRecord& n) {
  c.query("DELETE FROM privacy_notice WHERE id = 1");
  c.query(
      "INSERT INTO privacy_notice (id, text_pt, text_en, dpo_contact, updated_at, updated_by) "
      "VALUES (1, ?, ?, ?, ?, ?)",
      {n.text_pt, n.text_en, n.dpo_contact, to_millis(n.updated_at),
       n.updated_by ? Value{*n.updated_by} : Value{}});
}

}  // namespace guiche::store
