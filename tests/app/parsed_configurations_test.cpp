// The SLA configuration is parsed once per stored text
// (app/sla/parsed_configurations.hpp): the same text gives the same parse,
// and any other text (saved by this node or another) is parsed anew.
#include <gtest/gtest.h>

#include "app/sla/parsed_configurations.hpp"

namespace guiche::app {
namespace {

TEST(ParsedConfigurationsTest, TheSameTextIsParsedOnceAndAnotherTextAgain) {
  ParsedConfigurations cache;
  auto config = sla::default_configuration();
  const std::string first = sla::to_json(config).dump();
  const auto parsed = cache.parsed(first);
  EXPECT_EQ(cache.parsed(first), parsed);
  EXPECT_DOUBLE_EQ(parsed->warning_fraction, config.warning_fraction);

  config.warning_fraction = 0.5;
  const auto changed = cache.parsed(sla::to_json(config).dump());
  EXPECT_NE(changed, parsed);
  EXPECT_DOUBLE_EQ(changed->warning_fraction, 0.5);
  // Back to the first text (a restored configuration): parsed again, right.
  EXPECT_DOUBLE_EQ(cache.parsed(first)->warning_fraction, 0.75);
}

}  // namespace
}  // namespace guiche::app
