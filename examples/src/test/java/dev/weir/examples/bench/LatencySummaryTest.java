package dev.weir.examples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
  @Test
  void percentilesAreNearestRankInMilliseconds() {
    // 1 ms .. 1000 ms, shuffled order does not matter.
    long[] micros = LongStream.rangeClosed(1, 1000).map(k -> (1001 - k) * 1000).toArray();

    LatencySummary summary = LatencySummary.ofMicros(micros);

    assertEquals(1000, summary.count());
    assertEquals(500.0, summary.p50());
    assertEquals(990.0, summary.p99());
    assertEquals(999.0, summary.p999());
    assertEquals(1000.0, summary.max());
  }

  @Test
  void theCdfCurveRisesToTheMaximum() {
    LatencySummary summary = LatencySummary.ofMicros(new long[] {3000, 1000, 2000});

    double[] curve = summary.quantileValues();
    assertEquals(LatencySummary.QUANTILES.length, curve.length);
    assertEquals(1.0, curve[0]);
    assertEquals(3.0, curve[curve.length - 1]);
    for (int k = 1; k < curve.length; k++) {
      assertEquals(true, curve[k] >= curve[k - 1], "the curve never falls");
    }
  }

  @Test
  void anEmptyDistributionIsAllZero() {
    LatencySummary summary = LatencySummary.ofMicros(new long[0]);

    assertEquals(0, summary.count());
    assertEquals(0.0, summary.max());
    assertArrayEquals(new double[LatencySummary.QUANTILES.length], summary.quantileValues());
  }

  @Test
  void aQuantileOutsideZeroToOneIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LatencySummary.quantile(new long[] {1}, 1.5));

    assertEquals("A quantile is between 0 and 1, got 1.5", e.getMessage());
  }
}
