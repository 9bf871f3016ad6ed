// `icp-classify serve`: one process, one loaded classifier shared by every
// request, an HTTP/1.1 server on Boost.Beast (kept in server.cpp: it is slow
// to compile). Keep-alive; a deadline per request, so that a slow client
// never holds a thread; a body limit (413); a bound on connections (503
// beyond it); SIGINT/SIGTERM stop accepting, let requests in flight finish
// within a grace period, and return 0.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "serve/api.hpp"

namespace icp::cli::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";  // loopback unless the user chooses otherwise
  unsigned short port = 8080;      // 0: any free port (the log line says which)
  unsigned threads = 0;            // 0: the number of cores
  std::size_t max_connections = 512;
  std::size_t body_limit = 8u << 20;                  // a 1 MiB description JSON-escaped stays under it
  std::uint64_t upload_limit = 1ull << 30;            // POST /v1/batch: the upload, kept in a temporary file
  std::chrono::milliseconds request_timeout{30'000};  // to read one request, and to write its answer
  std::chrono::milliseconds idle_timeout{60'000};     // keep-alive: between requests
  std::chrono::milliseconds grace{10'000};            // shutdown: for requests in flight
};

// "127.0.0.1:8080", "0.0.0.0:80", "[::1]:8080", ":8080", "8080" → host and port.
// Throws UsageError.
void parse_listen(const std::string& value, ServeOptions& options);

// Serves until SIGINT or SIGTERM. Writes "icp-classify serve: listening on
// http://HOST:PORT/" to `log` once bound, and a line when it stops. Returns
// the exit status (0 after a signal). Throws IoError when it cannot listen.
int serve(const Api& api, const ServeOptions& options, std::ostream& log);

}  // namespace icp::cli::serve
