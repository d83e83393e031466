package dev.weir.sdk.metrics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Metrics}, {@link MetricsEnvironment} and {@link DistributionResult}. */
class MetricsTest {

  /** A container that records every update as text. */
  static final class RecordingContainer implements MetricsContainer {
    final List<String> updates = new ArrayList<>();

    @Override
    public Counter getCounter(MetricName name) {
      return new Counter() {
        @Override
        public void inc() {
          inc(1);
        }

        @Override
        public void inc(long n) {
          updates.add("counter " + name + " " + n);
        }

        @Override
        public void dec() {
          inc(-1);
        }

        @Override
        public void dec(long n) {
          inc(-n);
        }

        @Override
        public MetricName getName() {
          return name;
        }
      };
    }

    @Override
    public Distribution getDistribution(MetricName name) {
      return new Distribution() {
        @Override
        public void update(long value) {
          updates.add("distribution " + name + " " + value);
        }

        @Override
        public MetricName getName() {
          return name;
        }
      };
    }

    @Override
    public Gauge getGauge(MetricName name) {
      return new Gauge() {
        @Override
        public void set(long value) {
          updates.add("gauge " + name + " " + value);
        }

        @Override
        public MetricName getName() {
          return name;
        }
      };
    }
  }

  @Test
  void updatesGoToTheCurrentContainer() {
    RecordingContainer container = new RecordingContainer();
    Counter counter = Metrics.counter("ns", "c");
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      counter.inc();
      counter.dec(3);
      Metrics.distribution("ns", "d").update(7);
      Metrics.gauge(MetricsTest.class, "g").set(9);
    }
    assertThat(container.updates, contains("counter ns:c 1", "counter ns:c -3", "distribution ns:d 7",
        "gauge " + MetricsTest.class.getName() + ":g 9"));
  }

  @Test
  void updatesWithoutAContainerAreIgnored() {
    Metrics.counter("ns", "c").inc();
    Metrics.distribution("ns", "d").update(1);
    Metrics.gauge("ns", "g").set(1);
    assertThat(MetricsEnvironment.getCurrentContainer(), nullValue());
  }

  @Test
  void closingAScopeRestoresThePreviousContainer() {
    RecordingContainer outer = new RecordingContainer();
    RecordingContainer inner = new RecordingContainer();
    try (MetricsEnvironment.Scope a = MetricsEnvironment.scopedContainer(outer)) {
      try (MetricsEnvironment.Scope b = MetricsEnvironment.scopedContainer(inner)) {
        Metrics.counter("ns", "c").inc();
      }
      Metrics.counter("ns", "c").inc(2);
    }
    assertThat(inner.updates, contains("counter ns:c 1"));
    assertThat(outer.updates, contains("counter ns:c 2"));
    assertThat(MetricsEnvironment.getCurrentContainer(), nullValue());
  }

  @Test
  void settingTheCurrentContainerReturnsTheOneItReplaces() {
    RecordingContainer first = new RecordingContainer();
    RecordingContainer second = new RecordingContainer();

    MetricsContainer beforeFirst = MetricsEnvironment.setCurrentContainer(first);
    MetricsContainer beforeSecond = MetricsEnvironment.setCurrentContainer(second);
    MetricsContainer beforeRestore = MetricsEnvironment.setCurrentContainer(beforeFirst);

    assertThat(beforeFirst, nullValue());
    assertThat(beforeSecond, is(first));
    assertThat(beforeRestore, is(second));
    assertThat(MetricsEnvironment.getCurrentContainer(), nullValue());
  }

  @Test
  void aScopeOfTheContainerAlreadyCurrentLeavesItCurrentWhenClosed() {
    RecordingContainer container = new RecordingContainer();
    try (MetricsEnvironment.Scope outer = MetricsEnvironment.scopedContainer(container)) {
      try (MetricsEnvironment.Scope same = MetricsEnvironment.scopedContainer(container)) {
        Metrics.counter("ns", "c").inc();
      }
      assertThat(MetricsEnvironment.getCurrentContainer(), is(container));
    }
    assertThat(MetricsEnvironment.getCurrentContainer(), nullValue());
  }

  /** A thread that holds its container itself, as runners' operator threads do. */
  private static final class HoldingThread extends Thread implements MetricsEnvironment.ContainerHolder {
    private MetricsContainer held;

    HoldingThread(Runnable task) {
      super(task);
    }

    @Override
    public MetricsContainer heldMetricsContainer() {
      return held;
    }

    @Override
    public void holdMetricsContainer(MetricsContainer container) {
      held = container;
    }
  }

  @Test
  void aThreadThatHoldsItsContainerSendsUpdatesToIt() throws InterruptedException {
    RecordingContainer container = new RecordingContainer();
    List<MetricsContainer> replaced = new ArrayList<>();
    HoldingThread thread = new HoldingThread(() -> {
      replaced.add(MetricsEnvironment.setCurrentContainer(container));
      Metrics.counter("ns", "c").inc(5);
      replaced.add(MetricsEnvironment.setCurrentContainer(null));
    });
    thread.start();
    thread.join();

    assertThat(container.updates, contains("counter ns:c 5"));
    assertThat(replaced, contains(nullValue(), is(container)));
    assertThat(thread.held, nullValue());
  }

  @Test
  void aMetricKnowsItsName() {
    assertThat(Metrics.counter("ns", "c").getName(), equalTo(MetricName.named("ns", "c")));
  }

  @Test
  void theMeanIsSumOverCount() {
    assertThat(DistributionResult.create(10, 4, 1, 5).getMean(), is(2.5));
  }

  @Test
  void theMeanOfNoValuesIsNaN() {
    assertThat(Double.isNaN(DistributionResult.IDENTITY_ELEMENT.getMean()), is(true));
  }
}
