// The metrics registry (observability/metrics.hpp): the text format
// Prometheus reads, labels escaped, histograms cumulative, collectors that go
// away with their owner, and a failing collector counted, not fatal.
#include "observability/metrics.hpp"

#include <gmock/gmock.h>

#include <stdexcept>
#include <thread>

namespace guiche::observability {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MetricsTest, CountersAndGaugesAreWrittenWithHelpTypeAndLabels) {
  Registry r;
  auto& requests = r.counter("t_requests_total", "Pedidos.", {"route", "status"});
  requests.with({"/a", "200"}).inc();
  requests.with({"/a", "200"}).inc(2);
  requests.with({"/b", "404"}).inc();
  r.gauge("t_open", "Abertos.").only().set(7);
  const auto text = r.exposition();
  EXPECT_THAT(text,
              HasSubstr("# HELP t_requests_total Pedidos.\n# TYPE t_requests_total counter\n"));
  EXPECT_THAT(text, HasSubstr("t_requests_total{route=\"/a\",status=\"200\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("t_requests_total{route=\"/b\",status=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE t_open gauge\nt_open 7\n"));
}

TEST(MetricsTest, AFamilyAskedForTwiceIsTheSameFamily) {
  Registry r;
  r.counter("t_total", "x", {"a"}).with({"1"}).inc();
  r.counter("t_total", "x", {"a"}).with({"1"}).inc();
  EXPECT_THAT(r.exposition(), HasSubstr("t_total{a=\"1\"} 2\n"));
}

TEST(MetricsTest, LabelValuesAreEscaped) {
  Registry r;
  r.counter("t_total", "x", {"path"}).with({"a\"b\\c\nd"}).inc();
  EXPECT_THAT(r.exposition(), HasSubstr(R"(t_total{path="a\"b\\c\nd"} 1)"));
}

TEST(MetricsTest, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  Registry r;
  auto& h = r.histogram("t_seconds", "Duração.", {"route"}, {0.1, 1});
  h.with({"/a"}).observe(0.05);
  h.with({"/a"}).observe(0.5);
  h.with({"/a"}).observe(5);
  const auto text = r.exposition();
  EXPECT_THAT(text, HasSubstr("# TYPE t_seconds histogram\n"));
  EXPECT_THAT(text, HasSubstr("t_seconds_bucket{route=\"/a\",le=\"0.1\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("t_seconds_bucket{route=\"/a\",le=\"1\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("t_seconds_bucket{route=\"/a\",le=\"+Inf\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("t_seconds_sum{route=\"/a\"} 5.55\n"));
  EXPECT_THAT(text, HasSubstr("t_seconds_count{route=\"/a\"} 3\n"));
}

TEST(MetricsTest, ACollectorRunsUntilItsHandleIsGone) {
  Registry r;
  {
    auto handle = r.add_collector([](SampleWriter& out) {
      out.family("t_backlog", "Fila.", "gauge");
      out.sample("t_backlog", {{"channel", "email"}}, 4);
    });
    EXPECT_THAT(r.exposition(), HasSubstr("t_backlog{channel=\"email\"} 4\n"));
  }
  EXPECT_THAT(r.exposition(), Not(HasSubstr("t_backlog")));
}

TEST(MetricsTest, AFailingCollectorIsLeftOutAndCounted) {
  Registry r;
  auto broken = r.add_collector([](SampleWriter& out) {
    out.family("t_half", "Metade.", "gauge");
    throw std::runtime_error("banco fora");
  });
  auto good = r.add_collector([](SampleWriter& out) {
    out.family("t_good", "Boa.", "gauge");
    out.sample("t_good", {}, 1);
  });
  const auto text = r.exposition();
  EXPECT_THAT(text, Not(HasSubstr("t_half")));
  EXPECT_THAT(text, HasSubstr("t_good 1\n"));
  EXPECT_THAT(text, HasSubstr("guiche_metrics_collector_failures_total 1\n"));
}

TEST(MetricsTest, CountsFromManyThreadsAddUp) {
  Registry r;
  auto& family = r.counter("t_total", "x", {"k"});
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) family.with({"same"}).inc();
    });
  for (auto& t : threads) t.join();
  EXPECT_THAT(r.exposition(), HasSubstr("t_total{k=\"same\"} 80000\n"));
}

}  // namespace
}  // namespace guiche::observability
