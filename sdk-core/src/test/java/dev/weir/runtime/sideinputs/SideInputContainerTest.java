package dev.weir.runtime.sideinputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollectionView;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** When side inputs are ready, and what they hold. */
class SideInputContainerTest {
  private static final IntervalWindow FIRST = new IntervalWindow(new Instant(0), new Instant(10));

  private final Pipeline pipeline = Pipeline.create();
  private final PCollectionView<List<String>> windowed = pipeline
      .apply("Windowed", TestStream.create(StringUtf8Coder.of()).advanceWatermarkToInfinity())
      .apply(Window.into(FixedWindows.of(Duration.millis(10))))
      .apply("WindowedView", View.asList());
  private final PCollectionView<List<String>> global = pipeline
      .apply("Global", TestStream.create(StringUtf8Coder.of()).advanceWatermarkToInfinity())
      .apply("GlobalView", View.asList());
  private final SideInputContainer container = new SideInputContainer(List.of(windowed, global));

  private static WindowedValue<String> in(String value, BoundedWindow window) {
    return WindowedValue.of(value, new Instant(1), window, PaneInfo.NO_FIRING);
  }

  @Test
  void aWindowIsReadyOnceTheWatermarkPassesItsEnd() {
    container.advanceWatermark(windowed, new Instant(9));
    assertThat(container.allReady(List.of(windowed), FIRST), is(false));

    container.advanceWatermark(windowed, new Instant(10));
    assertThat(container.allReady(List.of(windowed), FIRST), is(true));
  }

  @Test
  void theGlobalWindowIsReadyOnlyAtTheEndOfTime() {
    container.advanceWatermark(global, GlobalWindow.INSTANCE.maxTimestamp().plus(1));
    assertThat(container.allReady(List.of(global), GlobalWindow.INSTANCE), is(false));

    container.advanceWatermark(global, BoundedWindow.TIMESTAMP_MAX_VALUE);
    assertThat(container.allReady(List.of(global), GlobalWindow.INSTANCE), is(true));
  }

  @Test
  void aMainInputWindowReadsTheSideInputWindowItMapsTo() {
    container.advanceWatermark(windowed, new Instant(10));
    IntervalWindow mainWindow = new IntervalWindow(new Instant(2), new Instant(3));

    assertThat(container.allReady(List.of(windowed), mainWindow), is(true));
    assertThat(container.allReady(List.of(windowed, global), mainWindow), is(false));
  }

  @Test
  void aViewHoldsTheElementsOfEachWindowAndSeesLaterOnes() {
    container.add(windowed, List.of(in("a", FIRST), in("b", new IntervalWindow(new Instant(10), new Instant(20)))));
    assertThat(container.get(windowed, FIRST), contains("a"));

    container.add(windowed, List.of(in("late", FIRST)));
    assertThat(container.get(windowed, FIRST), contains("a", "late"));
    assertThat(container.get(windowed, new IntervalWindow(new Instant(20), new Instant(30))), is(empty()));
  }

  @Test
  void theVersionGrowsWithEveryChangeThatCanMakeAWindowReady() {
    long start = container.version();
    container.add(windowed, List.of(in("a", FIRST)));
    long afterAdd = container.version();
    container.advanceWatermark(windowed, new Instant(5));
    long afterAdvance = container.version();
    container.advanceWatermark(windowed, new Instant(5));

    assertThat(afterAdd, greaterThan(start));
    assertThat(afterAdvance, greaterThan(afterAdd));
    assertThat(container.version(), is(afterAdvance));
  }
}
