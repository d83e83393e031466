package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.ScriptedRunner.Outcome;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Which gathered elements each scope picks: Beam's rules per pane timing, and window matching. */
class AssertionScopeTest {
  private static final IntervalWindow FIRST = new IntervalWindow(new Instant(0), new Instant(10));
  private static final IntervalWindow SECOND = new IntervalWindow(new Instant(10), new Instant(20));

  private static final PaneInfo EARLY_FIRST = PaneInfo.createPane(true, false, Timing.EARLY, 0, -1);
  private static final PaneInfo ON_TIME = PaneInfo.createPane(false, false, Timing.ON_TIME, 1, 0);
  private static final PaneInfo LATE_LAST = PaneInfo.createPane(false, true, Timing.LATE, 2, 1);

  private final Pipeline p = Pipeline.create(ScriptedRunner.options(Outcome.ALL_ASSERTIONS_SUCCEED));
  private final PCollection<String> windowed = p
      .apply(InMemoryElements.of(StringUtf8Coder.of(), "a"))
      .apply(Window.into(FixedWindows.of(Duration.millis(10))));

  /** One element per kind of pane in the first window, and one in the second window. */
  private static final List<ValueInPane<String>> GATHERED = List.of(
      inFirst("early", EARLY_FIRST),
      inFirst("on time", ON_TIME),
      inFirst("late", LATE_LAST),
      inFirst("never grouped", PaneInfo.NO_FIRING),
      new ValueInPane<>("other window", new Instant(15), SECOND, PaneInfo.ON_TIME_AND_ONLY_FIRING));

  private static ValueInPane<String> inFirst(String value, PaneInfo pane) {
    return new ValueInPane<>(value, new Instant(5), FIRST, pane);
  }

  private List<String> select(AssertionScope.Panes panes) {
    return AssertionScope.of(windowed, FIRST, panes, "test").select(GATHERED);
  }

  @Test
  void everythingKeepsEveryElementOfEveryWindow() {
    assertThat(AssertionScope.everything().select(GATHERED),
        equalTo(List.of("early", "on time", "late", "never grouped", "other window")));
  }

  @Test
  void allPanesKeepsEveryElementOfTheWindowOnly() {
    assertThat(select(AssertionScope.Panes.ALL), equalTo(List.of("early", "on time", "late", "never grouped")));
  }

  @Test
  void onTimePaneLeavesOutPanesOfUnknownTiming() {
    assertThat(select(AssertionScope.Panes.ON_TIME), equalTo(List.of("on time")));
  }

  @Test
  void finalPaneKeepsEveryPaneMarkedLastIncludingNoFiring() {
    assertThat(select(AssertionScope.Panes.FINAL), equalTo(List.of("late", "never grouped")));
  }

  @Test
  void earlyPanesAreTheEarlyOnes() {
    assertThat(select(AssertionScope.Panes.EARLY), equalTo(List.of("early")));
  }

  @Test
  void latePanesAreTheLateOnes() {
    assertThat(select(AssertionScope.Panes.LATE), equalTo(List.of("late")));
  }

  @Test
  void nonLatePanesIncludePanesOfUnknownTiming() {
    assertThat(select(AssertionScope.Panes.NON_LATE), equalTo(List.of("early", "on time", "never grouped")));
  }

  @Test
  void onlyPaneKeepsElementsInFirstAndLastPanes() {
    List<ValueInPane<String>> onlyPanes =
        List.of(inFirst("grouped", PaneInfo.ON_TIME_AND_ONLY_FIRING), inFirst("never grouped", PaneInfo.NO_FIRING));

    assertThat(AssertionScope.of(windowed, FIRST, AssertionScope.Panes.ONLY, "test").select(onlyPanes),
        equalTo(List.of("grouped", "never grouped")));
  }

  @Test
  void onlyPaneFailsForAnElementInALaterPane() {
    AssertionScope scope = AssertionScope.of(windowed, FIRST, AssertionScope.Panes.ONLY, "test");

    CheckFailure failure = assertThrows(CheckFailure.class, () -> scope.select(List.of(inFirst("late", LATE_LAST))));

    assertThat(failure.getMessage(), equalTo("expected the elements of PCollection '" + windowed.getName()
        + "' in window " + FIRST + " to be in its only pane (a trigger that fires at most once), but late is in "
        + LATE_LAST + ", which is not the first pane"));
  }

  @Test
  void onlyPaneIgnoresOtherWindows() {
    AssertionScope scope = AssertionScope.of(windowed, SECOND, AssertionScope.Panes.ONLY, "test");

    assertThat(scope.select(List.of(inFirst("late", LATE_LAST))), empty());
  }

  @Test
  void descriptionNamesTheWindowAndPanes() {
    assertThat(AssertionScope.of(windowed, FIRST, AssertionScope.Panes.ON_TIME, "test").description(),
        equalTo("in window " + FIRST + " ON_TIME pane"));
    assertThat(AssertionScope.of(windowed, FIRST, AssertionScope.Panes.NON_LATE, "test").description(),
        equalTo("in window " + FIRST + " non-LATE panes combined"));
    assertThat(AssertionScope.everything().description(), nullValue());
  }

  @Test
  void windowOfAnotherKindIsRejectedNamingTheCollectionAndFix() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> PAssert.that(windowed).inEarlyGlobalWindowPanes());

    assertThat(error.getMessage(), startsWith("PAssert inEarlyGlobalWindowPanes(): GlobalWindow (a GlobalWindow)"
        + " is not a window of PCollection '" + windowed.getName() + "', whose WindowFn "));
    assertThat(error.getMessage(), containsString(" Fix: pass a window of the kind that WindowFn assigns."));
  }

  @Test
  void intervalWindowForTheGlobalWindowIsRejected() {
    PCollection<String> global = p.apply("Global", InMemoryElements.of(StringUtf8Coder.of(), "a"));

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> PAssert.thatSingleton(global).inOnTimePane(FIRST));

    assertThat(error.getMessage(), startsWith("PAssert inOnTimePane(" + FIRST + "): " + FIRST
        + " (a IntervalWindow) is not a window of PCollection '" + global.getName() + "'"));
  }

  @Test
  void globalWindowIsAcceptedForACollectionInTheGlobalWindow() {
    PCollection<String> global = p.apply("Global", InMemoryElements.of(StringUtf8Coder.of(), "a"));

    assertThat(AssertionScope.of(global, GlobalWindow.INSTANCE, AssertionScope.Panes.EARLY, "test").description(),
        equalTo("in window GlobalWindow EARLY panes"));
  }
}
