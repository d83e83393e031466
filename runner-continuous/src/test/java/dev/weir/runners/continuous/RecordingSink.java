package dev.weir.runners.continuous;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.joda.time.Instant;

/**
 * A sink for tests that makes committed elements visible in a {@link Recording} shared by every
 * run given the same id (runs work on deserialized copies of the sink); a transaction id commits
 * once, as the contract requires of sinks.
 */
final class RecordingSink<T> extends TransactionalSink<T, List<String>> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Recording> RECORDINGS = new ConcurrentHashMap<>();

  private final String id;

  RecordingSink(String id) {
    this.id = id;
    RECORDINGS.putIfAbsent(id, new Recording());
  }

  static Recording recording(String id) {
    return RECORDINGS.get(id);
  }

  /** What the sinks of one id saw. */
  static final class Recording {
    private final List<String> committed = new ArrayList<>();
    private final Set<Long> transactions = new HashSet<>();
    private int freshStarts;
    private int resumes;

    synchronized List<String> committed() {
      return List.copyOf(committed);
    }

    synchronized int transactions() {
      return transactions.size();
    }

    synchronized int freshStarts() {
      return freshStarts;
    }

    synchronized int resumes() {
      return resumes;
    }

    synchronized void commit(long transaction, List<List<String>> committables) {
      if (transactions.add(transaction)) {
        committables.forEach(committed::addAll);
        notifyAll();
      }
    }

    /** Waits until at least {@code count} elements are committed; false if {@code seconds} passed first. */
    synchronized boolean awaitCommitted(int count, long seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (committed.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }

  @Override
  public Coder<List<String>> getCommittableCoder() {
    return ListCoder.of(StringUtf8Coder.of());
  }

  @Override
  public Writer<T, List<String>> openWriter(long transactionId, int shard) {
    List<String> written = new ArrayList<>();
    return new Writer<>() {
      @Override
      public void write(T element, Instant timestamp, BoundedWindow window, PaneInfo pane) {
        written.add(String.valueOf(element));
      }

      @Override
      public List<String> prepareCommit() {
        return List.copyOf(written);
      }

      @Override
      public void abort() {
        written.clear();
      }
    };
  }

  @Override
  public void commit(long transactionId, List<List<String>> committables) {
    recording(id).commit(transactionId, committables);
  }

  @Override
  public void startFresh() {
    synchronized (recording(id)) {
      recording(id).freshStarts++;
    }
  }

  @Override
  public void resume(SortedMap<Long, List<List<String>>> pending) {
    Recording recording = recording(id);
    synchronized (recording) {
      recording.resumes++;
    }
    pending.forEach(recording::commit);
  }
}
