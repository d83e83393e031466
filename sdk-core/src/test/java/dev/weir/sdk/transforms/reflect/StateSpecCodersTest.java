package dev.weir.sdk.transforms.reflect;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.state.BagState;
import dev.weir.sdk.state.CombiningState;
import dev.weir.sdk.state.MapState;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.values.KV;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State specs declared without coders get them from the field's type, the input coder and the CombineFn. */
class StateSpecCodersTest {
  private static final CoderRegistry REGISTRY = CoderRegistry.createDefault();
  private static final KvCoder<String, Integer> INPUT = KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());

  /** Every case names its coders as "kind[coder, ...]". */
  private static final class Describe implements StateSpec.Cases<String> {
    @Override
    public String dispatchValue(Coder<?> valueCoder) {
      return "value" + Arrays.asList(valueCoder);
    }

    @Override
    public String dispatchBag(Coder<?> elementCoder) {
      return "bag" + Arrays.asList(elementCoder);
    }

    @Override
    public String dispatchSet(Coder<?> elementCoder) {
      return "set" + Arrays.asList(elementCoder);
    }

    @Override
    public String dispatchMap(Coder<?> keyCoder, Coder<?> valueCoder) {
      return "map" + Arrays.asList(keyCoder, valueCoder);
    }

    @Override
    public String dispatchOrderedList(Coder<?> elementCoder) {
      return "orderedList" + Arrays.asList(elementCoder);
    }

    @Override
    public String dispatchCombining(CombineFn<?, ?, ?> combineFn, Coder<?> accumCoder) {
      return "combining" + Arrays.asList(accumCoder);
    }
  }

  private static String describe(StateSpec<?> spec) {
    return spec.match(new Describe());
  }

  static class Inferred extends DoFn<KV<String, Integer>, String> {
    @StateId("value")
    final StateSpec<ValueState<Long>> value = StateSpecs.value();

    @StateId("bag")
    final StateSpec<BagState<String>> bag = StateSpecs.bag();

    @StateId("map")
    final StateSpec<MapState<String, List<Long>>> map = StateSpecs.map();

    @StateId("explicit")
    final StateSpec<ValueState<Long>> explicit = StateSpecs.value(VarLongCoder.of());

    @StateId("sum")
    final StateSpec<CombiningState<Integer, int[], Integer>> sum = StateSpecs.combining(Sum.ofIntegers());

    @ProcessElement
    public void process() {}
  }

  @Test
  void infersCodersFromTheDeclaredStateTypes() {
    Inferred fn = new Inferred();
    StateSpecCoders.finishSpecifying(fn, REGISTRY, INPUT);
    assertEquals("value[" + VarLongCoder.of() + "]", describe(fn.value));
    assertEquals("bag[" + StringUtf8Coder.of() + "]", describe(fn.bag));
    assertEquals("map[" + StringUtf8Coder.of() + ", " + ListCoder.of(VarLongCoder.of()) + "]", describe(fn.map));
    assertEquals("value[" + VarLongCoder.of() + "]", describe(fn.explicit));
  }

  @Test
  void takesTheAccumulatorCoderFromTheCombineFn() throws Exception {
    Inferred fn = new Inferred();
    StateSpecCoders.finishSpecifying(fn, REGISTRY, INPUT);
    assertEquals("combining[" + Sum.ofIntegers().getAccumulatorCoder(REGISTRY, VarIntCoder.of()) + "]",
        describe(fn.sum));
  }

  @Test
  void keepsACoderGivenExplicitly() {
    Inferred fn = new Inferred();
    fn.explicit.offerCoders(new Coder<?>[] {StringUtf8Coder.of()});
    assertEquals("value[" + VarLongCoder.of() + "]", describe(fn.explicit));
  }

  /** Generic in its value type, which only the input coder can tell. */
  static class Generic<V> extends DoFn<KV<String, V>, String> {
    @StateId("last")
    final StateSpec<ValueState<V>> last = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  @Test
  void bindsTheDoFnsTypeVariablesWithTheInputCoder() {
    Generic<Integer> fn = new Generic<>();
    StateSpecCoders.finishSpecifying(fn, REGISTRY, INPUT);
    assertEquals("value[" + VarIntCoder.of() + "]", describe(fn.last));
  }

  @Test
  void failsNamingTheDoFnTheStateAndTheFixWhenNoCoderCanBeFound() {
    Generic<Integer> fn = new Generic<>();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StateSpecCoders.finishSpecifying(fn, REGISTRY, null));
    assertThat(e.getMessage(), allOf(containsString(Generic.class.getName()), containsString("@StateId(\"last\")"),
        containsString("field last"), containsString("StateSpecs.value(coder)")));
  }

  /** Combines into an accumulator type no coder is registered for, without saying how to encode it. */
  static final class Opaque {}

  static final class OpaqueCombine extends CombineFn<Integer, Opaque, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Opaque createAccumulator() {
      return new Opaque();
    }

    @Override
    public Opaque addInput(Opaque accumulator, Integer input) {
      return accumulator;
    }

    @Override
    public Opaque mergeAccumulators(Iterable<Opaque> accumulators) {
      return new Opaque();
    }

    @Override
    public Integer extractOutput(Opaque accumulator) {
      return 0;
    }
  }

  static class OpaqueAccumulator extends DoFn<KV<String, Integer>, String> {
    @StateId("combined")
    final StateSpec<CombiningState<Integer, Opaque, Integer>> combined = StateSpecs.combining(new OpaqueCombine());

    @ProcessElement
    public void process() {}
  }

  @Test
  void anUninferableAccumulatorCoderAsksForTheCoderForm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StateSpecCoders.finishSpecifying(new OpaqueAccumulator(), REGISTRY, INPUT));
    assertThat(e.getMessage(), allOf(containsString("@StateId(\"combined\")"),
        containsString(OpaqueCombine.class.getName()), containsString("StateSpecs.combining(accumCoder, combineFn)")));
  }
}
