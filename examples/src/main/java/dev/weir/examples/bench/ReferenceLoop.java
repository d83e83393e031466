package dev.weir.examples.bench;

import dev.weir.io.synthetic.Checksum;
import dev.weir.io.synthetic.Event;
import dev.weir.io.synthetic.RowHash;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The workloads of {@code WORKLOADS.md} as plain single-threaded loops over the events, with no
 * pipeline: the answer {@code --verify} checks a run against, and the baseline the performance
 * targets compare runners with. Stateless and thread-safe; memory grows with the output's keys.
 */
final class ReferenceLoop {
  private static final long W1_SIZE = 10_000;
  private static final long W2_SIZE = 60_000;
  private static final long W2_PERIOD = 10_000;
  private static final long W3_GAP = 5_000;

  private ReferenceLoop() {}

  /** The rows and checksum of {@code workload} over the events {@code 0 <= i < n}. */
  static Checksum checksum(Workload workload, long n) {
    return switch (workload) {
      case W0 -> w0(n);
      case W1 -> w1(n);
      case W2 -> w2(n);
      case W3 -> w3(n);
    };
  }

  private static Checksum w0(long n) {
    Checksum checksum = new Checksum();
    for (long i = 0; i < n; i++) {
      Event e = Event.of(i);
      if (e.signal() > 15) {
        checksum.add(RowHash.of(e.device(), e.signal(), e.ts()));
      }
    }
    return checksum;
  }

  private static Checksum w1(long n) {
    Map<WindowKey, long[]> counts = new HashMap<>();
    for (long i = 0; i < n; i++) {
      Event e = Event.of(i);
      long start = e.ts() - Math.floorMod(e.ts(), W1_SIZE);
      counts.computeIfAbsent(new WindowKey(e.device(), start), k -> new long[1])[0]++;
    }
    return hashAll(counts);
  }

  private static Checksum w2(long n) {
    Map<WindowKey, long[]> sums = new HashMap<>();
    for (long i = 0; i < n; i++) {
      Event e = Event.of(i);
      // Every window [start, start + 60 s) with start a multiple of 10 s and ts in it, including
      // windows that start before time 0.
      long lastStart = e.ts() - Math.floorMod(e.ts(), W2_PERIOD);
      for (long start = lastStart; start > e.ts() - W2_SIZE; start -= W2_PERIOD) {
        sums.computeIfAbsent(new WindowKey(e.device(), start), k -> new long[1])[0] += e.signal();
      }
    }
    return hashAll(sums);
  }

  private static Checksum hashAll(Map<WindowKey, long[]> aggregates) {
    Checksum checksum = new Checksum();
    aggregates.forEach((key, value) -> checksum.add(RowHash.of(key.key(), key.windowStart(), value[0])));
    return checksum;
  }

  private static Checksum w3(long n) {
    Map<String, long[]> timesByUser = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    for (long i = 0; i < n; i++) {
      Event e = Event.of(i);
      int size = sizes.merge(e.user(), 1, Integer::sum);
      long[] times = timesByUser.computeIfAbsent(e.user(), u -> new long[4]);
      if (size > times.length) {
        times = Arrays.copyOf(times, times.length * 2);
        timesByUser.put(e.user(), times);
      }
      times[size - 1] = e.ts();
    }
    Checksum checksum = new Checksum();
    timesByUser.forEach((user, times) -> addSessions(checksum, user, times, sizes.get(user)));
    return checksum;
  }

  /**
   * Merges the intervals {@code [ts, ts + gap)} of one user's events into sessions by Beam's rule:
   * overlapping intervals merge, touching ones ({@code ts == end}) do not.
   */
  static void addSessions(Checksum checksum, String user, long[] times, int size) {
    Arrays.sort(times, 0, size);
    long start = times[0];
    long end = start + W3_GAP;
    long count = 1;
    for (int k = 1; k < size; k++) {
      long ts = times[k];
      if (ts < end) {
        end = Math.max(end, ts + W3_GAP);
        count++;
      } else {
        checksum.add(RowHash.of(user, start, end, count));
        start = ts;
        end = ts + W3_GAP;
        count = 1;
      }
    }
    checksum.add(RowHash.of(user, start, end, count));
  }

  /** A key and the start of a window it was aggregated in. */
  private record WindowKey(String key, long windowStart) {}
}
