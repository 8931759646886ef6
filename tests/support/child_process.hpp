#pragma once
// The guiche binary (GUICHE_BINARY) run as a child process for tests, its
// standard output and error going to a log file.
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace guiche::testing {

class Child {
 public:
  Child(const std::vector<std::string>& args, const std::string& log_path);
  ~Child();  // kills the child if it is still running

  // The exit code once the child ends within `limit`; -1 if it is still
  // running then, or was killed by a signal.
  int wait_exit(std::chrono::milliseconds limit);
  bool running();
  void signal(int sig);
  std::string output() const;

 private:
  std::string log_;
  pid_t pid_ = -1;
  bool exited_ = false;
};

}  // namespace guiche::testing
