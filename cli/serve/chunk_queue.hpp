// The batch's output on its way to the client: the batch thread writes to a
// std::ostream whose buffer hands 64 KiB chunks to a bounded queue (it waits
// while the queue is full, so memory stays bounded whatever the upload);
// the connection takes them off and sends each as an HTTP chunk as soon as
// it is there. No Beast here.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <streambuf>
#include <string>

namespace icp::cli::serve {

class ChunkQueue {
 public:
  explicit ChunkQueue(std::size_t max_chunks) : max_(max_chunks) {}
  // Producer: waits while the queue is full; after cancel() it drops the chunk.
  void push(std::string chunk);
  // Consumer: the next chunk, if one is ready.
  std::optional<std::string> try_pop();
  // Consumer: the client is gone; the producer stops waiting.
  void cancel();
  // Called by the producer after each push, outside the lock: wakes the consumer.
  std::function<void()> on_ready;

 private:
  std::mutex mutex_;
  std::condition_variable room_;
  std::deque<std::string> chunks_;
  std::size_t max_;
  bool cancelled_ = false;
};

// A std::streambuf that collects bytes and pushes them to a ChunkQueue in
// chunks of `chunk_size` (and the rest on sync()).
class ChunkStreambuf : public std::streambuf {
 public:
  explicit ChunkStreambuf(ChunkQueue& queue, std::size_t chunk_size = 64 << 10);
  ~ChunkStreambuf() override { sync(); }
  // Drops what is not sent yet: an answer that failed before its first chunk
  // becomes a plain error.
  void discard() { pending_.clear(); }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  ChunkQueue& queue_;
  std::size_t chunk_size_;
  std::string pending_;
};

}  // namespace icp::cli::serve
