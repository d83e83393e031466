package dev.weir.runtime.metrics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import dev.weir.sdk.metrics.MetricName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsContainerStepMapTest {
  private static final MetricName COUNT = MetricName.named("ns", "count");

  @Test
  void givesOneContainerPerStep() {
    MetricsContainerStepMap map = new MetricsContainerStepMap();

    assertThat(map.getContainer("A"), sameInstance(map.getContainer("A")));
    assertThat(map.getContainer("B").getStepName(), is("B"));
    assertThat(map.getContainers().stream().map(StepMetricsContainer::getStepName).toList(),
        containsInAnyOrder("A", "B"));
  }

  @Test
  void updateAllAddsIntoTheSameSteps() {
    MetricsContainerStepMap total = new MetricsContainerStepMap();
    total.getContainer("A").getCounter(COUNT).inc(1);
    MetricsContainerStepMap batch = new MetricsContainerStepMap();
    batch.getContainer("A").getCounter(COUNT).inc(2);
    batch.getContainer("B").getCounter(COUNT).inc(3);

    total.updateAll(batch);

    assertThat(total.getContainer("A").counterValues(), is(Map.of(COUNT, 3L)));
    assertThat(total.getContainer("B").counterValues(), is(Map.of(COUNT, 3L)));
  }
}
