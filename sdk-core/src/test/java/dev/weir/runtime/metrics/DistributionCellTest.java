package dev.weir.runtime.metrics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.weir.sdk.metrics.DistributionResult;
import dev.weir.sdk.metrics.MetricName;
import org.junit.jupiter.api.Test;

class DistributionCellTest {
  private final DistributionCell cell = new DistributionCell(MetricName.named("ns", "n"));

  @Test
  void startsEmpty() {
    assertThat(cell.getCumulative(), is(DistributionResult.IDENTITY_ELEMENT));
  }

  @Test
  void summarizesReportedValues() {
    cell.update(5);
    cell.update(-2);
    cell.update(9);

    assertThat(cell.getCumulative(), is(DistributionResult.create(12, 3, -2, 9)));
  }

  @Test
  void mergesAnotherSummary() {
    cell.update(5);

    cell.merge(DistributionResult.create(30, 2, 10, 20));

    assertThat(cell.getCumulative(), is(DistributionResult.create(35, 3, 5, 20)));
  }

  @Test
  void losesNoValueUnderConcurrentUpdates() throws InterruptedException {
    ConcurrentUpdates.run(4, 10_000, () -> cell.update(3));

    assertThat(cell.getCumulative(), is(DistributionResult.create(120_000, 40_000, 3, 3)));
  }
}
