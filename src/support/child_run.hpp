#pragma once
// Runs a program as a child process and waits for it, with a time limit:
// never through a shell (the arguments reach the program as they are), with
// the environment it is given and nothing else, its output to a file, and,
// once it ends or the time is up, every process it started killed with it
// (it runs in its own process group). Used to print the charter with
// Chromium (transports/pdf/chromium_printer.hpp).
#include <chrono>
#include <string>
#include <vector>

namespace guiche {

struct ChildRun {
  std::vector<std::string> argv;  // argv[0]: the program's absolute path
  std::vector<std::string> env;   // "NAME=value", the child's whole environment
  std::string output_path;        // standard output and error; "" discards them
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};
};

struct ChildResult {
  bool started = false;    // false: the program could not be run at all
  bool timed_out = false;  // killed when the time was up
  int exit_code = -1;      // when it exited by itself
  int signal = 0;          // when a signal ended it (SIGKILL after a timeout)
};

ChildResult run_child(const ChildRun& run);

}  // namespace guiche
