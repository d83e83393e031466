package dev.weir.runtime.metrics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.weir.sdk.metrics.MetricName;
import org.junit.jupiter.api.Test;

class CounterCellTest {
  private final CounterCell cell = new CounterCell(MetricName.named("ns", "n"));

  @Test
  void startsAtZero() {
    assertThat(cell.getCumulative(), is(0L));
  }

  @Test
  void sumsIncrementsAndDecrements() {
    cell.inc();
    cell.inc(10);
    cell.dec();
    cell.dec(3);

    assertThat(cell.getCumulative(), is(7L));
  }

  @Test
  void losesNoIncrementUnderConcurrentUpdates() throws InterruptedException {
    ConcurrentUpdates.run(4, 20_000, cell::inc);

    assertThat(cell.getCumulative(), is(80_000L));
  }
}
