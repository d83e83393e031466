package dev.weir.runtime.state;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.DoubleCoder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.transforms.windowing.WindowMappingFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Bundles, time that only moves forward, snapshots that only fit their step, and the errors a runner sees. */
class StatefulDoFnCoreLifecycleTest {
  private static final KvCoder<String, Long> INPUT = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  private static final WindowingStrategy<?, ?> GLOBAL = WindowingStrategy.globalDefault();
  private static final TupleTag<String> MAIN = new TupleTag<>("main");

  private static Instant t(long millis) {
    return new Instant(millis);
  }

  private static WindowedValue<KV<String, Long>> element(String key, long value) {
    return WindowedValue.of(KV.of(key, value), t(0), GlobalWindow.INSTANCE, PaneInfo.NO_FIRING);
  }

  /** Sums values per key and outputs the running sum; reports bundles. */
  static class Sum extends DoFn<KV<String, Long>, String> {
    @StateId("sum")
    private final StateSpec<ValueState<Long>> sum = StateSpecs.value();

    @StartBundle
    public void start() {}

    @ProcessElement
    public void process(@Element KV<String, Long> element, @StateId("sum") ValueState<Long> sum,
        OutputReceiver<String> out) {
      if (element.getValue() < 0) {
        throw new IllegalStateException("negative value " + element.getValue());
      }
      long next = (sum.read() == null ? 0 : sum.read()) + element.getValue();
      sum.write(next);
      out.output(element.getKey() + "=" + next);
    }

    @FinishBundle
    public void finish(FinishBundleContext context) {
      context.output("bundle done", t(1), GlobalWindow.INSTANCE);
    }
  }

  private final List<WindowedValue<?>> outputs = new ArrayList<>();

  private <InputT> StatefulDoFnCore<String, InputT, String> core(
      DoFn<KV<String, InputT>, String> fn, KvCoder<String, InputT> coder, WindowingStrategy<?, ?> windowing) {
    return new StatefulDoFnCore<>(StatefulStep.of("Sum", fn, coder, windowing, MAIN),
        new RecordingOutputs(outputs), SideInputReader.empty());
  }

