package dev.weir.runtime.dofn;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain runner keeps no state, so it refuses stateful DoFns up front and points at the stateful core. */
class SimpleDoFnRunnerStatefulTest {
  static class Stateful extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  @Test
  void refusesAStatefulDoFnNamingTheStepAndTheStatefulCore() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SimpleDoFnRunner<>(
        null, new Stateful(), SideInputReader.empty(), new RecordingOutputManager(), new TupleTag<String>("main"),
        List.of(), WindowingStrategy.globalDefault(), Map.of(), "Count"));
    assertThat(e.getMessage(), allOf(containsString("Step 'Count'"), containsString(Stateful.class.getName()),
        containsString("StatefulDoFnCore")));
  }
}
