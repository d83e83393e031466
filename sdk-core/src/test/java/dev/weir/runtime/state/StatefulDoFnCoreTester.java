package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.weir.runtime.dofn.DoFnLifecycle;
import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.WindowingStrategy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.joda.time.Instant;

/**
 * Drives a {@link StatefulDoFnCore} one step at a time (each step its own bundle) and, by default,
 * replaces the core after every step by one restored from its snapshot, with a fresh copy of the
 * DoFn, as a runner recovering from a checkpoint would. Every behaviour test thereby also checks
 * that snapshots are complete; the tester also checks that the restored core's snapshot has the
 * same bytes.
 *
 * @param <K> the key type
 * @param <InputT> the input value type
 * @param <OutputT> the main output type
 */
final class StatefulDoFnCoreTester<K, InputT, OutputT> {
  static final TupleTag<Object> MAIN = new TupleTag<>("main");

  private final StatefulStep<K, InputT, OutputT> template;
  private final byte[] serializedFn;
  private final Map<TupleTag<?>, List<WindowedValue<?>>> outputs = new LinkedHashMap<>();
  private final OutputManager outputManager = new OutputManager() {
    @Override
    public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
      outputs.computeIfAbsent(tag, t -> new ArrayList<>()).add(output);
    }
  };
  private boolean restoreAfterEachStep = true;
  private StatefulDoFnCore<K, InputT, OutputT> core;
  private int restores;

  private StatefulDoFnCoreTester(StatefulStep<K, InputT, OutputT> template) {
    this.template = template;
    this.serializedFn = serialize(template.fn());
    this.core = new StatefulDoFnCore<>(withFn(copyOfFn()), outputManager, SideInputReader.empty());
  }

  /** A tester of {@code fn} in a step named "Stateful", with main output {@link #MAIN}. */
  @SuppressWarnings("unchecked")
  static <K, InputT, OutputT> StatefulDoFnCoreTester<K, InputT, OutputT> of(
      DoFn<KV<K, InputT>, OutputT> fn, KvCoder<K, InputT> inputCoder, WindowingStrategy<?, ?> windowing) {
    return new StatefulDoFnCoreTester<>(
        StatefulStep.of("Stateful", fn, inputCoder, windowing, (TupleTag<OutputT>) (TupleTag<?>) MAIN));
  }

  /** This tester, keeping one core throughout instead of restoring after every step. */
  StatefulDoFnCoreTester<K, InputT, OutputT> withoutRestoring() {
    restoreAfterEachStep = false;
    return this;
  }

  void processElement(K key, InputT value, Instant timestamp, BoundedWindow window) {
    processElement(WindowedValue.of(KV.of(key, value), timestamp, window, PaneInfo.NO_FIRING));
  }

  void processElement(WindowedValue<KV<K, InputT>> element) {
    step(c -> c.processElement(element));
  }

  void advanceInputWatermark(Instant watermark) {
    step(c -> c.advanceInputWatermark(watermark));
  }

  void advanceProcessingTime(Instant time) {
    step(c -> c.advanceProcessingTime(time));
  }

  void advanceSynchronizedProcessingTime(Instant time) {
    step(c -> c.advanceSynchronizedProcessingTime(time));
  }

  /** The main outputs since the last call, in order. */
  @SuppressWarnings("unchecked")
  List<WindowedValue<OutputT>> takeOutputs() {
    List<WindowedValue<OutputT>> taken = new ArrayList<>();
    for (WindowedValue<?> value : outputs.getOrDefault(MAIN, List.of())) {
      taken.add((WindowedValue<OutputT>) value);
    }
    outputs.remove(MAIN);
    return taken;
  }

  /** The values of the main outputs since the last call, in order. */
  List<OutputT> takeOutputValues() {
    List<OutputT> values = new ArrayList<>();
    for (WindowedValue<OutputT> value : takeOutputs()) {
      values.add(value.getValue());
    }
    return values;
  }

  /** The current core: after a step, a restored one unless restoring is off. */
  StatefulDoFnCore<K, InputT, OutputT> core() {
    return core;
  }

  /** How many times the core was replaced by a restored one. */
  int restores() {
    return restores;
  }

  private void step(Consumer<StatefulDoFnCore<K, InputT, OutputT>> action) {
    core.startBundle();
    action.accept(core);
    core.finishBundle();
    if (restoreAfterEachStep) {
      byte[] snapshot = core.snapshot();
      core = StatefulDoFnCore.restore(withFn(copyOfFn()), outputManager, SideInputReader.empty(), snapshot);
      assertArrayEquals(snapshot, core.snapshot(), "the restored core's snapshot differs from the original's");
      restores++;
    }
  }

  private StatefulStep<K, InputT, OutputT> withFn(DoFn<KV<K, InputT>, OutputT> fn) {
    return new StatefulStep<>(template.stepName(), fn, template.inputCoder(), template.windowingStrategy(),
        template.mainOutputTag(), template.additionalOutputTags(), template.sideInputMapping(), template.options());
  }

  @SuppressWarnings("unchecked")
  private DoFn<KV<K, InputT>, OutputT> copyOfFn() {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serializedFn))) {
      DoFn<KV<K, InputT>, OutputT> fn = (DoFn<KV<K, InputT>, OutputT>) in.readObject();
      DoFnLifecycle.setup(fn, null, template.stepName());
      return fn;
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Cannot copy the DoFn " + template.fn(), e);
    }
  }

  private static byte[] serialize(Object fn) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(fn);
    } catch (IOException e) {
      throw new IllegalStateException("The DoFn " + fn + " is not serializable", e);
    }
    return bytes.toByteArray();
  }
}
