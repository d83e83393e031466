package dev.weir.io.synthetic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WORKLOADS.md written out as plain single-threaded loops, sharing no code with the classes under
 * test, so that a test comparing the two can fail when either drifts from the spec.
 */
final class SpecReference {
  private SpecReference() {}

  static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static String device(long i) {
    return "d" + (mix(i) & 1023);
  }

  static int signal(long i) {
    return (int) ((mix(i) >>> 10) & 31);
  }

  static long ts(long i) {
    return Math.max(0, i / 10 - ((mix(i) >>> 31) & 2047));
  }

  static long rowHash(String first, long... rest) {
    long r = 0xcbf29ce484222325L;
    for (byte b : first.getBytes(StandardCharsets.UTF_8)) {
      r ^= b & 0xff;
      r *= 0x100000001b3L;
    }
    for (long f : rest) {
      r = mix(r ^ f);
    }
    return r;
  }

  /** W0's rows, as their hashes: events with signal > 15, projected to (device, signal, ts). */
  static List<Long> w0RowHashes(long n) {
    List<Long> hashes = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      if (signal(i) > 15) {
        hashes.add(rowHash(device(i), signal(i), ts(i)));
      }
    }
    return hashes;
  }

  /** W1's rows as "device,windowStart,count": counts per device per fixed 10 s window. */
  static List<String> w1Rows(long n) {
    Map<String, Long> counts = new HashMap<>();
    for (long i = 0; i < n; i++) {
      long windowStart = ts(i) - ts(i) % 10_000;
      counts.merge(device(i) + "," + windowStart, 1L, Long::sum);
    }
    List<String> rows = new ArrayList<>();
    counts.forEach((key, count) -> rows.add(key + "," + count));
    return rows;
  }

  /** The hash of a W1 row written as "device,windowStart,count". */
  static long w1RowHash(String row) {
    String[] fields = row.split(",");
    return rowHash(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]));
  }

  static long sum(List<Long> hashes) {
    long sum = 0;
    for (long h : hashes) {
      sum += h;
    }
    return sum;
  }
  static String user(long i) {
    return "u" + ((mix(i) >>> 15) & 65535);
  }

  /** W2's rows as "device,windowStart,sum": signal summed per device per 60 s window starting every 10 s. */
  static List<String> w2Rows(long n) {
    Map<String, Long> sums = new HashMap<>();
    for (long i = 0; i < n; i++) {
      long lastStart = ts(i) - ts(i) % 10_000;
      for (long start = lastStart; start > ts(i) - 60_000; start -= 10_000) {
        sums.merge(device(i) + "," + start, (long) signal(i), Long::sum);
      }
    }
    List<String> rows = new ArrayList<>();
    sums.forEach((key, sum) -> rows.add(key + "," + sum));
    return rows;
  }

  /**
   * W3's rows as "user,sessionStart,sessionEnd,count": per user, events sorted by time; an event
   * joins the open session if its time is before the session's end (touching does not merge).
   */
  static List<String> w3Rows(long n) {
    Map<String, List<Long>> times = new HashMap<>();
    for (long i = 0; i < n; i++) {
      times.computeIfAbsent(user(i), u -> new ArrayList<>()).add(ts(i));
    }
    List<String> rows = new ArrayList<>();
    times.forEach((user, list) -> {
      list.sort(null);
      long start = list.get(0);
      long end = start + 5_000;
      long count = 0;
      for (long t : list) {
        if (t >= end) {
          rows.add(user + "," + start + "," + end + "," + count);
          start = t;
          count = 0;
        }
        end = Math.max(end, t + 5_000);
        count++;
      }
      rows.add(user + "," + start + "," + end + "," + count);
    });
    return rows;
  }

  /** The hash of a row whose first field is a string and whose other fields are longs, written with commas. */
  static long rowHashOf(String row) {
    String[] fields = row.split(",");
    long[] rest = new long[fields.length - 1];
    for (int i = 1; i < fields.length; i++) {
      rest[i - 1] = Long.parseLong(fields[i]);
    }
    return rowHash(fields[0], rest);
  }
}
