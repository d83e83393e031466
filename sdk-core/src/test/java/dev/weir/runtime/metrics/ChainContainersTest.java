package dev.weir.runtime.metrics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ChainContainersTest {
  private final MetricsContainer outside = new StepMetricsContainer("Outside");
  private final MetricsContainer[] chain = {new StepMetricsContainer("A"), new StepMetricsContainer("B")};
  private final MetricsContainer[] otherChain = {new StepMetricsContainer("C")};

  @Test
  void aStepsContainerIsCurrentUntilItsExitOnAHoldingThread() throws Exception {
    assertThat(seenOn(this::enterNestedAndExit, true), contains(chain[0], chain[1], chain[0], outside));
  }

  @Test
  void aStepsContainerIsCurrentUntilItsExitOnAnyOtherThread() throws Exception {
    assertThat(seenOn(this::enterNestedAndExit, false), contains(chain[0], chain[1], chain[0], outside));
  }

  @Test
  void exitingAnotherChainsStepRestoresTheStepOfTheFirstChain() throws Exception {
    List<MetricsContainer> seen = seenOn(current -> {
      ChainContainers first = new ChainContainers(chain);
      ChainContainers second = new ChainContainers(otherChain);
      int beforeFirst = first.enter(1);
      int beforeSecond = second.enter(0);
      current.add(MetricsEnvironment.getCurrentContainer());
      second.exit(beforeSecond);
      current.add(MetricsEnvironment.getCurrentContainer());
      first.exit(beforeFirst);
      current.add(MetricsEnvironment.getCurrentContainer());
    }, true);

    assertThat(seen, contains(otherChain[0], chain[1], outside));
  }

  @Test
  void aSwitchMakesAStepsContainerCurrentUntilTheNextSwitch() throws Exception {
    List<MetricsContainer> seen = seenOn(current -> {
      ChainContainers containers = new ChainContainers(chain);
      containers.switchTo(1);
      current.add(MetricsEnvironment.getCurrentContainer());
      containers.switchTo(0);
      current.add(MetricsEnvironment.getCurrentContainer());
    }, true);

    assertThat(seen, contains(chain[1], chain[0]));
  }

  @Test
  void installingAChainLeavesTheCurrentContainerAsItWas() throws Exception {
    List<MetricsContainer> seen = seenOn(current -> {
      ChainContainers containers = new ChainContainers(chain);
      containers.install();
      current.add(MetricsEnvironment.getCurrentContainer());
      int before = containers.enter(1);
      current.add(MetricsEnvironment.getCurrentContainer());
      containers.exit(before);
      current.add(MetricsEnvironment.getCurrentContainer());
    }, true);

    assertThat(seen, contains(outside, chain[1], outside));
  }

  @Test
  void installingAChainOnAPlainThreadChangesNothing() throws Exception {
    List<MetricsContainer> seen = seenOn(current -> {
      new ChainContainers(chain).install();
      current.add(MetricsEnvironment.getCurrentContainer());
    }, false);

    assertThat(seen, contains(outside));
  }

  private void enterNestedAndExit(List<MetricsContainer> current) {
    ChainContainers containers = new ChainContainers(chain);
    int beforeOuter = containers.enter(0);
    current.add(MetricsEnvironment.getCurrentContainer());
    int beforeInner = containers.enter(1);
    current.add(MetricsEnvironment.getCurrentContainer());
    containers.exit(beforeInner);
    current.add(MetricsEnvironment.getCurrentContainer());
    containers.exit(beforeOuter);
    current.add(MetricsEnvironment.getCurrentContainer());
  }

  /** The containers {@code body} records, run with {@link #outside} current on a holding thread or a plain one. */
  @SuppressWarnings("try") // the scope only installs the outside container
  private List<MetricsContainer> seenOn(Body body, boolean holding) throws Exception {
    List<MetricsContainer> seen = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable task = () -> {
      try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(outside)) {
        body.run(seen);
      } catch (Throwable t) {
        failure.set(t);
      }
    };
    Thread thread = holding ? new ContainerHoldingThread(task, "holding") : new Thread(task, "plain");
    thread.start();
    thread.join();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    return seen;
  }

  @FunctionalInterface
  private interface Body {
    void run(List<MetricsContainer> current);
  }
}
