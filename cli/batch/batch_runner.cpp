#include "batch/batch_runner.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "batch/interrupt.hpp"

namespace icp::cli::batch {
namespace {

struct Job {
  RecordBatch in;
  std::string out;
  Stats stats;
  bool done = false;
  std::exception_ptr failure;
};

class Pipeline {
 public:
  Pipeline(const RowSettings& settings, const icp::Classifier& classifier, unsigned jobs) {
    for (unsigned i = 0; i < jobs; ++i)
      workers_.emplace_back([this, &settings, &classifier] { work(settings, classifier); });
  }
  ~Pipeline() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
    }
    queued_cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

  void submit(Job* job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      job->done = false;
      queue_.push_back(job);
    }
    queued_cv_.notify_one();
  }

  void wait(Job* job) {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [&] { return job->done; });
  }

 private:
  void work(const RowSettings& settings, const icp::Classifier& classifier) {
    RowFormatter formatter(settings, classifier);
    for (;;) {
      Job* job = nullptr;
      {
        std::unique_lock<std::mutex> lock(mu_);
        queued_cv_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = queue_.front();
        queue_.pop_front();
      }
      job->out.clear();
      job->stats = Stats{};
      job->failure = nullptr;
      try {
        for (const auto& row : job->in.rows) formatter.format(job->in, row, job->out, job->stats);
      } catch (...) {
        job->failure = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        job->done = true;
      }
      done_cv_.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable queued_cv_, done_cv_;
  std::deque<Job*> queue_;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

RunResult run_batches(CsvReader& reader, RecordBatch first, const RowSettings& settings,
                      const icp::Classifier& classifier, const RecordSink& output, Progress& progress, unsigned jobs) {
  if (jobs == 0) jobs = 1;
  RunResult result;
  const std::size_t slots = jobs + 2;
  std::vector<std::unique_ptr<Job>> pool;
  std::deque<Job*> free_jobs, in_flight;
  for (std::size_t i = 0; i < slots; ++i) {
    pool.push_back(std::make_unique<Job>());
    free_jobs.push_back(pool.back().get());
  }
  pool.front()->in = std::move(first);

  Pipeline pipeline(settings, classifier, jobs);
  auto write_oldest = [&] {
    Job* job = in_flight.front();
    pipeline.wait(job);
    in_flight.pop_front();
    if (job->failure) std::rethrow_exception(job->failure);
    output(job->out);
    result.stats.add(job->stats);
    job->in.clear();
    // Give back memory a huge record made the buffers hold.
    if (job->in.bytes.capacity() > 4 * kBatchBytes) job->in.bytes = std::string();
    if (job->out.capacity() > 8 * kBatchBytes) job->out = std::string();
    free_jobs.push_back(job);
    progress.update(result.stats.rows, reader.bytes_read());
  };

  bool more = true;
  while (more) {
    if (free_jobs.empty()) write_oldest();
    Job* job = free_jobs.front();
    free_jobs.pop_front();
    try {
      while (job->in.rows.size() < kBatchRows && job->in.bytes.size() < kBatchBytes) {
        if (interrupted()) {
          result.interrupted = true;
          more = false;
          break;
        }
        if (!reader.next(job->in)) {
          more = false;
          result.interrupted = interrupted();  // a signal ends a blocking read as if at the end
          break;
        }
      }
    } catch (const CsvError& e) {
      result.malformed = e;
      more = false;
    }
    if (result.interrupted) break;  // nothing more is written
    if (job->in.rows.empty()) {
      free_jobs.push_back(job);
      continue;
    }
    pipeline.submit(job);
    in_flight.push_back(job);
  }
  if (result.interrupted) {
    for (Job* job : in_flight) pipeline.wait(job);
    return result;
  }
  while (!in_flight.empty()) {
    if (interrupted()) {
      result.interrupted = true;
      for (Job* job : in_flight) pipeline.wait(job);
      return result;
    }
    write_oldest();
  }
  return result;
}

}  // namespace icp::cli::batch
