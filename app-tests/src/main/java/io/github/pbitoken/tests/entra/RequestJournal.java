package io.github.pbitoken.tests.entra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Every request received since the last reset, with a way to wait for more without sleeping. */
final class RequestJournal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition recorded = lock.newCondition();
  private final List<RecordedRequest> requests = new ArrayList<>();

  void record(RecordedRequest request) {
    lock.lock();
    try {
      requests.add(request);
      recorded.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int count() {
    lock.lock();
    try {
      return requests.size();
    } finally {
      lock.unlock();
    }
  }

  List<RecordedRequest> snapshot() {
    lock.lock();
    try {
      return List.copyOf(requests);
    } finally {
      lock.unlock();
    }
  }

  /** Waits until at least {@code count} requests are recorded; false if the timeout passed. */
  boolean awaitCount(int count, Duration timeout) throws InterruptedException {
    long remainingNanos = timeout.toNanos();
    lock.lock();
    try {
      while (requests.size() < count) {
        if (remainingNanos <= 0) {
          return false;
        }
        remainingNanos = recorded.awaitNanos(remainingNanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  void clear() {
    lock.lock();
    try {
      requests.clear();
    } finally {
      lock.unlock();
    }
  }
}
