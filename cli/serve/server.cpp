#include "serve/server.hpp"

#include <stdlib.h>
#include <algorithm>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <csignal>
#include <filesystem>
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

#include "batch/interrupt.hpp"
#include "errors.hpp"
#include "icp/classifier.hpp"
#include "serve/chunk_queue.hpp"

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
  void on_header(beast::error_code ec);
  bool read_error(beast::error_code ec);  // true when ec ended the request (answered or closed)
  void on_read(beast::error_code ec);
  void on_upload(beast::error_code ec);
  template <class Parser, class Handler>
  void read_body(Parser& parser, Handler handler);
  void answer(http::response<http::string_body> response, bool keep_alive);
  void pump();  // sends what the batch has produced so far
  void finish_stream(bool ok);
  void remove_upload();
  void close();

  beast::tcp_stream stream_;
  Server& server_;
  beast::flat_buffer buffer_;
  // The header first; then the body as a string, or for POST /v1/batch into a file.
  std::optional<http::request_parser<http::empty_body>> header_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::request_parser<http::file_body>> upload_;
  std::string folder_;  // the upload's temporary folder
  bool busy_ = false;   // a request is being answered
  // A batch being streamed back: its output's chunks, whether the header or a
  // chunk is being written, and its answer once it has finished.
  std::shared_ptr<ChunkQueue> chunks_;
  BatchAnswer head_;
  std::optional<BatchAnswer> batch_done_;
  unsigned version_ = 11;
  bool keep_alive_ = false;
  bool header_sent_ = false;
  bool writing_ = false;
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
    {
      std::unique_lock lock(mutex_);
      batches_done_.wait(lock, [this] { return batches_ == 0; });
    }
    finished_ = true;
    log_ << "icp-classify serve: stopped" << (stop_signal_ ? " (signal " + std::to_string(stop_signal_) + ")" : "")
         << std::endl;
    return 0;
  }

  const Api& api() const { return api_; }
  // A batch runs on its own thread so that the connections keep being served;
  // shutdown stops it (batch::request_stop) and waits for it.
  void batch_started() {
    const std::lock_guard lock(mutex_);
    ++batches_;
  }
  void batch_finished() {
    const std::lock_guard lock(mutex_);
    if (--batches_ == 0) batches_done_.notify_all();
  }
  unsigned batch_threads() const { return threads(); }
  const ServeOptions& options() const { return options_; }
  bool stopping() const { return stopping_; }

  void add(const std::shared_ptr<Session>& s) {
    const std::lock_guard lock(mutex_);
    sessions_.erase(std::remove_if(sessions_.begin(), sessions_.end(), [](auto& w) { return w.expired(); }),
                    sessions_.end());
    sessions_.push_back(s);
  }
  void closed() {
    if (--active_ == 0 && stopping_ && !finished_) asio::post(io_, [this] { grace_.cancel(); });
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
    batch::request_stop();
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
  // Declared before io_, so that they outlive the handlers io_ destroys.
  std::atomic<bool> stopping_{false};
  std::atomic<bool> finished_{false};
  std::atomic<std::size_t> active_{0};
  std::mutex mutex_;
  std::condition_variable batches_done_;
  unsigned batches_ = 0;
  std::vector<std::weak_ptr<Session>> sessions_;
  int stop_signal_ = 0;
  asio::thread_pool io_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  asio::steady_timer grace_;
};

Session::Session(tcp::socket socket, Server& server) : stream_(std::move(socket)), server_(server) {
  server_.opened();
}

Session::~Session() {
  remove_upload();
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
    const bool arriving = (self->header_ && self->header_->got_some()) || self->parser_ || self->upload_;
    if (!self->busy_ && !arriving) self->close();
  });
}

