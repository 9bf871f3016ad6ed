#include "serve/server.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <csignal>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "errors.hpp"
#include "icp/classifier.hpp"

namespace icp::cli::serve {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Server;

// One connection: read a request, answer it, repeat while keep-alive holds.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server& server);
  ~Session();
  void start(bool reject);
  // Shutdown: an idle connection closes now, a busy one after its answer.
  void stop();

 private:
  void read();
  void on_read(beast::error_code ec);
  void answer(http::response<http::string_body> response, bool keep_alive);
  void close();

  beast::tcp_stream stream_;
  Server& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool busy_ = false;  // a request is being answered
};

class Server {
 public:
  Server(const Api& api, const ServeOptions& options, std::ostream& log)
      : api_(api),
        options_(options),
        log_(log),
        io_(threads()),
        acceptor_(asio::make_strand(io_)),
        signals_(io_, SIGINT, SIGTERM),
        grace_(io_) {}

  int run() {
    beast::error_code ec;
    const auto address = asio::ip::make_address(options_.host, ec);
    if (ec) throw UsageError("--listen: '" + options_.host + "' is not an IP address");
    const tcp::endpoint endpoint(address, options_.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
      throw IoError("cannot listen on " + options_.host + ":" + std::to_string(options_.port) + ": " + ec.message());
    const auto bound = acceptor_.local_endpoint();
    const std::string host =
        bound.address().is_v6() ? "[" + bound.address().to_string() + "]" : bound.address().to_string();
    log_ << "icp-classify serve: listening on http://" << host << ':' << bound.port() << "/ (" << threads()
         << " threads; Ctrl-C stops)" << std::endl;
    signals_.async_wait([this](beast::error_code e, int sig) {
      if (!e) shutdown(sig);
    });
    accept();
    io_.join();
    log_ << "icp-classify serve: stopped" << (stop_signal_ ? " (signal " + std::to_string(stop_signal_) + ")" : "")
         << std::endl;
    return 0;
  }

  const Api& api() const { return api_; }
  const ServeOptions& options() const { return options_; }
  bool stopping() const { return stopping_; }

  void add(const std::shared_ptr<Session>& s) {
    const std::lock_guard lock(mutex_);
    sessions_.erase(std::remove_if(sessions_.begin(), sessions_.end(), [](auto& w) { return w.expired(); }),
                    sessions_.end());
    sessions_.push_back(s);
  }
  void closed() {
    if (--active_ == 0 && stopping_) asio::post(io_, [this] { grace_.cancel(); });
  }
  void opened() { ++active_; }

 private:
  unsigned threads() const {
    return options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  }

  void accept() {
    acceptor_.async_accept(asio::make_strand(io_), [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (!stopping_ && ec != asio::error::operation_aborted) accept();  // EMFILE and the like: keep serving
        return;
      }
      if (stopping_) return;
      const bool reject = active_.load() >= options_.max_connections;
      auto session = std::make_shared<Session>(std::move(socket), *this);
      add(session);
      session->start(reject);
      accept();
    });
  }

  // Stop accepting; idle connections close, busy ones after their answer;
  // whatever is still open when the grace period ends is dropped.
  void shutdown(int sig) {
    stop_signal_ = sig;
    stopping_ = true;
    asio::post(acceptor_.get_executor(), [this] {
      beast::error_code ignored;
      acceptor_.close(ignored);
    });
    std::vector<std::shared_ptr<Session>> live;
    {
      const std::lock_guard lock(mutex_);
      for (auto& w : sessions_)
        if (auto s = w.lock()) live.push_back(std::move(s));
    }
    for (auto& s : live) s->stop();
    if (active_ == 0) return;
    grace_.expires_after(options_.grace);
    grace_.async_wait([this](beast::error_code ec) {
      if (!ec) io_.stop();  // the grace period is over
    });
  }

  const Api& api_;
  const ServeOptions& options_;
  std::ostream& log_;
  asio::thread_pool io_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  asio::steady_timer grace_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> active_{0};
  int stop_signal_ = 0;
  std::mutex mutex_;
  std::vector<std::weak_ptr<Session>> sessions_;
};

