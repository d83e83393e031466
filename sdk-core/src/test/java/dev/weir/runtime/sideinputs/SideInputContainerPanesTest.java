package dev.weir.runtime.sideinputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import dev.weir.runtime.sideinputs.SideInputContainer.WindowElements;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of views whose contents follow their collection's trigger: readiness by pane, replacement. */
class SideInputContainerPanesTest {
  private static final IntervalWindow FIRST = new IntervalWindow(new Instant(0), new Instant(10));

  private final Pipeline pipeline = Pipeline.create();
  private final PCollectionView<List<String>> early = pipeline
      .apply("Early", TestStream.create(StringUtf8Coder.of()).advanceWatermarkToInfinity())
      .apply(Window.<String>into(FixedWindows.of(Duration.millis(10)))
          .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1)))
          .withAllowedLateness(Duration.ZERO)
          .discardingFiredPanes())
      .apply("EarlyView", View.asList());
  private final PCollectionView<List<String>> slowlyUpdating = pipeline
      .apply("Slow", TestStream.create(StringUtf8Coder.of()).advanceWatermarkToInfinity())
      .apply("Global", Window.<String>into(new GlobalWindows())
          .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane()))
          .discardingFiredPanes())
      .apply("SlowView", View.asList());
  private final SideInputContainer container = new SideInputContainer(List.of(early, slowlyUpdating));

  private static PaneInfo pane(long index) {
    return PaneInfo.createPane(index == 0, false, Timing.EARLY, index, -1);
  }

  private static WindowedValue<String> in(String value, BoundedWindow window, long paneIndex) {
    return WindowedValue.of(value, new Instant(1), window, pane(paneIndex));
  }

  @Test
  void aViewOfACollectionWithATriggerIsPaneReplacedAndOneInTheDefaultStrategyIsNot() {
    PCollectionView<List<String>> plain = pipeline
        .apply("Plain", TestStream.create(StringUtf8Coder.of()).advanceWatermarkToInfinity())
        .apply("PlainView", View.asList());

    assertThat(early.isPaneReplacedInternal(), is(true));
    assertThat(plain.isPaneReplacedInternal(), is(false));
  }

  @Test
  void aWindowIsReadyOnceItsFirstPaneArrivedBeforeTheWatermarkPassesIt() {
    assertThat(container.allReady(List.of(early), FIRST), is(false));

    container.add(early, List.of(in("a", FIRST, 0)));

    assertThat(container.allReady(List.of(early), FIRST), is(true));
    assertThat(container.get(early, FIRST), contains("a"));
  }

  @Test
  void aWindowWithoutAnyPaneIsReadyAndEmptyOnceTheWatermarkPassedIt() {
    container.advanceWatermark(early, new Instant(9));
    assertThat(container.allReady(List.of(early), FIRST), is(false));

    container.advanceWatermark(early, new Instant(10));
    assertThat(container.allReady(List.of(early), FIRST), is(true));
    assertThat(container.get(early, FIRST), is(empty()));
  }

  @Test
  void aPaneWithAHigherIndexReplacesTheWindowsContents() {
    container.add(early, List.of(in("a", FIRST, 0), in("b", FIRST, 0)));
    assertThat(container.get(early, FIRST), contains("a", "b"));

    container.add(early, List.of(in("c", FIRST, 1)));
    assertThat(container.get(early, FIRST), contains("c"));
  }

  @Test
  void elementsOfTheSamePaneAddUpAcrossCalls() {
    container.add(early, List.of(in("a", FIRST, 2)));
    container.add(early, List.of(in("b", FIRST, 2)));

    assertThat(container.get(early, FIRST), contains("a", "b"));
  }

  @Test
  void elementsOfAnOlderPaneAreIgnored() {
    container.add(early, List.of(in("new", FIRST, 3)));
    container.add(early, List.of(in("old", FIRST, 2)));

    assertThat(container.get(early, FIRST), contains("new"));
  }

  @Test
  void aReplacedValueIsRecomputedEvenWhenThePaneHasAsManyElements() {
    container.add(early, List.of(in("a", FIRST, 0)));
    assertThat(container.get(early, FIRST), contains("a"));

    container.add(early, List.of(in("b", FIRST, 1)));
    assertThat(container.get(early, FIRST), contains("b"));
  }

  @Test
  void panesOfOneWindowLeaveTheOtherWindowsAlone() {
    IntervalWindow second = new IntervalWindow(new Instant(10), new Instant(20));
    container.add(early, List.of(in("a", FIRST, 0), in("x", second, 0)));
    container.add(early, List.of(in("b", FIRST, 1)));

    assertThat(container.get(early, second), contains("x"));
    assertThat(container.allReady(List.of(early), new IntervalWindow(new Instant(20), new Instant(30))), is(false));
  }

  @Test
  void theGlobalWindowIsReadyAtItsFirstPaneAndShowsTheLatestPane() {
    assertThat(container.allReady(List.of(slowlyUpdating), GlobalWindow.INSTANCE), is(false));

    container.add(slowlyUpdating, List.of(in("v1", GlobalWindow.INSTANCE, 0)));
    assertThat(container.allReady(List.of(slowlyUpdating), GlobalWindow.INSTANCE), is(true));
    assertThat(container.get(slowlyUpdating, GlobalWindow.INSTANCE), contains("v1"));

    container.add(slowlyUpdating, List.of(in("v2", GlobalWindow.INSTANCE, 1)));
    assertThat(container.get(slowlyUpdating, GlobalWindow.INSTANCE), contains("v2"));
  }

  @Test
  void aPaneChangesTheVersion() {
    container.add(early, List.of(in("a", FIRST, 0)));
    long before = container.version();

    container.add(early, List.of(in("b", FIRST, 1)));

    assertThat(container.version(), greaterThan(before));
  }

  @Test
  void restoredContentsKeepTheirPaneSoThatOnlyALaterPaneReplacesThem() {
    container.add(early, List.of(in("a", FIRST, 4)));
    SideInputContainer restored = new SideInputContainer(List.of(early, slowlyUpdating));
    restoreInto(restored, container.contents());

    assertThat(restored.allReady(List.of(early), FIRST), is(true));
    restored.add(early, List.of(in("stale", FIRST, 3)));
    assertThat(restored.get(early, FIRST), contains("a"));
    restored.add(early, List.of(in("b", FIRST, 5)));
    assertThat(restored.get(early, FIRST), contains("b"));
  }

  @Test
  void contentsSavedWithoutAPaneAreRestoredAsTheFirstPane() {
    container.restore(early, FIRST, PaneInfo.NO_FIRING, List.of("a"));
    container.restore(early, FIRST, PaneInfo.NO_FIRING, List.of("b"));
    assertThat(container.get(early, FIRST), contains("a", "b"));

    container.add(early, List.of(in("c", FIRST, 1)));
    assertThat(container.get(early, FIRST), contains("c"));
  }

  private static void restoreInto(
      SideInputContainer target, Map<PCollectionView<?>, Map<BoundedWindow, WindowElements>> contents) {
    contents.forEach((view, windows) -> windows.forEach(
        (window, elements) -> target.restore(view, window, elements.pane(), new ArrayList<>(elements.elements()))));
  }
}