  /** Adds every output, of any tag, to a list. */
  private record RecordingOutputs(List<WindowedValue<?>> outputs) implements OutputManager {
    @Override
    public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
      outputs.add(output);
    }
  }

  @Test
  void finishBundleOutputsGoToTheirGivenWindowAndTimestamp() {
    StatefulDoFnCore<String, Long, String> core = core(new Sum(), INPUT, GLOBAL);
    core.startBundle();
    core.processElement(element("a", 2));
    core.finishBundle();
    assertEquals(List.of(
        WindowedValue.of("a=2", t(0), GlobalWindow.INSTANCE, PaneInfo.NO_FIRING),
        WindowedValue.of("bundle done", t(1), GlobalWindow.INSTANCE, PaneInfo.NO_FIRING)), outputs);
  }

  @Test
  void movingTheInputWatermarkBackFailsNamingBothTimes() {
    StatefulDoFnCore<String, Long, String> core = core(new Sum(), INPUT, GLOBAL);
    core.startBundle();
    core.advanceInputWatermark(t(10));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> core.advanceInputWatermark(t(9)));
    assertEquals("Step 'Sum' (" + Sum.class.getName() + "): cannot move the input watermark back from " + t(10)
        + " to " + t(9), e.getMessage());
    assertEquals(t(10), core.getInputWatermark());
  }

  @Test
  void movingProcessingTimeBackFailsNamingBothTimes() {
    StatefulDoFnCore<String, Long, String> core = core(new Sum(), INPUT, GLOBAL);
    core.startBundle();
    core.advanceProcessingTime(t(10));
    core.advanceSynchronizedProcessingTime(t(10));
    assertThat(assertThrows(IllegalArgumentException.class, () -> core.advanceProcessingTime(t(3))).getMessage(),
        containsString("cannot move the processing time back from " + t(10) + " to " + t(3)));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> core.advanceSynchronizedProcessingTime(t(3))).getMessage(),
        containsString("cannot move the synchronized processing time back from " + t(10) + " to " + t(3)));
  }

  @Test
  void workOutsideABundleFails() {
    StatefulDoFnCore<String, Long, String> core = core(new Sum(), INPUT, GLOBAL);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> core.processElement(element("a", 1)));
    assertThat(e.getMessage(), containsString("processElement outside a bundle; call startBundle first"));
    assertThrows(IllegalStateException.class, () -> core.advanceInputWatermark(t(1)));
    assertThrows(IllegalStateException.class, core::finishBundle);
  }

  @Test
  void aBundleCannotBeStartedTwice() {
    StatefulDoFnCore<String, Long, String> core = core(new Sum(), INPUT, GLOBAL);
    core.startBundle();
    assertThat(assertThrows(IllegalStateException.class, core::startBundle).getMessage(),
        containsString("startBundle called while a bundle is open"));
  }

  @Test
  void aSnapshotIsTakenBetweenBundles() {
    StatefulDoFnCore<String, Long, String> core = core(new Sum(), INPUT, GLOBAL);
    core.startBundle();
    assertThat(assertThrows(IllegalStateException.class, core::snapshot).getMessage(),
        containsString("a snapshot is taken between bundles"));
  }

  @Test
  void userExceptionsAreWrappedNamingTheStep() {
    StatefulDoFnCore<String, Long, String> core = core(new Sum(), INPUT, GLOBAL);
    core.startBundle();
    UserCodeException e = assertThrows(UserCodeException.class, () -> core.processElement(element("a", -1)));
    assertEquals("Sum", e.getStepName());
    assertEquals("negative value -1", e.getCause().getMessage());
  }

  @Test
  void aRestoredCoreHasTheTimesAndStateOfTheOriginal() {
    StatefulDoFnCore<String, Long, String> core = core(new Sum(), INPUT, GLOBAL);
    core.startBundle();
    core.processElement(element("a", 2));
    core.advanceInputWatermark(t(5));
    core.advanceProcessingTime(t(6));
    core.advanceSynchronizedProcessingTime(t(7));
    core.finishBundle();
    StatefulDoFnCore<String, Long, String> restored = StatefulDoFnCore.restore(
        StatefulStep.of("Sum", new Sum(), INPUT, GLOBAL, MAIN), new RecordingOutputs(outputs), SideInputReader.empty(),
        core.snapshot());
    assertEquals(List.of(t(5), t(6), t(7)),
        List.of(restored.getInputWatermark(), restored.getProcessingTime(), restored.getSynchronizedProcessingTime()));
    outputs.clear();
    restored.startBundle();
    restored.processElement(element("a", 3));
    assertEquals("a=5", outputs.get(0).getValue());
  }

  @Test
  void restoreRejectsAnotherFormatVersion() {
    StatefulDoFnCore<String, Long, String> core = core(new Sum(), INPUT, GLOBAL);
    byte[] snapshot = core.snapshot();
    snapshot[0] = 2;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StatefulDoFnCore.restore(
        StatefulStep.of("Sum", new Sum(), INPUT, GLOBAL, MAIN), new RecordingOutputs(outputs), SideInputReader.empty(),
        snapshot));
    assertThat(e.getMessage(), allOf(containsString("Step 'Sum'"), containsString("cannot restore"),
        containsString("format version 2, this Weir reads version 1")));
  }

  @Test
  void restoreRejectsTrailingBytes() {
    byte[] snapshot = core(new Sum(), INPUT, GLOBAL).snapshot();
    byte[] longer = Arrays.copyOf(snapshot, snapshot.length + 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StatefulDoFnCore.restore(
        StatefulStep.of("Sum", new Sum(), INPUT, GLOBAL, MAIN), new RecordingOutputs(outputs), SideInputReader.empty(),
        longer));
    assertThat(e.getMessage(), containsString("1 of " + longer.length + " bytes are left over"));
  }

  /** Declares other state than {@link Sum}. */
  static class Total extends DoFn<KV<String, Long>, String> {
    @StateId("total")
    private final StateSpec<ValueState<Long>> total = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  @Test
  void restoreRejectsStateTheDoFnNoLongerDeclares() {
    StatefulDoFnCore<String, Long, String> core = core(new Sum(), INPUT, GLOBAL);
    core.startBundle();
    core.processElement(element("a", 2));
    core.finishBundle();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StatefulDoFnCore.restore(
        StatefulStep.of("Sum", new Total(), INPUT, GLOBAL, MAIN), new RecordingOutputs(outputs),
        SideInputReader.empty(), core.snapshot()));
    assertThat(e.getMessage(), allOf(containsString("holds state 'sum'"), containsString("does not declare"),
        containsString("[total]"), containsString("the DoFn changed since the snapshot was taken")));
  }

  /** Windows every element into its own millisecond, and merges nothing, but claims to be a merging WindowFn. */
  static final class MergingWindows extends WindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      return List.of(new IntervalWindow(c.timestamp(), c.timestamp().plus(1)));
    }

    @Override
    public void mergeWindows(MergeContext c) {}

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return other instanceof MergingWindows;
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
      throw new UnsupportedOperationException("merging windows cannot be side inputs");
    }
  }

  @Test
  void rejectsMergingWindows() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> core(new Sum(), INPUT, WindowingStrategy.of(new MergingWindows())));
    assertThat(e.getMessage(), allOf(containsString("Step 'Sum'"), containsString("need non-merging windows")));
  }

  /** Keyed by doubles, whose coder is not deterministic. */
  static class DoubleKeys extends DoFn<KV<Double, Long>, String> {
    @StateId("sum")
    private final StateSpec<ValueState<Long>> sum = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  @Test
  void rejectsANonDeterministicKeyCoder() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StatefulDoFnCore<>(
        StatefulStep.of("Doubles", new DoubleKeys(), KvCoder.of(DoubleCoder.of(), VarLongCoder.of()), GLOBAL,
            new TupleTag<String>("main")), new RecordingOutputs(outputs), SideInputReader.empty()));
    assertThat(e.getMessage(), allOf(containsString("Step 'Doubles'"), containsString("must be deterministic")));
  }

  /** A type no coder can be inferred for. */
  static final class Opaque {}

  /** Keeps an {@link Opaque} without saying how to encode it. */
  static class OpaqueState extends DoFn<KV<String, Long>, String> {
    @StateId("opaque")
    private final StateSpec<ValueState<Opaque>> opaque = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  @Test
  void aStateCoderThatCannotBeInferredIsNamedWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> core(new OpaqueState(), INPUT,
        GLOBAL));
    assertThat(e.getMessage(), allOf(containsString(OpaqueState.class.getName()),
        containsString("@StateId(\"opaque\")"), containsString("StateSpecs.value(coder)")));
  }

  /** Outputs to a tag it does not declare. */
  static class StrayTag extends DoFn<KV<String, Long>, String> {
    @StateId("sum")
    private final StateSpec<ValueState<Long>> sum = StateSpecs.value();

    @ProcessElement
    public void process(MultiOutputReceiver outs) {
      outs.get(new TupleTag<String>("stray")).output("x");
    }
  }

  @Test
  void outputToAnUndeclaredTagFailsNamingTheDeclaredTags() {
    StatefulDoFnCore<String, Long, String> core = core(new StrayTag(), INPUT, GLOBAL);
    core.startBundle();
    UserCodeException e = assertThrows(UserCodeException.class, () -> core.processElement(element("a", 1)));
    assertThat(e.getCause().getMessage(), allOf(containsString("which it does not declare"),
        containsString("withOutputTags")));
  }

  /** Reads a side input id the step does not map. */
  static class ReadsSide extends DoFn<KV<String, Long>, String> {
    @StateId("sum")
    private final StateSpec<ValueState<Long>> sum = StateSpecs.value();

    @ProcessElement
    public void process(@SideInput("lookup") String lookup) {}
  }

  @Test
  void anUnmappedSideInputIdFailsAtConstruction() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> core(new ReadsSide(), INPUT,
        GLOBAL));
    assertThat(e.getMessage(), containsString("reads @SideInput(\"lookup\") but the step has no side input"));
  }
}