Session::Session(tcp::socket socket, Server& server) : stream_(std::move(socket)), server_(server) {
  server_.opened();
}

Session::~Session() {
  server_.closed();
}

http::response<http::string_body> to_http(const ApiResponse& r, unsigned version) {
  http::response<http::string_body> response{static_cast<http::status>(r.status), version};
  response.set(http::field::server, "icp-classify");
  response.set(http::field::content_type, r.content_type);
  response.set(http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  if (!r.allow.empty()) response.set(http::field::allow, r.allow);
  for (const auto& [name, value] : r.headers) response.set(name, value);
  response.body() = r.body;
  response.prepare_payload();
  return response;
}

void Session::start(bool reject) {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this(), reject] {
    if (reject) {
      self->busy_ = true;
      self->answer(
          to_http(api_error(503, "too_many_connections", "the server is at its connection limit: retry shortly"), 11),
          false);
      return;
    }
    self->read();
  });
}

void Session::stop() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    // In flight: being answered, or its first bytes have arrived.
    const bool arriving = self->parser_ && self->parser_->got_some();
    if (!self->busy_ && !arriving) self->close();
  });
}

void Session::read() {
  if (server_.stopping()) return close();
  parser_.emplace();
  parser_->body_limit(server_.options().body_limit);
  // The first request of a connection and every later one get the same
  // deadline to arrive whole: a client sending a byte a minute is cut off.
  stream_.expires_after(buffer_.size() == 0 ? server_.options().idle_timeout : server_.options().request_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
}

void Session::on_read(beast::error_code ec) {
  if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted)
    return close();
  busy_ = true;
  if (ec == http::error::body_limit) {
    return answer(
        to_http(api_error(413, "body_too_large",
                          "the request body is over " + std::to_string(server_.options().body_limit) + " bytes"),
                11),
        false);
  }
  if (ec) return answer(to_http(api_error(400, "bad_request", "malformed HTTP request: " + ec.message()), 11), false);
  const auto& request = parser_->get();
  const ApiRequest api_request{std::string_view(request.method_string()), std::string_view(request.target()),
                               std::string_view(request[http::field::content_type]), request.body()};
  ApiResponse r = server_.api().handle(api_request);
  auto response = to_http(r, request.version());
  if (request.method() == http::verb::head) response.body().clear();
  answer(std::move(response), request.keep_alive() && !server_.stopping());
}

void Session::answer(http::response<http::string_body> response, bool keep_alive) {
  response.keep_alive(keep_alive);
  auto message = std::make_shared<http::response<http::string_body>>(std::move(response));
  stream_.expires_after(server_.options().request_timeout);
  http::async_write(stream_, *message,
                    [self = shared_from_this(), message, keep_alive](beast::error_code ec, std::size_t) {
                      self->busy_ = false;
                      if (ec || !keep_alive) return self->close();
                      self->read();
                    });
}

void Session::close() {
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream_.socket().close(ignored);
}

}  // namespace

void parse_listen(const std::string& value, ServeOptions& options) {
  std::string host = options.host;
  std::string port = value;
  if (const auto colon = value.rfind(':'); colon != std::string::npos) {
    host = value.substr(0, colon);
    port = value.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) host = "127.0.0.1";
  }
  unsigned number = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
  if (port.empty() || ec != std::errc() || end != port.data() + port.size() || number > 65535)
    throw UsageError("--listen '" + value + "': expected HOST:PORT, e.g. 127.0.0.1:8080");
  beast::error_code bad;
  asio::ip::make_address(host, bad);
  if (bad)
    throw UsageError("--listen '" + value + "': '" + host + "' is not an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1)");
  options.host = host;
  options.port = static_cast<unsigned short>(number);
}

int serve(const Api& api, const ServeOptions& options, std::ostream& log) {
  Server server(api, options, log);
  return server.run();
}

}  // namespace icp::cli::serve
