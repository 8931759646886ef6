#pragma once
// The SLA configuration as last parsed, kept by its stored text. Every
// registration and every change that moves a clock reads the configuration;
// reading its row is one short statement, but parsing its JSON document
// each time was CPU spent on every request for a text that changes a few
// times a year. The text read in the request's own transaction is the
// version check: a different text (saved here or by another node) is parsed
// anew, so no request ever uses a configuration its snapshot does not hold.
#include <memory>
#include <mutex>
#include <string>

#include "sla/policy.hpp"

namespace guiche::app {

class ParsedConfigurations {
 public:
  std::shared_ptr<const sla::SlaConfiguration> parsed(const std::string& document);

 private:
  std::mutex mutex_;
  std::string document_;
  std::shared_ptr<const sla::SlaConfiguration> parsed_;
};

}  // namespace guiche::app
