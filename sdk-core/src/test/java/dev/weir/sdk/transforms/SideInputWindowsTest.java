package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TimestampedValue;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Side inputs in windows: a main-input element reads the side input's value in the window its own
 * window maps to, and, on a stream, waits until the side input is complete in that window.
 */
@ValidatesRunner
class SideInputWindowsTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** Outputs "element:sorted side values". */
  static final class ReadSideFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<List<Integer>> side;

    ReadSideFn(PCollectionView<List<Integer>> side) {
      this.side = side;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      List<Integer> values = new ArrayList<>(c.sideInput(side));
      values.sort(null);
      c.output(c.element() + ":" + values);
    }
  }

  private PCollection<String> readEachWindowsSideInput(PCollection<String> main, PCollection<Integer> side) {
    PCollectionView<List<Integer>> view = side
        .apply("WindowSide", Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(View.asList());
    return main
        .apply("WindowMain", Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(ParDo.of(new ReadSideFn(view)).withSideInputs(view));
  }

  @Test
  void eachElementReadsTheSideInputOfItsOwnWindow() {
    PCollection<String> main = p.apply("Main", Create.timestamped(
        TimestampedValue.of("x", new Instant(5)), TimestampedValue.of("y", new Instant(15)),
        TimestampedValue.of("z", new Instant(25))));
    PCollection<Integer> side = p.apply("Side", Create.timestamped(
        TimestampedValue.of(1, new Instant(1)), TimestampedValue.of(2, new Instant(9)),
        TimestampedValue.of(3, new Instant(11))));

    PAssert.that(readEachWindowsSideInput(main, side)).containsInAnyOrder("x:[1, 2]", "y:[3]", "z:[]");
    p.run();
  }

  @Test
  void onAStreamAnElementWaitsUntilTheSideInputIsCompleteInItsWindow() {
    PCollection<String> main = p.apply("Main", TestStream.create(StringUtf8Coder.of())
        .addElements(TimestampedValue.of("x", new Instant(5)), TimestampedValue.of("y", new Instant(15)))
        .advanceWatermarkToInfinity());
    PCollection<Integer> side = p.apply("Side", TestStream.create(VarIntCoder.of())
        .addElements(TimestampedValue.of(1, new Instant(1)))
        .advanceWatermarkTo(new Instant(5))
        .addElements(TimestampedValue.of(2, new Instant(9)), TimestampedValue.of(3, new Instant(12)))
        .advanceWatermarkTo(new Instant(10))
        .addElements(TimestampedValue.of(4, new Instant(19)))
        .advanceWatermarkToInfinity());

    PAssert.that(readEachWindowsSideInput(main, side)).containsInAnyOrder("x:[1, 2]", "y:[3, 4]");
    p.run();
  }
}
