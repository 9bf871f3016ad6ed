#include "serve/chunk_queue.hpp"

#include <chrono>

#include "batch/interrupt.hpp"

namespace icp::cli::serve {

void ChunkQueue::push(std::string chunk) {
  {
    std::unique_lock lock(mutex_);
    // A server that stops (batch::request_stop) while the client reads
    // nothing must not leave this thread waiting.
    while (
        !room_.wait_for(lock, std::chrono::milliseconds(100), [this] { return cancelled_ || chunks_.size() < max_; }))
      if (batch::interrupted()) cancelled_ = true;
    if (cancelled_) return;
    chunks_.push_back(std::move(chunk));
  }
  if (on_ready) on_ready();
}

std::optional<std::string> ChunkQueue::try_pop() {
  std::optional<std::string> out;
  {
    const std::lock_guard lock(mutex_);
    if (chunks_.empty()) return out;
    out = std::move(chunks_.front());
    chunks_.pop_front();
  }
  room_.notify_one();
  return out;
}

void ChunkQueue::cancel() {
  {
    const std::lock_guard lock(mutex_);
    cancelled_ = true;
    chunks_.clear();
  }
  room_.notify_all();
}

ChunkStreambuf::ChunkStreambuf(ChunkQueue& queue, std::size_t chunk_size) : queue_(queue), chunk_size_(chunk_size) {
  pending_.reserve(chunk_size_);
}

ChunkStreambuf::int_type ChunkStreambuf::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  const char c = traits_type::to_char_type(ch);
  xsputn(&c, 1);
  return ch;
}

std::streamsize ChunkStreambuf::xsputn(const char* s, std::streamsize n) {
  pending_.append(s, static_cast<std::size_t>(n));
  if (pending_.size() >= chunk_size_) sync();
  return n;
}

int ChunkStreambuf::sync() {
  if (pending_.empty()) return 0;
  std::string chunk;
  chunk.reserve(chunk_size_);
  chunk.swap(pending_);
  queue_.push(std::move(chunk));
  return 0;
}

}  // namespace icp::cli::serve
