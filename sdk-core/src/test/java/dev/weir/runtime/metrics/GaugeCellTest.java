package dev.weir.runtime.metrics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.weir.sdk.metrics.GaugeResult;
import dev.weir.sdk.metrics.MetricName;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class GaugeCellTest {
  private final AtomicLong now = new AtomicLong(1000);
  private final GaugeCell cell = new GaugeCell(MetricName.named("ns", "n"), () -> new Instant(now.get()));

  @Test
  void hasNoValueUntilSet() {
    assertThat(cell.getCumulative(), nullValue());
  }

  @Test
  void keepsTheLatestValueWithTheTimeItWasSet() {
    cell.set(3);
    now.set(2000);
    cell.set(7);

    assertThat(cell.getCumulative(), is(GaugeResult.create(7, new Instant(2000))));
  }

  @Test
  void mergeKeepsTheValueSetLater() {
    cell.set(3);

    cell.merge(GaugeResult.create(9, new Instant(500)));

    assertThat(cell.getCumulative(), is(GaugeResult.create(3, new Instant(1000))));
  }
}
