// The latency histogram: log-linear buckets with a fixed relative error, exact counts.
#include <bit>
#include <cmath>
#include <limits>
#include <string>

#include "syncmldm/net/load.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::load {

namespace {
constexpr std::uint64_t kLinear = std::uint64_t{1} << Histogram::kSubBucketBits;  // 128 buckets of width 1
constexpr std::uint64_t kHalf = kLinear / 2;                                      // 64 buckets per power of two above
}  // namespace

std::size_t Histogram::bucket_of(std::uint64_t value) {
  if (value < kLinear) return static_cast<std::size_t>(value);
  int e = 63 - std::countl_zero(value);  // value in [2^e, 2^(e+1)), e >= kSubBucketBits
  int shift = e - (kSubBucketBits - 1);
  std::uint64_t sub = (value >> shift) - kHalf;
  return static_cast<std::size_t>(kLinear + static_cast<std::uint64_t>(e - kSubBucketBits) * kHalf + sub);
}

std::uint64_t Histogram::lowest_of(std::size_t bucket) {
  if (bucket < kLinear) return bucket;
  std::uint64_t above = bucket - kLinear;
  int e = kSubBucketBits + static_cast<int>(above / kHalf);
  if (e > 63) return std::numeric_limits<std::uint64_t>::max();
  return (kHalf + above % kHalf) << (e - (kSubBucketBits - 1));
}

std::uint64_t Histogram::highest_of(std::size_t bucket) {
  if (bucket < kLinear) return bucket;
  int e = kSubBucketBits + static_cast<int>((bucket - kLinear) / kHalf);
  if (e > 63) return std::numeric_limits<std::uint64_t>::max();
  return lowest_of(bucket) + ((std::uint64_t{1} << (e - (kSubBucketBits - 1))) - 1);
}

void Histogram::record(std::uint64_t value, std::uint64_t times) {
  if (times == 0) return;
  std::size_t b = bucket_of(value);
  if (b >= counts_.size()) counts_.resize(b + 1, 0);
  counts_[b] += times;
  if (count_ == 0 || value < min_) min_ = value;
  if (value > max_) max_ = value;
  count_ += times;
  sum_ += value * times;
}

void Histogram::merge(const Histogram& other) {
  if (other.count_ == 0) return;
  if (other.counts_.size() > counts_.size()) counts_.resize(other.counts_.size(), 0);
  for (std::size_t i = 0; i < other.counts_.size(); ++i) counts_[i] += other.counts_[i];
  if (count_ == 0 || other.min_ < min_) min_ = other.min_;
  if (other.max_ > max_) max_ = other.max_;
  count_ += other.count_;
  sum_ += other.sum_;
}

std::uint64_t Histogram::percentile(double percent) const {
  if (count_ == 0) return 0;
  if (percent <= 0) return min_;
  double wanted = std::ceil(std::min(percent, 100.0) / 100.0 * static_cast<double>(count_));
  std::uint64_t rank = wanted < 1 ? 1 : static_cast<std::uint64_t>(wanted);
  if (rank > count_) rank = count_;
  std::uint64_t seen = 0;
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    seen += counts_[b];
    if (seen >= rank) return std::max(min_, std::min(highest_of(b), max_));
  }
  return max_;
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> Histogram::buckets() const {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
  for (std::size_t b = 0; b < counts_.size(); ++b)
    if (counts_[b]) out.emplace_back(lowest_of(b), counts_[b]);
  return out;
}

Histogram Histogram::from_buckets(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& buckets,
                                  std::uint64_t min, std::uint64_t max, std::uint64_t sum) {
  auto bad = [](const std::string& why) { return Error(ErrorKind::input, "histogram: " + why); };
  Histogram h;
  std::size_t last = 0;
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    auto [value, n] = buckets[i];
    std::size_t b = bucket_of(value);
    if (lowest_of(b) != value) throw bad(std::to_string(value) + " is not the lowest value of a bucket");
    if (i && b <= last) throw bad("buckets are not in ascending order at " + std::to_string(value));
    if (n == 0) throw bad("bucket " + std::to_string(value) + " has a count of 0");
    if (h.count_ + n < h.count_) throw bad("counts overflow");
    last = b;
    if (b >= h.counts_.size()) h.counts_.resize(b + 1, 0);
    h.counts_[b] = n;
    h.count_ += n;
  }
  if (h.count_ == 0) {
    if (min || max || sum) throw bad("min, max or sum without samples");
    return h;
  }
  if (min > max || bucket_of(min) != bucket_of(buckets.front().first) || bucket_of(max) != last)
    throw bad("min " + std::to_string(min) + " and max " + std::to_string(max) + " do not fit the buckets");
  h.min_ = min;
  h.max_ = max;
  h.sum_ = sum;
  return h;
}

}  // namespace syncmldm::load
