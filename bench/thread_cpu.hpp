#pragma once
// CPU time spent so far by this process's threads of one name (the server
// names its threads: sqlite-writer, http-worker, http-io), from the kernel's
// per-thread schedstat. Per request, it says where a workload's time goes,
// and unlike a rate it barely moves when other programs load the machine.
#include <unistd.h>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace guiche::bench {

inline double thread_cpu_seconds(const std::string& name) {
  std::uint64_t ns = 0;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream comm(task.path() / "comm");
    std::string thread_name;
    std::getline(comm, thread_name);
    if (thread_name != name) continue;
    std::ifstream stat(task.path() / "schedstat");
    std::uint64_t on_cpu = 0;
    if (stat >> on_cpu) ns += on_cpu;
  }
  return static_cast<double>(ns) / 1e9;
}

// CPU time spent so far by process `pid` and its children still running
// (a PostgreSQL server: the postmaster and its backends), from /proc's stat.
inline double process_tree_cpu_seconds(long pid) {
  auto cpu_of = [](const std::filesystem::path& stat_file, long* parent) {
    std::ifstream in(stat_file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Fields after the command's closing parenthesis: state ppid ... utime(14) stime(15).
    const auto close = text.rfind(')');
    if (close == std::string::npos) return 0.0;
    std::istringstream fields(text.substr(close + 2));
    std::string state;
    long ppid = 0;
    fields >> state >> ppid;
    std::string skip;
    for (int i = 5; i < 14; ++i) fields >> skip;
    double utime = 0, stime = 0;
    fields >> utime >> stime;
    if (parent) *parent = ppid;
    return (utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
  };
  double total = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    long parent = 0;
    const double cpu = cpu_of(entry.path() / "stat", &parent);
    if (std::stol(name) == pid || parent == pid) total += cpu;
  }
  return total;
}

}  // namespace guiche::bench