void Session::read() {
  if (server_.stopping()) return close();
  parser_.reset();
  upload_.reset();
  header_.emplace();
  // The header parser checks Content-Length against its limit: the larger
  // (upload) one here, the request's own once its path is known.
  header_->body_limit(server_.options().upload_limit);
  // The first request of a connection and every later one get the same
  // deadline to arrive whole: a client sending a byte a minute is cut off.
  stream_.expires_after(buffer_.size() == 0 ? server_.options().idle_timeout : server_.options().request_timeout);
  http::async_read_header(stream_, buffer_, *header_,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

bool Session::read_error(beast::error_code ec) {
  if (!ec) return false;
  if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted) {
    close();
    return true;
  }
  busy_ = true;
  if (ec == http::error::body_limit) {
    const std::size_t limit = upload_ ? server_.options().upload_limit : server_.options().body_limit;
    answer(
        to_http(api_error(413, "body_too_large", "the request body is over " + std::to_string(limit) + " bytes"), 11),
        false);
  } else {
    answer(to_http(api_error(400, "bad_request", "malformed HTTP request: " + ec.message()), 11), false);
  }
  return true;
}

void Session::on_header(beast::error_code ec) {
  if (read_error(ec)) return;
  stream_.expires_after(server_.options().request_timeout);
  const auto& head = header_->get();
  const std::string_view target(head.target());
  if (head.method() == http::verb::post && target.substr(0, target.find('?')) == "/v1/batch") {
    // The upload goes to a file, so that memory stays bounded whatever its size.
    const std::string base = std::filesystem::temp_directory_path().string() + "/icp-serve-XXXXXX";
    std::vector<char> name(base.begin(), base.end());
    name.push_back('\0');
    if (!::mkdtemp(name.data())) {
      busy_ = true;
      return answer(to_http(api_error(500, "io_error", "cannot create a temporary folder for the upload"), 11), false);
    }
    folder_ = name.data();
    upload_.emplace(std::move(*header_));
    upload_->body_limit(server_.options().upload_limit);
    beast::error_code open_error;
    upload_->get().body().open((folder_ + "/input").c_str(), beast::file_mode::write, open_error);
    if (open_error) {
      busy_ = true;
      remove_upload();
      return answer(to_http(api_error(500, "io_error", "cannot store the upload: " + open_error.message()), 11), false);
    }
    return read_body(*upload_, [self = shared_from_this()](beast::error_code e) { self->on_upload(e); });
  }
  if (const auto length = header_->content_length(); length && *length > server_.options().body_limit)
    return read_error(http::error::body_limit), void();
  parser_.emplace(std::move(*header_));
  parser_->body_limit(server_.options().body_limit);
  read_body(*parser_, [self = shared_from_this()](beast::error_code e) { self->on_read(e); });
}

// The body, after "100 Continue" when the client waits for it (curl does
// for bodies over 1 MiB).
template <class Parser, class Handler>
void Session::read_body(Parser& parser, Handler handler) {
  auto read = [self = shared_from_this(), &parser, handler]() {
    http::async_read(self->stream_, self->buffer_, parser, [handler](beast::error_code e, std::size_t) { handler(e); });
  };
  if (!beast::iequals(parser.get()[http::field::expect], "100-continue")) return read();
  auto go_on = std::make_shared<http::response<http::empty_body>>(http::status::continue_, parser.get().version());
  http::async_write(stream_, *go_on, [self = shared_from_this(), go_on, read](beast::error_code e, std::size_t) {
    if (e) return self->close();
    read();
  });
}

void Session::on_read(beast::error_code ec) {
  if (read_error(ec)) return;
  busy_ = true;
  const auto& request = parser_->get();
  const ApiRequest api_request{std::string_view(request.method_string()), std::string_view(request.target()),
                               std::string_view(request[http::field::content_type]), request.body()};
  ApiResponse r = server_.api().handle(api_request);
  auto response = to_http(r, request.version());
  if (request.method() == http::verb::head) response.body().clear();
  answer(std::move(response), request.keep_alive() && !server_.stopping());
}

void Session::on_upload(beast::error_code ec) {
  if (ec) remove_upload();
  if (read_error(ec)) return;
  busy_ = true;
  upload_->get().body().close();
  const std::string target(upload_->get().target());
  version_ = upload_->get().version();
  keep_alive_ = upload_->get().keep_alive();
  head_ = server_.api().batch_head(target);
  if (head_.status != 200) {
    remove_upload();
    ApiResponse r;
    r.status = head_.status;
    r.content_type = head_.content_type;
    r.body = head_.error_body;
    return answer(to_http(r, version_), keep_alive_);
  }
  // No deadline while the batch runs: the client waits for its rows.
  stream_.expires_never();
  header_sent_ = writing_ = false;
  batch_done_.reset();
  chunks_ = std::make_shared<ChunkQueue>(16);  // at most 16 × 64 KiB waiting for a slow client
  std::weak_ptr<Session> weak = weak_from_this();
  auto executor = stream_.get_executor();
  chunks_->on_ready = [weak, executor] {
    asio::post(executor, [weak] {
      if (auto self = weak.lock()) self->pump();
    });
  };
  server_.batch_started();
  std::thread([self = shared_from_this(), target, chunks = chunks_, input = folder_ + "/input"] {
    BatchAnswer answer;
    {
      ChunkStreambuf buffer(*chunks);
      std::ostream out(&buffer);
      answer = self->server_.api().batch(target, input, out, self->server_.batch_threads());
      if (answer.status != 200) buffer.discard();
    }
    asio::post(self->stream_.get_executor(), [self, answer] {
      self->batch_done_ = answer;
      self->pump();
    });
    self->server_.batch_finished();
  }).detach();
}

void Session::pump() {
  if (writing_ || !chunks_) return;
  if (!header_sent_) {
    // The status waits for the first bytes: an error found before any row
    // is still a plain JSON error.
    if (batch_done_ && batch_done_->status != 200) {
      chunks_.reset();
      remove_upload();
      ApiResponse r;
      r.status = batch_done_->status;
      r.content_type = batch_done_->content_type;
      r.body = batch_done_->error_body;
      return answer(to_http(r, version_), keep_alive_);
    }
    auto first = chunks_->try_pop();
    if (!first && !batch_done_) return;  // nothing yet
    auto response = std::make_shared<http::response<http::empty_body>>(http::status::ok, version_);
    response->set(http::field::server, "icp-classify");
    response->set(http::field::content_type, head_.content_type);
    response->set(http::field::content_disposition, "attachment; filename=\"" + head_.filename + "\"");
    response->set(http::field::cache_control, "no-store");
    response->keep_alive(keep_alive_ && !server_.stopping());
    response->chunked(true);
    auto serializer = std::make_shared<http::response_serializer<http::empty_body>>(*response);
    auto chunk = std::make_shared<std::string>(first ? std::move(*first) : std::string());
    writing_ = header_sent_ = true;
    stream_.expires_after(server_.options().request_timeout);
    http::async_write_header(
        stream_, *serializer,
        [self = shared_from_this(), response, serializer, chunk](beast::error_code e, std::size_t) {
          if (e) return self->finish_stream(false);
          if (chunk->empty()) {
            self->writing_ = false;
            return self->pump();
          }
          asio::async_write(self->stream_, http::make_chunk(asio::buffer(*chunk)),
                            [self, chunk](beast::error_code e2, std::size_t) {
                              self->writing_ = false;
                              if (e2) return self->finish_stream(false);
                              self->pump();
                            });
        });
    return;
  }
  if (auto next = chunks_->try_pop()) {
    auto chunk = std::make_shared<std::string>(std::move(*next));
    writing_ = true;
    stream_.expires_after(server_.options().request_timeout);
    asio::async_write(stream_, http::make_chunk(asio::buffer(*chunk)),
                      [self = shared_from_this(), chunk](beast::error_code e, std::size_t) {
                        self->writing_ = false;
                        if (e) return self->finish_stream(false);
                        self->pump();
                      });
    return;
  }
  if (!batch_done_) return;                                     // more to come
  if (batch_done_->status != 200) return finish_stream(false);  // rows were sent, then it failed: cut short
  writing_ = true;
  asio::async_write(stream_, http::make_chunk_last(), [self = shared_from_this()](beast::error_code e, std::size_t) {
    self->writing_ = false;
    self->finish_stream(!e);
  });
}

// The stream is over: complete (keep the connection if asked) or cut short
// (close without the last chunk, so that the client knows it is incomplete).
void Session::finish_stream(bool ok) {
  if (chunks_) chunks_->cancel();  // a producer still waiting stops
  chunks_.reset();
  remove_upload();
  busy_ = false;
  if (!ok || !keep_alive_ || server_.stopping()) return close();
  read();
}

void Session::remove_upload() {
  if (folder_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
  folder_.clear();
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
