package dev.weir.sdk.transforms.windowing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.WindowingStrategy;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import org.joda.time.DateTimeZone;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Window}: the strategy it sets and Beam's validation of incomplete configurations. */
class WindowTest {
  private static final FixedWindows MINUTES = FixedWindows.of(Duration.standardMinutes(1));
  private final Pipeline p = Pipeline.create();
  private final PCollection<String> words = p.apply("Words", Create.of("a"));

  @Test
  void intoSetsTheWindowFnAndKeepsTheDefaults() {
    WindowingStrategy<?, ?> s = words.apply(Window.into(MINUTES)).getWindowingStrategy();
    assertThat(s, equalTo((Object) WindowingStrategy.of(MINUTES)));
  }

  @Test
  void aTriggerWithoutAllowedLatenessFailsSayingTheFix() {
    Window<String> window = Window.<String>into(MINUTES)
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(2)))
        .discardingFiredPanes();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> words.apply(window));
    assertThat(e.getMessage(), allOf(
        containsString("Repeatedly.forever(AfterPane.elementCountAtLeast(2))"),
        containsString(".withAllowedLateness(Duration.ZERO)")));
  }

  @Test
  void inGlobalWindowsATriggerNeedsNoAllowedLateness() {
    PCollection<String> out = words.apply(Window.<String>into(new GlobalWindows())
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(2)))
        .discardingFiredPanes());
    assertThat(out.getWindowingStrategy().getTrigger(),
        equalTo((Trigger) Repeatedly.forever(AfterPane.elementCountAtLeast(2))));
  }

  @Test
  void aTriggerThatFiresMoreThanOnceWithoutAnAccumulationModeFailsSayingTheFix() {
    Window<String> window = Window.<String>into(MINUTES)
        .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.ZERO);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> words.apply(window));
    assertThat(e.getMessage(), allOf(
        containsString("more than one pane"),
        containsString(".discardingFiredPanes() or .accumulatingFiredPanes()")));
  }

  @Test
  void allowedLatenessWithTheDefaultTriggerNeedsAnAccumulationMode() {
    Window<String> window = Window.<String>into(MINUTES).withAllowedLateness(Duration.standardMinutes(1));
    assertThrows(IllegalArgumentException.class, () -> words.apply(window));
  }

  @Test
  void anOnTimeOnlyTriggerNeedsNoAccumulationMode() {
    PCollection<String> out = words.apply(Window.<String>into(MINUTES)
        .triggering(AfterWatermark.pastEndOfWindow())
        .withAllowedLateness(Duration.ZERO));
    assertThat(out.getWindowingStrategy().isModeSpecified(), is(false));
  }

  @Test
  void aCompleteConfigurationSetsEverySetting() {
    WindowingStrategy<?, ?> s = words.apply(Window.<String>into(MINUTES)
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.standardMinutes(5), Window.ClosingBehavior.FIRE_ALWAYS)
        .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
        .withTimestampCombiner(TimestampCombiner.EARLIEST)
        .accumulatingFiredPanes()).getWindowingStrategy();
    assertThat(s.getMode(), is(AccumulationMode.ACCUMULATING_FIRED_PANES));
    assertThat(s.getAllowedLateness(), equalTo(Duration.standardMinutes(5)));
    assertThat(s.getClosingBehavior(), is(Window.ClosingBehavior.FIRE_ALWAYS));
    assertThat(s.getOnTimeBehavior(), is(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY));
    assertThat(s.getTimestampCombiner(), is(TimestampCombiner.EARLIEST));
  }

  @Test
  void configureKeepsTheInputsWindowsAndChangesTheTrigger() {
    PCollection<String> windowed = words.apply(Window.into(MINUTES));
    WindowingStrategy<?, ?> s = windowed.apply(Window.<String>configure()
        .triggering(AfterPane.elementCountAtLeast(3))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes()).getWindowingStrategy();
    assertThat(s.getWindowFn(), equalTo((Object) MINUTES));
    assertThat(s.getTrigger(), equalTo((Trigger) AfterPane.elementCountAtLeast(3)));
  }

  @Test
  void configureIsValidatedAgainstTheInputsStrategy() {
    PCollection<String> windowed = words.apply(Window.into(MINUTES));
    assertThrows(IllegalArgumentException.class,
        () -> windowed.apply(Window.<String>configure().triggering(AfterPane.elementCountAtLeast(3))));
  }

  @Test
  void settingsOfAnEarlierWindowAreKeptByALaterOne() {
    PCollection<String> late = words.apply("First", Window.<String>into(MINUTES)
        .withAllowedLateness(Duration.standardMinutes(2))
        .discardingFiredPanes());
    WindowingStrategy<?, ?> s = late.apply("Second", Window.into(FixedWindows.of(Duration.standardHours(1))))
        .getWindowingStrategy();
    assertThat(s.getAllowedLateness(), equalTo(Duration.standardMinutes(2)));
  }

  @Test
  void theWindowTransformIsNamedAsInBeamWhateverItsWindowFn() {
    assertThat(Window.into(MINUTES).getName(), equalTo("Window.Into()"));
    assertThat(Window.into(CalendarWindows.days(1).withTimeZone(DateTimeZone.forID("America/Los_Angeles"))).getName(),
        equalTo("Window.Into()"));
  }
}
