package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.Coder.NonDeterministicException;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.DoubleCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class ValueInPaneCoderTest {

  @Test
  void roundTripsValueTimestampIntervalWindowAndPane() throws CoderException {
    ValueInPaneCoder<String> coder = ValueInPaneCoder.of(StringUtf8Coder.of(), IntervalWindow.getCoder());
    ValueInPane<String> element = new ValueInPane<>("a", new Instant(-7),
        new IntervalWindow(new Instant(-10), new Instant(0)), PaneInfo.createPane(false, true, Timing.LATE, 3, 1));

    assertThat(CoderUtils.clone(coder, element), equalTo(element));
  }

  @Test
  void roundTripsAnElementOfTheGlobalWindowNeverGrouped() throws CoderException {
    ValueInPaneCoder<Integer> coder = ValueInPaneCoder.of(VarIntCoder.of(), GlobalWindow.Coder.INSTANCE);
    ValueInPane<Integer> element = new ValueInPane<>(4, new Instant(0), GlobalWindow.INSTANCE, PaneInfo.NO_FIRING);

    assertThat(CoderUtils.clone(coder, element), equalTo(element));
  }

  @Test
  void coderIsIdentifiedByItsValueAndWindowCoders() {
    assertThat(ValueInPaneCoder.of(VarIntCoder.of(), GlobalWindow.Coder.INSTANCE),
        equalTo(ValueInPaneCoder.of(VarIntCoder.of(), GlobalWindow.Coder.INSTANCE)));
    assertThat(ValueInPaneCoder.of(VarIntCoder.of(), GlobalWindow.Coder.INSTANCE),
        not(equalTo(ValueInPaneCoder.of(VarIntCoder.of(), IntervalWindow.getCoder()))));
  }

  @Test
  void isNotDeterministicWhenItsValueCoderIsNot() {
    assertThrows(NonDeterministicException.class,
        () -> ValueInPaneCoder.of(DoubleCoder.of(), GlobalWindow.Coder.INSTANCE).verifyDeterministic());
  }
}
