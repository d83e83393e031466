package dev.weir.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.io.synthetic.Checksum;
import dev.weir.io.synthetic.RowHash;
import org.junit.jupiter.api.Test;

/** The reference loop's sessionization follows Beam's rule for session windows. */
class ReferenceLoopTest {
  private static Checksum sessions(long... times) {
    Checksum checksum = new Checksum();
    ReferenceLoop.addSessions(checksum, "u1", times.clone(), times.length);
    return checksum;
  }

  private static long row(long start, long end, long count) {
    return RowHash.of("u1", start, end, count);
  }

  @Test
  void overlappingEventsMergeIntoOneSessionEndingAtTheLastEventPlusTheGap() {
    Checksum checksum = sessions(7_000, 0, 4_999);

    assertEquals(1, checksum.rows());
    assertEquals(row(0, 12_000, 3), checksum.value());
  }

  @Test
  void touchingWindowsDoNotMerge() {
    Checksum checksum = sessions(0, 5_000);

    assertEquals(2, checksum.rows());
    assertEquals(row(0, 5_000, 1) + row(5_000, 10_000, 1), checksum.value());
  }

  @Test
  void eventsAtTheSameTimeShareTheirSession() {
    Checksum checksum = sessions(3, 3);

    assertEquals(row(3, 5_003, 2), checksum.value());
  }
}
