#include "store/channel_health_rows.hpp"

namespace guiche::store {
namespace {

ChannelHealth health_from(const Row& r) {
  return {r.text(0), r.text(1), r.text(2), from_millis(r.integer(3))};
}

}  // namespace

void mark_channel_broken(Connection& c, const std::string& channel, const std::string& reason,
                         Instant at) {
  c.query(
      "INSERT INTO channel_health (channel, state, reason, since) VALUES (?, 'broken', ?, ?) "
      "ON CONFLICT (channel) DO UPDATE SET reason = excluded.reason",
      {channel, reason, to_millis(at)});
}

bool mark_channel_working(Connection& c, const std::string& channel) {
  return !c.query("DELETE FROM channel_health WHERE channel = ? RETURNING channel", {channel})
              .empty();
}

std::optional<ChannelHealth> channel_health(Connection& c, const std::string& channel) {
  auto r = c.query_one("SELECT channel, state, reason, since FROM channel_health WHERE channel = ?",
                       {channel});
  if (!r) return std::nullopt;
  return health_from(*r);
}

std::vector<ChannelHealth> broken_channels(Connection& c) {
  std::vector<ChannelHealth> out;
  for (const auto& r :
       c.query("SELECT channel, state, reason, since FROM channel_health ORDER BY channel")) {
    out.push_back(health_from(r));
  }
  return out;
}

}  // namespace guiche::store
