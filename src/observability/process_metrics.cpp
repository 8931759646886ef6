#include "observability/process_metrics.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace guiche::observability {
namespace {

// Fields of /proc/self/stat after the command name (which may hold spaces):
// index 0 is the state (field 3 in proc(5)).
std::vector<std::string> stat_fields() {
  std::ifstream in("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');
  std::vector<std::string> fields;
  if (close == std::string::npos) return fields;
  std::istringstream rest(text.substr(close + 2));
  for (std::string f; rest >> f;) fields.push_back(f);
  return fields;
}

double boot_time_seconds() {
  std::ifstream in("/proc/stat");
  for (std::string key; in >> key;) {
    if (key == "btime") {
      double value = 0;
      in >> value;
      return value;
    }
    std::string skip;
    std::getline(in, skip);
  }
  return 0;
}

}  // namespace

Registry::CollectorHandle add_process_metrics(Registry& registry) {
  return registry.add_collector([](SampleWriter& out) {
    const auto fields = stat_fields();
    if (fields.size() < 22) return;
    const double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
    const double page = static_cast<double>(::sysconf(_SC_PAGESIZE));
    // proc(5): utime 14, stime 15, num_threads 20, starttime 22, vsize 23, rss 24.
    const double cpu = (std::stod(fields[11]) + std::stod(fields[12])) / ticks;
    out.family("process_cpu_seconds_total", "Tempo de CPU do processo (usuário e sistema).",
               "counter");
    out.sample("process_cpu_seconds_total", {}, cpu);
    out.family("process_resident_memory_bytes", "Memória residente do processo.", "gauge");
    out.sample("process_resident_memory_bytes", {}, std::stod(fields[21]) * page);
    out.family("process_virtual_memory_bytes", "Memória virtual do processo.", "gauge");
    out.sample("process_virtual_memory_bytes", {}, std::stod(fields[20]));
    out.family("process_start_time_seconds", "Início do processo, em segundos desde 1970.",
               "gauge");
    out.sample("process_start_time_seconds", {},
               boot_time_seconds() + std::stod(fields[19]) / ticks);
    out.family("process_threads", "Threads do processo.", "gauge");
    out.sample("process_threads", {}, std::stod(fields[17]));
    std::error_code ec;
    double open = 0;
    for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
      ++open;
    out.family("process_open_fds", "Descritores de arquivo abertos.", "gauge");
    out.sample("process_open_fds", {}, open);
  });
}

}  // namespace guiche::observability
