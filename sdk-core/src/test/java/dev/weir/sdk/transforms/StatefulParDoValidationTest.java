package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.DoubleCoder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.WindowingStrategy;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** A ParDo of a stateful DoFn checks its input when applied, as Beam does, and completes the state coders. */
class StatefulParDoValidationTest {
  private final Pipeline pipeline = Pipeline.create();

  /** A root that yields an empty collection with the given coder and windowing. */
  private static final class Root<T> extends PTransform<PBegin, PCollection<T>> {
    private static final long serialVersionUID = 1L;
    private final Coder<T> coder;
    private final WindowingStrategy<?, ?> windowing;

    Root(Coder<T> coder, WindowingStrategy<?, ?> windowing) {
      this.coder = coder;
      this.windowing = windowing;
    }

    @Override
    public PCollection<T> expand(PBegin input) {
      return PCollection.createPrimitiveOutputInternal(
          input.getPipeline(), windowing, PCollection.IsBounded.BOUNDED, coder);
    }
  }

  private <T> PCollection<T> root(Coder<T> coder, WindowingStrategy<?, ?> windowing) {
    return pipeline.apply("Root", new Root<>(coder, windowing));
  }

  /** Counts per key; generic in the key so that any keyed input type-checks. */
  static class CountPerKey<K> extends DoFn<KV<K, Integer>, String> {
    @StateId("count")
    final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  /** Stateful, with an input type that says nothing about keys. */
  static class Untyped<T> extends DoFn<T, String> {
    @StateId("count")
    final StateSpec<ValueState<Integer>> count = StateSpecs.value(VarIntCoder.of());

    @ProcessElement
    public void process() {}
  }

  @Test
  void rejectsAnInputWithoutAKvCoder() {
    PCollection<String> input = root(StringUtf8Coder.of(), WindowingStrategy.globalDefault());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> input.apply(ParDo.of(new Untyped<String>())));
    assertThat(e.getMessage(), allOf(containsString(Untyped.class.getName()),
        containsString("uses state or timers, so its input must be keyed"), containsString(input.getName()),
        containsString("WithKeys")));
  }

  @Test
  void rejectsANonDeterministicKeyCoder() {
    PCollection<KV<Double, Integer>> input =
        root(KvCoder.of(DoubleCoder.of(), VarIntCoder.of()), WindowingStrategy.globalDefault());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> input.apply(ParDo.of(new CountPerKey<Double>())));
    assertThat(e.getMessage(), allOf(containsString(CountPerKey.class.getName()),
        containsString("key coder " + DoubleCoder.of()), containsString("must be deterministic")));
  }

  @Test
  void rejectsMergingWindows() {
    PCollection<KV<String, Integer>> input = root(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()),
        WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> input.apply(ParDo.of(new CountPerKey<String>())));
    assertThat(e.getMessage(), allOf(containsString(CountPerKey.class.getName()),
        containsString("need non-merging windows"), containsString("Sessions")));
  }

  @Test
  void givesStateSpecsTheirInferredCoders() {
    PCollection<KV<String, Integer>> input =
        root(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()), WindowingStrategy.globalDefault());
    CountPerKey<String> fn = new CountPerKey<>();
    input.apply(ParDo.of(fn));
    fn.count.finishSpecifying();
    assertEquals(VarIntCoder.of(), fn.count.match(new ValueCoder()));
  }

  /** The coder of a value spec. */
  private static final class ValueCoder implements StateSpec.Cases<Coder<?>> {
    @Override
    public Coder<?> dispatchValue(Coder<?> valueCoder) {
      return valueCoder;
    }

    @Override
    public Coder<?> dispatchBag(Coder<?> elementCoder) {
      throw new AssertionError("not a value spec");
    }

    @Override
    public Coder<?> dispatchSet(Coder<?> elementCoder) {
      throw new AssertionError("not a value spec");
    }

    @Override
    public Coder<?> dispatchMap(Coder<?> keyCoder, Coder<?> valueCoder) {
      throw new AssertionError("not a value spec");
    }

    @Override
    public Coder<?> dispatchOrderedList(Coder<?> elementCoder) {
      throw new AssertionError("not a value spec");
    }

    @Override
    public Coder<?> dispatchCombining(Combine.CombineFn<?, ?, ?> combineFn, Coder<?> accumCoder) {
      throw new AssertionError("not a value spec");
    }
  }
}
