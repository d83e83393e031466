package dev.weir.sdk.testing.validation;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Filter;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Side inputs of collections with a trigger: a view is ready in a window at the window's first
 * pane, and each later pane replaces what it holds there, as in Beam.
 *
 * <p>Each test plays one {@code TestStream} whose elements are either side-input elements
 * ({@code "s:value"}) or main-input elements ({@code "m:name"}); a runner finishes all the work an
 * event causes before it plays the next, so each main-input element reads the view as the panes
 * before it left it.
 */
@ValidatesRunner
class TriggeredSideInputValidationTest {
  private static final Duration WINDOW = Duration.millis(10);

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** Outputs "name:the side list, sorted, joined by commas". */
  static final class ReadListFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<List<String>> side;

    ReadListFn(PCollectionView<List<String>> side) {
      this.side = side;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      List<String> values = new ArrayList<>(c.sideInput(side));
      Collections.sort(values);
      c.output(c.element() + ":" + String.join(",", values));
    }
  }

  /** Outputs "name:the side singleton". */
  static final class ReadSingletonFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<Long> side;

    ReadSingletonFn(PCollectionView<Long> side) {
      this.side = side;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(c.element() + ":" + c.sideInput(side));
    }
  }

  private static TimestampedValue<String> side(String value, long millis) {
    return TimestampedValue.of("s:" + value, new Instant(millis));
  }

  private static TimestampedValue<String> main(String name, long millis) {
    return TimestampedValue.of("m:" + name, new Instant(millis));
  }

  private static PCollection<String> part(PCollection<String> events, String name, String prefix) {
    return events
        .apply(name + "Filter", Filter.by((String e) -> e.startsWith(prefix)))
        .apply(name + "Strip", MapElements.into(TypeDescriptors.strings()).via((String e) -> e.substring(2)));
  }

  /** Reads the side elements of {@code events} in 10 ms windows with {@code sideWindowing}. */
  private static PCollection<String> readInFixedWindows(PCollection<String> events, Window<String> sideWindowing) {
    PCollectionView<List<String>> view = part(events, "Side", "s:")
        .apply("WindowSide", sideWindowing)
        .apply(View.asList());
    return part(events, "Main", "m:")
        .apply("WindowMain", Window.into(FixedWindows.of(WINDOW)))
        .apply(ParDo.of(new ReadListFn(view)).withSideInputs(view));
  }

  private static Window<String> earlyFirings() {
    return Window.<String>into(FixedWindows.of(WINDOW))
        .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.ZERO);
  }

  @Test
  void anEarlyPaneMakesTheViewReadyBeforeTheWatermarkPassesTheWindow() {
    PCollection<String> events = p.apply(TestStream.create(StringUtf8Coder.of())
        .addElements(side("a", 1))
        .addElements(main("x", 2))
        .addElements(side("b", 3))
        .advanceWatermarkToInfinity());

    // Read only at the watermark, the window would hold a and b.
    PAssert.that(readInFixedWindows(events, earlyFirings().discardingFiredPanes())).containsInAnyOrder("x:a");
    p.run();
  }

  @Test
  void aMainInputElementWaitingForTheViewIsWokenByItsFirstPane() {
    PCollection<String> events = p.apply(TestStream.create(StringUtf8Coder.of())
        .addElements(main("x", 2))
        .addElements(side("a", 1))
        .addElements(side("b", 3))
        .advanceWatermarkToInfinity());

    // Woken only by the watermark, x would read the latest pane, b.
    PAssert.that(readInFixedWindows(events, earlyFirings().discardingFiredPanes())).containsInAnyOrder("x:a");
    p.run();
  }

  @Test
  void withDiscardingFiredPanesALaterPaneReplacesTheViewsContents() {
    PCollection<String> events = p.apply(TestStream.create(StringUtf8Coder.of())
        .addElements(side("a", 1))
        .addElements(main("x", 2))
        .addElements(side("b", 3))
        .addElements(main("y", 4))
        .advanceWatermarkToInfinity());

    PAssert.that(readInFixedWindows(events, earlyFirings().discardingFiredPanes()))
        .containsInAnyOrder("x:a", "y:b");
    p.run();
  }

  @Test
  void withAccumulatingFiredPanesALaterPaneShowsEverythingSoFar() {
    PCollection<String> events = p.apply(TestStream.create(StringUtf8Coder.of())
        .addElements(side("a", 1))
        .addElements(main("x", 2))
        .addElements(side("b", 3))
        .addElements(main("y", 4))
        .advanceWatermarkToInfinity());

    PAssert.that(readInFixedWindows(events, earlyFirings().accumulatingFiredPanes()))
        .containsInAnyOrder("x:a", "y:a,b");
    p.run();
  }

  @Test
  void aLatePaneReplacesTheContentsOfAClosedWindow() {
    PCollection<String> events = p.apply(TestStream.create(StringUtf8Coder.of())
        .addElements(side("a", 1))
        .advanceWatermarkTo(new Instant(20))
        .addElements(main("x", 2))
        .addElements(side("late", 3))
        .addElements(main("y", 4))
        .advanceWatermarkToInfinity());
    Window<String> lateFirings = Window.<String>into(FixedWindows.of(WINDOW))
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.standardMinutes(1))
        .discardingFiredPanes();

    PAssert.that(readInFixedWindows(events, lateFirings)).containsInAnyOrder("x:a", "y:late");
    p.run();
  }

  @Test
  void aSlowlyUpdatingGlobalSingletonGivesMainInputElementsItsLatestValue() {
    PCollection<String> events = p.apply(TestStream.create(StringUtf8Coder.of())
        .addElements(side("1", 1))
        .advanceProcessingTime(Duration.standardSeconds(5))
        .addElements(main("a", 2))
        .addElements(side("2", 3))
        .advanceProcessingTime(Duration.standardSeconds(5))
        .addElements(main("b", 4))
        .addElements(main("c", 5))
        .advanceWatermarkToInfinity());
    PCollectionView<Long> latest = part(events, "Side", "s:")
        .apply("Refreshing", Window.<String>into(new GlobalWindows())
            .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane()))
            .discardingFiredPanes())
        .apply("Parse", MapElements.into(TypeDescriptors.longs()).via(Long::parseLong))
        .apply(View.asSingleton());

    PCollection<String> read = part(events, "Main", "m:")
        .apply(ParDo.of(new ReadSingletonFn(latest)).withSideInputs(latest));

    PAssert.that(read).containsInAnyOrder("a:1", "b:2", "c:2");
    p.run();
  }
}
