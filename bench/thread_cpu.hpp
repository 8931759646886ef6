#pragma once
// CPU time spent so far by this process's threads of one name (the server
// names its threads: sqlite-writer, http-worker, http-io), from the kernel's
// per-thread schedstat. Per request, it says where a workload's time goes,
// and unlike a rate it barely moves when other programs load the machine.
#include <cstdint>
#include <filesystem>
#include <fstream>
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

}  // namespace guiche::bench
