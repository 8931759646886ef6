#pragma once
// Why a backup, restore or check could not go on, in pt-BR for the operator
// (the CLI prints it as it is and exits non-zero).
#include <stdexcept>
#include <string>

namespace guiche::operations {

class OperationRefused : public std::runtime_error {
 public:
  explicit OperationRefused(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace guiche::operations
