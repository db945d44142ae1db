#pragma once
// libcurl's write callback for a reply body kept in memory up to a limit, for any exchange
// record `T` with `response.body`, `limit` and `too_large` (one-shot requests and dm-load's
// transfers alike).
#include <cstddef>

namespace syncmldm::net::detail {

template <class T>
std::size_t append_capped_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<T*>(user);
  std::size_t n = size * count;
  if (t->response.body.size() + n > t->limit) {
    t->too_large = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  t->response.body.append(data, n);
  return n;
}

}  // namespace syncmldm::net::detail
