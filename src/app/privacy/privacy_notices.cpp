#include "app/privacy/privacy_notices.hpp"

#include "domain/error.hpp"
#include "store/privacy_notice_rows.hpp"

namespace guiche::app {

bool can_edit_privacy_notice(const Person& p) {
  return p.has_role(Role::admin) || p.has_role(Role::data_protection_officer);
}

PrivacyNotice PrivacyNotices::notice() {
  std::optional<store::PrivacyNoticeRecord> stored;
  ctx_.db.read([&](store::Connection& c) { stored = store::load_privacy_notice(c); });
  if (!stored) {
    return {{default_privacy_notice_pt(ctx_.config.agency_name), "", ""}, std::nullopt, ""};
  }
  return {{stored->text_pt, stored->text_en, stored->dpo_contact},
          stored->updated_at,
          stored->updated_by_name};
}

PrivacyNotice PrivacyNotices::update(const Actor& a, const PrivacyNoticeText& text) {
  require_active(a);
  if (!can_edit_privacy_notice(a.person)) {
    throw forbidden(
        "Somente administradores e o encarregado de dados alteram o aviso de privacidade.");
  }
  const auto valid = validated_privacy_notice(text);
  const Instant now = ctx_.now();
  ctx_.db.write([&](store::Connection& c) {
    store::save_privacy_notice(
        c, {valid.text_pt, valid.text_en, valid.dpo_contact, now, a.person.id, ""});
  });
  return {valid, now, a.person.name};
}

}  // namespace guiche::app
