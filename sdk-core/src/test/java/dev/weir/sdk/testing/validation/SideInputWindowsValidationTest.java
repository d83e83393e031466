package dev.weir.sdk.testing.validation;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Side inputs in windows: each main-input element reads the side input in the window its own
 * window maps to (the side window that holds the main window's end), or the one global value of a
 * side input in the global window.
 */
@ValidatesRunner
class SideInputWindowsValidationTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** Outputs "element:side value". */
  static final class ReadSideFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<Integer> side;

    ReadSideFn(PCollectionView<Integer> side) {
      this.side = side;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(c.element() + ":" + c.sideInput(side));
    }
  }

  private static <T> TimestampedValue<T> at(T value, long millis) {
    return TimestampedValue.of(value, new Instant(millis));
  }

  private static PCollectionView<Integer> sumPerWindow(PCollection<Integer> side, Duration windowSize) {
    return side.apply("WindowSide", Window.into(FixedWindows.of(windowSize)))
        .apply(Sum.integersGlobally().withoutDefaults())
        .apply(View.asSingleton());
  }

  private static PCollection<String> readIn10msWindows(PCollection<String> main, PCollectionView<Integer> view) {
    return main.apply("WindowMain", Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(ParDo.of(new ReadSideFn(view)).withSideInputs(view));
  }

  @Test
  void anElementReadsTheSideInputOfTheSameFixedWindow() {
    PCollection<String> main = p.apply("Main", Create.timestamped(at("x", 1), at("y", 11)));
    PCollection<Integer> side = p.apply("Side", Create.timestamped(at(1, 2), at(2, 8), at(10, 15)));

    PAssert.that(readIn10msWindows(main, sumPerWindow(side, Duration.millis(10))))
        .containsInAnyOrder("x:3", "y:10");
    p.run();
  }

  @Test
  void anElementReadsTheLargerSideWindowThatContainsTheEndOfItsWindow() {
    PCollection<String> main = p.apply("Main", Create.timestamped(at("x", 1), at("y", 11), at("z", 25)));
    PCollection<Integer> side = p.apply("Side", Create.timestamped(at(1, 2), at(2, 18), at(10, 21)));

    PAssert.that(readIn10msWindows(main, sumPerWindow(side, Duration.millis(20))))
        .containsInAnyOrder("x:3", "y:3", "z:10");
    p.run();
  }

  @Test
  void everyWindowedElementReadsTheSameGlobalSideInput() {
    PCollection<String> main = p.apply("Main", Create.timestamped(at("x", 1), at("y", 11)));
    PCollectionView<Integer> total = p.apply("Side", Create.of(1, 2, 3))
        .apply(Sum.integersGlobally())
        .apply(View.asSingleton());

    PAssert.that(readIn10msWindows(main, total)).containsInAnyOrder("x:6", "y:6");
    p.run();
  }

  @Test
  void onAStreamEveryWindowedElementReadsTheGlobalSideInputOnceItIsComplete() {
    PCollection<String> main = p.apply("Main", TestStream.create(StringUtf8Coder.of())
        .addElements(at("x", 1), at("y", 11))
        .advanceWatermarkToInfinity());
    PCollectionView<Integer> total = p.apply("Side", Create.of(1, 2, 3))
        .apply(Sum.integersGlobally())
        .apply(View.asSingleton());

    PAssert.that(readIn10msWindows(main, total)).containsInAnyOrder("x:6", "y:6");
    p.run();
  }

  @Test
  void onAStreamEachWindowedElementReadsItsOwnWindowsSideInput() {
    PCollection<String> main = p.apply("Main", TestStream.create(StringUtf8Coder.of())
        .addElements(at("x", 1), at("y", 11))
        .advanceWatermarkToInfinity());
    PCollection<Integer> side = p.apply("Side", TestStream.create(VarIntCoder.of())
        .addElements(at(1, 2))
        .advanceWatermarkTo(new Instant(5))
        .addElements(at(2, 8), at(10, 15))
        .advanceWatermarkToInfinity());

    PAssert.that(readIn10msWindows(main, sumPerWindow(side, Duration.millis(10))))
        .containsInAnyOrder("x:3", "y:10");
    p.run();
  }
}
