#include "observability/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

namespace guiche::observability {
namespace {

std::string number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  // The shortest text that reads back as the same double: exact, and no
  // "0.00045920200000000001" for a person reading the page.
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, v);
  return ec == std::errc{} ? std::string(text, end) : "NaN";
}

std::string label_text(const std::vector<std::pair<std::string, std::string>>& labels) {
  if (labels.empty()) return "";
  std::string text = "{";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i) text += ',';
    text += labels[i].first + "=\"" + escape_label_value(labels[i].second) + "\"";
  }
  return text + "}";
}

std::vector<std::pair<std::string, std::string>> zip(const std::vector<std::string>& names,
                                                     const LabelValues& values) {
  std::vector<std::pair<std::string, std::string>> labels;
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i)
    labels.emplace_back(names[i], values[i]);
  return labels;
}

// HELP text escapes only backslash and newline.
std::string escape_help(const std::string& help) {
  std::string out;
  for (char ch : help) {
    if (ch == '\\')
      out += "\\\\";
    else if (ch == '\n')
      out += "\\n";
    else
      out += ch;
  }
  return out;
}

}  // namespace

std::string escape_label_value(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char ch : value) {
    if (ch == '\\')
      out += "\\\\";
    else if (ch == '"')
      out += "\\\"";
    else if (ch == '\n')
      out += "\\n";
    else
      out += ch;
  }
  return out;
}

Histogram::Histogram(const std::vector<double>& bounds)
    : bounds_(bounds), buckets_(new std::atomic<std::uint64_t>[bounds.size()]) {
  for (std::size_t i = 0; i < bounds_.size(); ++i) buckets_[i].store(0);
}

void Histogram::observe(double value) {
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    if (value <= bounds_[i]) {
      buckets_[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

std::vector<std::uint64_t> Histogram::cumulative() const {
  std::vector<std::uint64_t> out(bounds_.size());
  std::uint64_t running = 0;
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    out[i] = running;
  }
  return out;
}

void SampleWriter::family(const std::string& name, const std::string& help,
                          const std::string& type) {
  text_ += "# HELP " + name + " " + escape_help(help) + "\n# TYPE " + name + " " + type + "\n";
}

void SampleWriter::sample(const std::string& name,
                          const std::vector<std::pair<std::string, std::string>>& labels,
                          double value) {
  text_ += name + label_text(labels) + " " + number(value) + "\n";
}

template <typename Metric>
Metric& Family<Metric>::with(const LabelValues& values) {
  std::lock_guard lock(mutex_);
  auto& slot = children_[values];
  if (!slot) slot = make_();
  return *slot;
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

const std::vector<double>& latency_buckets() {
  static const std::vector<double> bounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                          0.5,   1,      2.5,   5,    10,    30,   60};
  return bounds;
}

Family<Counter>& Registry::counter(const std::string& name, const std::string& help,
                                   std::vector<std::string> label_names) {
  std::lock_guard lock(mutex_);
  auto& slot = counters_[name];
  if (!slot)
    slot = std::make_unique<Family<Counter>>(name, help, std::move(label_names),
                                             [] { return std::make_unique<Counter>(); });
  return *slot;
}

Family<Gauge>& Registry::gauge(const std::string& name, const std::string& help,
                               std::vector<std::string> label_names) {
  std::lock_guard lock(mutex_);
  auto& slot = gauges_[name];
  if (!slot)
    slot = std::make_unique<Family<Gauge>>(name, help, std::move(label_names),
                                           [] { return std::make_unique<Gauge>(); });
  return *slot;
}

Family<Histogram>& Registry::histogram(const std::string& name, const std::string& help,
                                       std::vector<std::string> label_names,
                                       const std::vector<double>& bounds) {
  std::lock_guard lock(mutex_);
  auto& slot = histograms_[name];
  if (!slot)
    slot = std::make_unique<Family<Histogram>>(name, help, std::move(label_names), [bounds] {
      return std::make_unique<Histogram>(bounds);
    });
  return *slot;
}

Registry::CollectorHandle::CollectorHandle(CollectorHandle&& other) noexcept
    : registry_(other.registry_), id_(other.id_) {
  other.registry_ = nullptr;
}

Registry::CollectorHandle& Registry::CollectorHandle::operator=(CollectorHandle&& other) noexcept {
  if (this != &other) {
    if (registry_) registry_->remove_collector(id_);
    registry_ = other.registry_;
    id_ = other.id_;
    other.registry_ = nullptr;
  }
  return *this;
}

Registry::CollectorHandle::~CollectorHandle() {
  if (registry_) registry_->remove_collector(id_);
}

Registry::CollectorHandle Registry::add_collector(Collector collector) {
  std::lock_guard lock(collectors_mutex_);
  const auto id = next_collector_++;
  collectors_[id] = std::make_shared<Collector>(std::move(collector));
  return CollectorHandle(this, id);
}

void Registry::remove_collector(std::uint64_t id) {
  // Waits for a scrape running this collector: its handle's owner is about to
  // destroy what the collector reads.
  std::lock_guard lock(collectors_mutex_);
  collectors_.erase(id);
}

std::string Registry::exposition() {
  SampleWriter out;
  std::unique_lock lock(mutex_);
  for (const auto& [name, family] : counters_) {
    out.family(name, family->help(), "counter");
    family->each([&](const LabelValues& values, const Counter& c) {
      out.sample(name, zip(family->label_names(), values), c.value());
    });
  }
  for (const auto& [name, family] : gauges_) {
    out.family(name, family->help(), "gauge");
    family->each([&](const LabelValues& values, const Gauge& g) {
      out.sample(name, zip(family->label_names(), values), g.value());
    });
  }
  for (const auto& [name, family] : histograms_) {
    out.family(name, family->help(), "histogram");
    family->each([&](const LabelValues& values, const Histogram& h) {
      auto labels = zip(family->label_names(), values);
      // Read once: count and +Inf must agree with the buckets below them.
      const auto cumulative = h.cumulative();
      const auto count =
          std::max<std::uint64_t>(h.count(), cumulative.empty() ? 0 : cumulative.back());
      for (std::size_t i = 0; i < cumulative.size(); ++i) {
        auto with_le = labels;
        with_le.emplace_back("le", number(h.bounds()[i]));
        out.sample(name + "_bucket", with_le, static_cast<double>(cumulative[i]));
      }
      auto with_inf = labels;
      with_inf.emplace_back("le", "+Inf");
      out.sample(name + "_bucket", with_inf, static_cast<double>(count));
      out.sample(name + "_sum", labels, h.sum());
      out.sample(name + "_count", labels, static_cast<double>(count));
    });
  }
  lock.unlock();
  // Their own lock is held throughout, so a collector's owner cannot go away
  // mid-scrape (remove_collector waits), while metrics keep being recorded.
  std::lock_guard collecting(collectors_mutex_);
  for (const auto& [id, collector] : collectors_) {
    SampleWriter part;
    try {
      (*collector)(part);
      out.append(part.take());
    } catch (const std::exception&) {
      // Its families are missing from this scrape; the failure is counted.
      collector_failures_.fetch_add(1, std::memory_order_relaxed);
    }
  }
  out.family("guiche_metrics_collector_failures_total",
             "Medições feitas na coleta que falharam (banco indisponível, por exemplo).",
             "counter");
  out.sample("guiche_metrics_collector_failures_total", {},
             static_cast<double>(collector_failures_.load(std::memory_order_relaxed)));
  return out.take();
}

Registry& metrics() {
  static Registry registry;
  return registry;
}

}  // namespace guiche::observability
