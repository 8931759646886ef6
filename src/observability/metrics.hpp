#pragma once
// The process's metrics, for GET /metrics in Prometheus' text format
// (api/metrics_routes.cpp). Debian packages no C++ Prometheus client, so this
// is the small part of one Guichê needs: counters, gauges and histograms with
// labels, plus collectors that measure at scrape time (outbox depth, process
// memory). Updating a metric takes one lock for the family's child lookup and
// then only atomics: cheap next to any request.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace guiche::observability {

using LabelValues = std::vector<std::string>;

class Counter {
 public:
  void inc(double by = 1) { value_.fetch_add(by, std::memory_order_relaxed); }
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

class Gauge {
 public:
  void set(double v) { value_.store(v, std::memory_order_relaxed); }
  void add(double by) { value_.fetch_add(by, std::memory_order_relaxed); }
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

class Histogram {
 public:
  explicit Histogram(const std::vector<double>& bounds);
  void observe(double value);
  // Cumulative counts per bound (the +Inf bucket is count()).
  std::vector<std::uint64_t> cumulative() const;
  std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }
  double sum() const { return sum_.load(std::memory_order_relaxed); }
  const std::vector<double>& bounds() const { return bounds_; }

 private:
  const std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;
  std::atomic<std::uint64_t> count_{0};
  std::atomic<double> sum_{0};
};

// Writes families measured at scrape time. Each family is named once, then
// its samples follow.
class SampleWriter {
 public:
  void family(const std::string& name, const std::string& help, const std::string& type);
  void sample(const std::string& name,
              const std::vector<std::pair<std::string, std::string>>& labels, double value);
  void append(const std::string& text) { text_ += text; }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

template <typename Metric>
class Family {
 public:
  Family(std::string name, std::string help, std::vector<std::string> label_names,
         std::function<std::unique_ptr<Metric>()> make)
      : name_(std::move(name)),
        help_(std::move(help)),
        label_names_(std::move(label_names)),
        make_(std::move(make)) {}
  // The child for these label values (as many as the family's label names),
  // made on first use. The reference stays valid for the process's life.
  Metric& with(const LabelValues& values);
  Metric& only() { return with({}); }

  const std::string& name() const { return name_; }
  const std::string& help() const { return help_; }
  const std::vector<std::string>& label_names() const { return label_names_; }
  // Calls fn(values, metric) for each child, under the family's lock.
  template <typename Fn>
  void each(Fn fn) const {
    std::lock_guard lock(mutex_);
    for (const auto& [values, metric] : children_) fn(values, *metric);
  }

 private:
  std::string name_, help_;
  std::vector<std::string> label_names_;
  std::function<std::unique_ptr<Metric>()> make_;
  mutable std::mutex mutex_;
  std::map<LabelValues, std::unique_ptr<Metric>> children_;
};

// Seconds, from a millisecond to a minute: HTTP requests and commits.
const std::vector<double>& latency_buckets();

class Registry {
 public:
  using Collector = std::function<void(SampleWriter&)>;

  // A family is registered once; asking again for the same name returns it.
  Family<Counter>& counter(const std::string& name, const std::string& help,
                           std::vector<std::string> label_names = {});
  Family<Gauge>& gauge(const std::string& name, const std::string& help,
                       std::vector<std::string> label_names = {});
  Family<Histogram>& histogram(const std::string& name, const std::string& help,
                               std::vector<std::string> label_names,
                               const std::vector<double>& bounds = latency_buckets());

  // A collector runs on every scrape until the handle is destroyed (it may
  // hold references to a desk that goes away before the process does).
  class CollectorHandle {
   public:
    CollectorHandle() = default;
    CollectorHandle(Registry* registry, std::uint64_t id) : registry_(registry), id_(id) {}
    CollectorHandle(CollectorHandle&& other) noexcept;
    CollectorHandle& operator=(CollectorHandle&& other) noexcept;
    ~CollectorHandle();

   private:
    Registry* registry_ = nullptr;
    std::uint64_t id_ = 0;
  };
  [[nodiscard]] CollectorHandle add_collector(Collector collector);

  // Every family and every collector's samples, in the text format 0.0.4.
  // A collector that throws is skipped (its families missing) and counted.
  std::string exposition();

 private:
  void remove_collector(std::uint64_t id);

  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Family<Counter>>> counters_;
  std::map<std::string, std::unique_ptr<Family<Gauge>>> gauges_;
  std::map<std::string, std::unique_ptr<Family<Histogram>>> histograms_;
  std::mutex collectors_mutex_;
  std::map<std::uint64_t, std::shared_ptr<Collector>> collectors_;
  std::uint64_t next_collector_ = 1;
  std::atomic<std::uint64_t> collector_failures_{0};
};

// The process's registry: every part of Guichê records into it.
Registry& metrics();

// Escapes a label value for the text format (backslash, quote, newline).
std::string escape_label_value(const std::string& value);

}  // namespace guiche::observability
