package dev.weir.runtime.grouping;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.joda.time.Instant;

/**
 * The pending wake-ups of one time domain: for each key and window at most one instant at which the
 * grouping core must look at the window again. Ordered by time, then key encoding, then window
 * encoding, which is the order in which due windows are activated. Not thread-safe.
 */
final class WakeUps {
  private static final Comparator<WakeUp> ORDER = (a, b) -> {
    int byTime = Long.compare(a.time().getMillis(), b.time().getMillis());
    if (byTime != 0) {
      return byTime;
    }
    int byKey = a.key().compareTo(b.key());
    return byKey != 0 ? byKey : a.windowBytes().compareTo(b.windowBytes());
  };

  private final TreeSet<WakeUp> pending = new TreeSet<>(ORDER);

  void add(WakeUp wakeUp) {
    pending.add(wakeUp);
  }

  void remove(WakeUp wakeUp) {
    if (wakeUp != null) {
      pending.remove(wakeUp);
    }
  }

  /** The earliest wake-up, or null if none. */
  WakeUp first() {
    return pending.isEmpty() ? null : pending.first();
  }

  /** The wake-ups at or before {@code time}, in activation order. */
  List<WakeUp> atOrBefore(Instant time) {
    List<WakeUp> due = new ArrayList<>();
    for (WakeUp wakeUp : pending) {
      if (wakeUp.time().isAfter(time)) {
        break;
      }
      due.add(wakeUp);
    }
    return due;
  }

  /**
   * One instant at which the core looks at a window again.
   *
   * @param time when
   * @param key the key's encoding
   * @param windowBytes the window's encoding
   * @param window the window
   */
  record WakeUp(Instant time, EncodedBytes key, EncodedBytes windowBytes, BoundedWindow window) {}
}
