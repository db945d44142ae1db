// dm-load's library pieces: the histogram (relative error, exact merge), identity templates,
// accounts, and the schedule's start times.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "syncmldm/net/load.hpp"
#include "syncmldm/util/error.hpp"

using namespace syncmldm::load;

TEST_CASE("load: histogram buckets keep a fixed relative error") {
  for (std::uint64_t v : {0ull, 1ull, 127ull, 128ull, 129ull, 1000ull, 65'537ull, 123'456'789ull, 1ull << 40, ~0ull}) {
    std::size_t b = Histogram::bucket_of(v);
    CHECK(Histogram::lowest_of(b) <= v);
    CHECK(v <= Histogram::highest_of(b));
    // A bucket is at most 1/64 of its lowest value wide.
    std::uint64_t width = Histogram::highest_of(b) - Histogram::lowest_of(b);
    CHECK(static_cast<double>(width) <= static_cast<double>(Histogram::lowest_of(b)) / 64.0);
  }
  // Values below 128 are exact; neighbouring buckets touch.
  CHECK(Histogram::bucket_of(127) + 1 == Histogram::bucket_of(128));
  for (std::size_t b = 0; b < 3000; ++b) CHECK(Histogram::highest_of(b) + 1 == Histogram::lowest_of(b + 1));
}

TEST_CASE("load: percentiles from the buckets stay within the error, and within min and max") {
  Histogram h;
  for (std::uint64_t v = 1; v <= 10'000; ++v) h.record(v * 100);
  CHECK(h.count() == 10'000);
  CHECK(h.min() == 100);
  CHECK(h.max() == 1'000'000);
  auto near = [](std::uint64_t got, double want) { return std::abs(static_cast<double>(got) - want) <= want / 64.0; };
  CHECK(near(h.percentile(50), 500'000));
  CHECK(near(h.percentile(99), 990'000));
  CHECK(near(h.percentile(99.9), 999'000));
  CHECK(h.percentile(100) == 1'000'000);
  CHECK(h.percentile(0) == 100);
  CHECK(Histogram{}.percentile(50) == 0);
  // Below 128 every value has its bucket: percentiles are exact ranks (the ceiling of p% of the count).
  Histogram exact;
  for (std::uint64_t v = 1; v <= 100; ++v) exact.record(v);
  CHECK(exact.percentile(50) == 50);
  CHECK(exact.percentile(90) == 90);
  CHECK(exact.percentile(99) == 99);
  CHECK(exact.percentile(99.9) == 100);
  CHECK(exact.percentile(0.5) == 1);
  Histogram one;
  one.record(777'777);
  CHECK(one.percentile(50) == 777'777);  // clamped to the exact max
}

TEST_CASE("load: merged histograms equal one run over the same samples") {
  std::mt19937_64 rng(22);
  std::lognormal_distribution<double> latency(8.0, 1.5);
  Histogram all, a, b, c;
  for (int i = 0; i < 30'000; ++i) {
    auto v = static_cast<std::uint64_t>(latency(rng));
    all.record(v);
    (i % 3 == 0 ? a : i % 3 == 1 ? b : c).record(v);
  }
  Histogram merged = a;
  merged.merge(b);
  merged.merge(c);
  CHECK(merged == all);
  for (double p : {1.0, 50.0, 90.0, 99.0, 99.9, 99.99, 100.0}) CHECK(merged.percentile(p) == all.percentile(p));
  CHECK(merged.sum() == all.sum());
  // Through the bucket form (what the result document holds) nothing is lost.
  Histogram back = Histogram::from_buckets(all.buckets(), all.min(), all.max(), all.sum());
  CHECK(back == all);
  CHECK(back.percentile(99.9) == all.percentile(99.9));
}

TEST_CASE("load: bucket lists that cannot be a histogram are refused") {
  using B = std::vector<std::pair<std::uint64_t, std::uint64_t>>;
  CHECK_THROWS_AS(Histogram::from_buckets(B{{129, 1}}, 129, 129, 129), syncmldm::Error);  // not a bucket's lowest (130)
  CHECK_THROWS_AS(Histogram::from_buckets(B{{5, 1}, {3, 1}}, 3, 5, 8), syncmldm::Error);  // descending
  CHECK_THROWS_AS(Histogram::from_buckets(B{{5, 0}}, 5, 5, 0), syncmldm::Error);           // empty bucket
  CHECK_THROWS_AS(Histogram::from_buckets(B{{5, 1}}, 9, 9, 9), syncmldm::Error);           // min outside
  CHECK_THROWS_AS(Histogram::from_buckets(B{{5, ~0ull}, {6, 2}}, 5, 6, 0), syncmldm::Error);  // overflow
  CHECK(Histogram::from_buckets(B{}, 0, 0, 0).count() == 0);
}

TEST_CASE("load: identity templates") {
  CHECK(Template::parse("IMEI:35000000{n:07}", "--dev-id").expand(42) == "IMEI:350000000000042");
  CHECK(Template::parse("user-{n}", "--user").expand(7) == "user-7");
  CHECK(Template::parse("{n:4}|", "x").expand(7) == "   7|");
  CHECK(Template::parse("{{n}}", "x").expand(7) == "{n}");
  CHECK(Template::parse("{n:03}", "x").expand(12345) == "12345");  // wider numbers are not cut
  CHECK(!Template::parse("fixed", "x").varies());
  CHECK(Template::parse("a{n}", "x").varies());
  for (const char* bad : {"{m}", "{n", "}", "{n:x}", "{n:}", "{n:0}", "{n:123}"})
    CHECK_THROWS_AS(Template::parse(bad, "--dev-id"), syncmldm::Error);
  try {
    Template::parse("IMEI:{n:x}", "--dev-id");
  } catch (const syncmldm::Error& e) {
    CHECK(std::string(e.what()).find("offset") != std::string::npos);
  }
}

TEST_CASE("load: identities from templates or accounts; accounts file errors name the line") {
  IdentityTemplates t;
  CHECK(t.make(5).dev_id == "IMEI:000000000000005");
  t.user = Template::parse("u{n}", "--user");
  t.password = Template::parse("pw-{n}", "password");
  CHECK(t.make(3).user == "u3");
  CHECK(t.make(3).password == "pw-3");
  t.accounts = read_accounts("# devices\nalice  secret one\n\nbob\tx\r\n", "acc.txt");
  REQUIRE(t.accounts.size() == 2);
  CHECK(t.make(0).password == "secret one");
  CHECK(t.make(1).user == "bob");
  CHECK(t.make(1).password == "x");
  try {
    read_accounts("a b\nlonely\n", "acc.txt");
    FAIL("no error");
  } catch (const syncmldm::Error& e) {
    CHECK(e.where().line == 2);
    CHECK(e.where().file == "acc.txt");
  }
}

TEST_CASE("load: shards split the devices, the rate follows them; ramp-up grows linearly") {
  Schedule s;
  s.devices = 10;
  s.shard_count = 3;
  std::uint64_t total = 0;
  for (std::uint64_t i = 0; i < 3; ++i) {
    s.shard_index = i;
    total += s.local_devices();
  }
  CHECK(total == 10);
  s.shard_index = 0;
  CHECK(s.local_devices() == 4);
  s.rate = 100;
  CHECK(s.local_rate() == doctest::Approx(40));
  Schedule r;
  r.devices = 1;
  r.rate = 10;
  CHECK(r.start_time(10).count() == 1'000'000);
  r.ramp_up = std::chrono::seconds(10);  // 50 starts during the ramp, then 10/s
  CHECK(r.start_time(50).count() == 10'000'000);
  CHECK(r.start_time(60).count() == 11'000'000);
  CHECK(r.start_time(2).count() == 2'000'000);  // sqrt(2*10*2/10)
}

TEST_CASE("load: results merge by adding up") {
  Result a, b;
  a.outcomes["completed"] = 3;
  b.outcomes["completed"] = 2;
  b.outcomes["error"] = 1;
  b.errors["http-500"] = 1;
  a.phases["session"].record(100);
  b.phases["session"].record(200);
  a.sessions = 3;
  b.sessions = 3;
  a.merge(b);
  CHECK(a.outcomes["completed"] == 5);
  CHECK(a.failed() == 1);
  CHECK(a.errors["http-500"] == 1);
  CHECK(a.phases["session"].count() == 2);
  CHECK(a.sessions == 6);
  CHECK(a.shards == 2);
}

TEST_CASE("load: the enrolment phase merges across shards and joins its run's result") {
  Result e1, e2;
  e1.enrolments["enrolled"] = 4;
  e1.phases["enroll"].record(900'000);
  e1.enroll_elapsed_s = 3;
  e1.enroll_cpu_s = 1;
  e2.enrolments["enrolled"] = 1;
  e2.enrolments["error"] = 1;
  e2.enroll_errors["auth"] = 1;
  e2.enroll_error_examples["auth"] = "refused";
  e2.phases["enroll"].record(1'000);
  e2.enroll_elapsed_s = 5;
  e2.enroll_cpu_s = 2;
  Result run;  // a shard's sessions, then its enrolment phase added
  run.phases["session"].record(5'000);
  run.add_enrolment(e1);
  CHECK(run.enrolments["enrolled"] == 4);
  CHECK(run.phases["enroll"].count() == 1);
  CHECK(run.phases["session"].count() == 1);
  CHECK(run.enroll_elapsed_s == 3);
  CHECK(run.failed() == 0);  // failed enrolments are not failed sessions
  Result other;
  other.add_enrolment(e2);
  run.merge(other);
  CHECK(run.enrolments["enrolled"] == 5);
  CHECK(run.enrolments["error"] == 1);
  CHECK(run.enroll_errors["auth"] == 1);
  CHECK(run.enroll_error_examples["auth"] == "refused");
  CHECK(run.phases["enroll"].count() == 2);
  CHECK(run.phases["enroll"].max() == 900'000);
  CHECK(run.enroll_elapsed_s == 5);  // the shards enrolled side by side
  CHECK(run.enroll_cpu_s == 3);
}
