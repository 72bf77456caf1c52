// A second thread that applies batches of rows in the order they were sent, while the sending
// thread reads the next ones: how an importer reads its input on one core and builds people on
// the other. At most four batches wait, so the reader never runs far ahead. A failure on the
// second thread is rethrown to the sender at its next send or wait, and the batches after it are
// dropped.
//
// `Batch` needs `bool empty() const`, `bool full() const` and `void clear()`; batches are reused.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace orgaudit::import {

template <typename Batch>
class BatchThread {
 public:
  explicit BatchThread(std::function<void(Batch&)> apply)
      : apply_(std::move(apply)), current_(std::make_unique<Batch>()), thread_([this] { run(); }) {}
  ~BatchThread() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
      queued_.clear();  // after an error: what is left is not wanted
    }
    changed_.notify_all();
    thread_.join();
  }
  BatchThread(const BatchThread&) = delete;
  BatchThread& operator=(const BatchThread&) = delete;

  // The batch the sender fills.
  Batch& current() { return *current_; }

  // Queues the current batch once it is full (or always, unless empty), waiting while a few are
  // queued already.
  void send(bool always = false) {
    if (current_->empty() || (!always && !current_->full())) return;
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return queued_.size() < 4 || failure_; });
    rethrow();
    queued_.push_back(std::move(current_));
    if (spare_.empty()) {
      current_ = std::make_unique<Batch>();
    } else {
      current_ = std::move(spare_.back());
      spare_.pop_back();
    }
    lock.unlock();
    changed_.notify_all();
  }

  // Until every batch sent, and the current one, is applied.
  void wait() {
    send(true);
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return (queued_.empty() && !busy_) || failure_; });
    rethrow();
  }

 private:
  void rethrow() {
    if (failure_) std::rethrow_exception(failure_);
  }

  void run() {
    for (;;) {
      std::unique_ptr<Batch> batch;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || !queued_.empty(); });
        if (queued_.empty()) return;
        batch = std::move(queued_.front());
        queued_.pop_front();
        busy_ = true;
      }
      std::exception_ptr failure;
      try {
        apply_(*batch);
      } catch (...) {
        failure = std::current_exception();
      }
      batch->clear();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (failure) {
          failure_ = failure;
          queued_.clear();
        }
        spare_.push_back(std::move(batch));
        busy_ = false;
      }
      changed_.notify_all();
    }
  }

  std::function<void(Batch&)> apply_;
  std::unique_ptr<Batch> current_;  // filled by the sending thread
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> queued_, spare_;
  bool busy_ = false, stop_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: it starts once the rest is ready
};

}  // namespace orgaudit::import
