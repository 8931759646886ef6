#pragma once
// The privacy notice (domain/privacy_notice.hpp) as the desk keeps it: the
// public page reads it; admins and the encarregado de dados edit it, and the
// desk remembers who and when.
#include <optional>
#include <string>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/privacy_notice.hpp"

namespace guiche::app {

struct PrivacyNotice {
  PrivacyNoticeText text;
  // Who saved it and when; none while the default text stands.
  std::optional<Instant> updated_at;
  std::string updated_by_name;
};

// Admins and the encarregado de dados.
bool can_edit_privacy_notice(const Person& p);

class PrivacyNotices {
 public:
  explicit PrivacyNotices(DeskContext& context) : ctx_(context) {}

  // Anyone: the saved notice, or the default naming the desk's agency.
  PrivacyNotice notice();
  // Validates and saves (forbidden to anyone but admins and the encarregado);
  // a validation error changes nothing.
  PrivacyNotice update(const Actor& a, const PrivacyNoticeText& text);

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
