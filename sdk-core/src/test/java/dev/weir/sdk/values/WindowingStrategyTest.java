package dev.weir.sdk.values;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.transforms.windowing.Window.OnTimeBehavior;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link WindowingStrategy}. */
class WindowingStrategyTest {
  private static final FixedWindows MINUTES = FixedWindows.of(Duration.standardMinutes(1));

  @Test
  void theGlobalDefaultHasBeamsDefaults() {
    WindowingStrategy<?, ?> s = WindowingStrategy.globalDefault();
    assertThat(s.getWindowFn(), instanceOf(GlobalWindows.class));
    assertThat(s.getTrigger(), instanceOf(DefaultTrigger.class));
    assertThat(s.getMode(), is(AccumulationMode.DISCARDING_FIRED_PANES));
    assertThat(s.getAllowedLateness(), equalTo(Duration.ZERO));
    assertThat(s.getClosingBehavior(), is(ClosingBehavior.FIRE_IF_NON_EMPTY));
    assertThat(s.getOnTimeBehavior(), is(OnTimeBehavior.FIRE_ALWAYS));
    assertThat(s.getTimestampCombiner(), is(TimestampCombiner.END_OF_WINDOW));
  }

  @Test
  void nothingIsSpecifiedByDefault() {
    WindowingStrategy<?, ?> s = WindowingStrategy.of(MINUTES);
    assertThat(s.isTriggerSpecified() || s.isModeSpecified() || s.isAllowedLatenessSpecified()
        || s.isTimestampCombinerSpecified(), is(false));
  }

  @Test
  void withXReturnsACopyAndMarksTheSettingSpecified() {
    WindowingStrategy<?, ?> original = WindowingStrategy.of(MINUTES);
    WindowingStrategy<?, ?> changed = original
        .withTrigger(AfterPane.elementCountAtLeast(2))
        .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
        .withAllowedLateness(Duration.standardSeconds(5))
        .withTimestampCombiner(TimestampCombiner.EARLIEST);
    assertThat(original.getTrigger(), instanceOf(DefaultTrigger.class));
    assertThat(changed.getTrigger(), equalTo(AfterPane.elementCountAtLeast(2)));
    assertThat(changed.getMode(), is(AccumulationMode.ACCUMULATING_FIRED_PANES));
    assertThat(changed.getAllowedLateness(), equalTo(Duration.standardSeconds(5)));
    assertThat(changed.getTimestampCombiner(), is(TimestampCombiner.EARLIEST));
    assertThat(changed.isTriggerSpecified() && changed.isModeSpecified() && changed.isAllowedLatenessSpecified()
        && changed.isTimestampCombinerSpecified(), is(true));
  }

  @Test
  void withWindowFnKeepsEverythingElse() {
    WindowingStrategy<?, ?> s = WindowingStrategy.globalDefault()
        .withAllowedLateness(Duration.millis(7))
        .withClosingBehavior(ClosingBehavior.FIRE_ALWAYS)
        .withOnTimeBehavior(OnTimeBehavior.FIRE_IF_NON_EMPTY)
        .withWindowFn(MINUTES);
    assertThat(s.getWindowFn(), equalTo((Object) MINUTES));
    assertThat(s.getAllowedLateness(), equalTo(Duration.millis(7)));
    assertThat(s.isAllowedLatenessSpecified(), is(true));
    assertThat(s.getClosingBehavior(), is(ClosingBehavior.FIRE_ALWAYS));
    assertThat(s.getOnTimeBehavior(), is(OnTimeBehavior.FIRE_IF_NON_EMPTY));
  }

  @Test
  void strategiesWithEqualSettingsAreEqual() {
    assertThat(WindowingStrategy.of(MINUTES), equalTo(WindowingStrategy.of(FixedWindows.of(Duration.standardMinutes(1)))));
    assertThat(WindowingStrategy.of(MINUTES).hashCode(),
        equalTo(WindowingStrategy.of(FixedWindows.of(Duration.standardMinutes(1))).hashCode()));
  }

  @Test
  void strategiesDifferingInOneSettingAreNotEqual() {
    WindowingStrategy<?, ?> base = WindowingStrategy.of(MINUTES);
    assertThat(base, not(equalTo(base.withAllowedLateness(Duration.millis(1)))));
    assertThat(base, not(equalTo(base.withMode(AccumulationMode.ACCUMULATING_FIRED_PANES))));
    assertThat(base, not(equalTo(base.withTimestampCombiner(TimestampCombiner.LATEST))));
    assertThat(base, not(equalTo(base.withClosingBehavior(ClosingBehavior.FIRE_ALWAYS))));
    assertThat(base, not(equalTo(WindowingStrategy.globalDefault())));
  }

  @Test
  void aNegativeAllowedLatenessFails() {
    assertThrows(IllegalArgumentException.class,
        () -> WindowingStrategy.globalDefault().withAllowedLateness(Duration.millis(-1)));
  }
}
