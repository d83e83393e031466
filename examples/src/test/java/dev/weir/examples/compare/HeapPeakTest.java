package dev.weir.examples.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapPeakTest {
  @Test
  void thePeakCountsWhatIsStillInUseWhenWatchingStops() {
    HeapPeak watcher = HeapPeak.start();
    long[] held = new long[8 << 20];

    long peak = watcher.stop();

    assertTrue(peak >= held.length * 8L, "peak " + peak + " bytes while holding " + held.length * 8L);
  }
}
