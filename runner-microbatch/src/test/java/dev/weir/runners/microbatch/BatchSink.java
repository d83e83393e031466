package dev.weir.runners.microbatch;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.joda.time.Instant;

/**
 * A sink for recovery tests that keeps, per name, what each transaction committed, the first
 * commit of a transaction id winning as the sink contract says. Kept statically, as runners work on
 * deserialized copies of the sink, and by name, so that a restarted pipeline writes to the same
 * place.
 */
final class BatchSink extends TransactionalSink<String, List<String>> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, SortedMap<Long, List<String>>> COMMITTED = new ConcurrentHashMap<>();

  /** When set, the next commit of any sink fails before making anything visible, as a crash would. */
  static final java.util.concurrent.atomic.AtomicBoolean FAIL_BEFORE_NEXT_COMMIT =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** The transaction ids each sink was handed by {@link #resume}, by sink name. */
  private static final Map<String, List<Long>> RESUMED = new ConcurrentHashMap<>();

  /** When set, the next commit of any sink fails right after its output became visible, as a crash would. */
  static final java.util.concurrent.atomic.AtomicBoolean FAIL_AFTER_NEXT_COMMIT =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final String name;

  BatchSink(String name) {
    this.name = name;
    COMMITTED.putIfAbsent(name, new TreeMap<>());
  }

  /** What the sink named {@code name} committed, by transaction id. */
  static SortedMap<Long, List<String>> committed(String name) {
    SortedMap<Long, List<String>> committed = COMMITTED.get(name);
    synchronized (committed) {
      return new TreeMap<>(committed);
    }
  }

  /** Every element the sink named {@code name} committed, in transaction order. */
  static List<String> elements(String name) {
    List<String> all = new ArrayList<>();
    committed(name).values().forEach(all::addAll);
    return all;
  }

  @Override
  public Coder<List<String>> getCommittableCoder() {
    return ListCoder.of(StringUtf8Coder.of());
  }

  @Override
  public Writer<String, List<String>> openWriter(long transactionId, int shard) {
    List<String> written = new ArrayList<>();
    return new Writer<>() {
      @Override
      public void write(String element, Instant timestamp, BoundedWindow window, PaneInfo pane) {
        written.add(element);
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
    if (FAIL_BEFORE_NEXT_COMMIT.getAndSet(false)) {
      throw new IllegalStateException("injected failure before committing transaction " + transactionId);
    }
    SortedMap<Long, List<String>> committed = COMMITTED.get(name);
    synchronized (committed) {
      if (!committed.containsKey(transactionId)) {
        List<String> all = new ArrayList<>();
        committables.forEach(all::addAll);
        committed.put(transactionId, all);
      }
    }
    if (FAIL_AFTER_NEXT_COMMIT.getAndSet(false)) {
      throw new IllegalStateException("injected failure after committing transaction " + transactionId);
    }
  }

  @Override
  public void startFresh() {}

  @Override
  public void resume(SortedMap<Long, List<List<String>>> pending) {
    RESUMED.computeIfAbsent(name, n -> new java.util.concurrent.CopyOnWriteArrayList<>()).addAll(pending.keySet());
    pending.forEach(this::commit);
  }

  /** The transaction ids the sink named {@code name} was handed to resume, over all its runs. */
  static List<Long> resumed(String name) {
    return List.copyOf(RESUMED.getOrDefault(name, List.of()));
  }
}
