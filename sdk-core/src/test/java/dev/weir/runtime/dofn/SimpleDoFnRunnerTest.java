package dev.weir.runtime.dofn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class SimpleDoFnRunnerTest {
  private static final TupleTag<String> MAIN = new TupleTag<>("main");
  private static final String STEP = "Outer/Step";

  private final PipelineOptions options = PipelineOptionsFactory.create();
  private final RecordingOutputManager outputs = new RecordingOutputManager();

  private <InputT> SimpleDoFnRunner<InputT, String> runner(DoFn<InputT, String> fn) {
    return new SimpleDoFnRunner<>(options, fn, SideInputReader.empty(), outputs, MAIN, List.of(),
        WindowingStrategy.globalDefault(), Map.of(), STEP);
  }

  private static final class Upper extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String word, OutputReceiver<String> out) {
      out.output(word.toUpperCase());
    }
  }

  @Test
  void outputsKeepTheInputsTimestampWindowsAndPane() {
    IntervalWindow w = new IntervalWindow(new Instant(0), new Instant(10));
    PaneInfo pane = PaneInfo.createPane(true, false, PaneInfo.Timing.EARLY);
    SimpleDoFnRunner<String, String> runner = runner(new Upper());
    runner.startBundle();
    runner.processElement(WindowedValue.of("a", new Instant(5), w, pane));
    runner.finishBundle();
    assertEquals(List.of(WindowedValue.of("A", new Instant(5), w, pane)), outputs.get(MAIN));
  }

  @Test
  void userExceptionsAreWrappedWithTheStepName() {
    IllegalStateException boom = new IllegalStateException("boom");
    SimpleDoFnRunner<String, String> runner = runner(new DoFn<String, String>() {
      @ProcessElement
      public void process() {
        throw boom;
      }
    });
    runner.startBundle();
    UserCodeException e = assertThrows(UserCodeException.class,
        () -> runner.processElement(WindowedValue.valueInGlobalWindow("x")));
    assertSame(boom, e.getCause());
    assertEquals(STEP, e.getStepName());
    assertTrue(e.getMessage().contains(STEP), e.getMessage());
  }

  @Test
  void windowObservingDoFnIsCalledOncePerWindow() {
    IntervalWindow first = new IntervalWindow(new Instant(0), new Instant(10));
    IntervalWindow second = new IntervalWindow(new Instant(5), new Instant(15));
    SimpleDoFnRunner<String, String> runner = new SimpleDoFnRunner<>(options, new DoFn<String, String>() {
      @ProcessElement
      public void process(@Element String e, BoundedWindow window, OutputReceiver<String> out) {
        out.output(e + "@" + window.maxTimestamp().getMillis());
      }
    }, SideInputReader.empty(), outputs, MAIN, List.of(), WindowingStrategy.globalDefault(), Map.<String, PCollectionView<?>>of(), STEP);
    runner.startBundle();
    runner.processElement(WindowedValue.of("a", new Instant(7), List.of(first, second), PaneInfo.NO_FIRING));
    runner.finishBundle();
    assertEquals(List.of(
        WindowedValue.of("a@9", new Instant(7), first, PaneInfo.NO_FIRING),
        WindowedValue.of("a@14", new Instant(7), second, PaneInfo.NO_FIRING)), outputs.get(MAIN));
  }

  @Test
  void finishBundleOutputsCarryTheGivenWindowAndTimestamp() {
    SimpleDoFnRunner<String, String> runner = runner(new DoFn<String, String>() {
      private int count;

      @ProcessElement
      public void process() {
        count++;
      }

      @FinishBundle
      public void finish(FinishBundleContext c) {
        c.output("count=" + count, new Instant(42), GlobalWindow.INSTANCE);
      }
    });
    runner.startBundle();
    runner.processElement(WindowedValue.valueInGlobalWindow("a"));
    runner.processElement(WindowedValue.valueInGlobalWindow("b"));
    runner.finishBundle();
    assertEquals(List.of(WindowedValue.of("count=2", new Instant(42), GlobalWindow.INSTANCE, PaneInfo.NO_FIRING)),
        outputs.get(MAIN));
  }
}
