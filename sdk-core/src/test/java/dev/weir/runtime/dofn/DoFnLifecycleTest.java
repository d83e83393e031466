package dev.weir.runtime.dofn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.DoFn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoFnLifecycleTest {
  private final PipelineOptions options = PipelineOptionsFactory.create();

  private static final class Lifecycle extends DoFn<String, String> {
    final List<Object> calls = new ArrayList<>();

    @Setup
    public void setup(PipelineOptions options) {
      calls.add(options);
    }

    @ProcessElement
    public void process() {}

    @Teardown
    public void teardown() {
      calls.add("teardown");
    }
  }

  @Test
  void setupGetsTheOptionsAndTeardownRuns() {
    Lifecycle fn = new Lifecycle();
    DoFnLifecycle.setup(fn, options, "Step");
    DoFnLifecycle.teardown(fn, "Step");
    assertEquals(List.of(options, "teardown"), fn.calls);
  }

  @Test
  void wrapsASetupFailureWithTheStepName() {
    IllegalStateException boom = new IllegalStateException("no connection");
    UserCodeException e = assertThrows(UserCodeException.class, () -> DoFnLifecycle.setup(new DoFn<String, String>() {
      @Setup
      public void setup() {
        throw boom;
      }

      @ProcessElement
      public void process() {}
    }, options, "Read/Parse"));
    assertEquals("Read/Parse", e.getStepName());
    assertSame(boom, e.getCause());
  }

  @Test
  void wrapsATeardownFailureWithTheStepName() {
    IllegalStateException boom = new IllegalStateException("close failed");
    UserCodeException e = assertThrows(UserCodeException.class, () -> DoFnLifecycle.teardown(new DoFn<String, String>() {
      @ProcessElement
      public void process() {}

      @Teardown
      public void teardown() {
        throw boom;
      }
    }, "Write"));
    assertEquals("Write", e.getStepName());
    assertSame(boom, e.getCause());
  }
}
