package dev.weir.sdk.transforms.windowing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The trigger API: continuations, firing guarantees, finishing, equality and text, as Beam defines them. */
class TriggerTest {
  private static final IntervalWindow WINDOW = new IntervalWindow(new Instant(0), new Instant(100));
  private static final Instant END = new Instant(99);
  private static final AfterProcessingTime TEN_SECONDS_LATER =
      AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.standardSeconds(10));

  @Test
  void afterProcessingTimeContinuesAsSynchronizedProcessingTime() {
    assertThat(TEN_SECONDS_LATER.getContinuationTrigger(),
        equalTo((Trigger) AfterSynchronizedProcessingTime.ofFirstElement()));
  }

  @Test
  void afterPaneContinuesAsAnyOneElement() {
    assertThat(AfterPane.elementCountAtLeast(5).getContinuationTrigger(),
        equalTo((Trigger) AfterPane.elementCountAtLeast(1)));
  }

  @Test
  void afterEachContinuesAsRepeatedlyTheFirstOfItsPartsContinuations() {
    Trigger each = AfterEach.inOrder(AfterPane.elementCountAtLeast(3), TEN_SECONDS_LATER);
    assertThat(each.getContinuationTrigger(), equalTo((Trigger) Repeatedly.forever(
        AfterFirst.of(AfterPane.elementCountAtLeast(1), AfterSynchronizedProcessingTime.ofFirstElement()))));
  }

  @Test
  void orFinallyContinuesAsItsMainTriggersContinuation() {
    Trigger trigger = Repeatedly.forever(AfterPane.elementCountAtLeast(2)).orFinally(TEN_SECONDS_LATER);
    assertThat(trigger.getContinuationTrigger(),
        equalTo((Trigger) Repeatedly.forever(AfterPane.elementCountAtLeast(1))));
  }

  @Test
  void earlyAndLateFiringsContinueAsTheContinuationsOfTheirParts() {
    Trigger trigger = AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(TEN_SECONDS_LATER)
        .withLateFirings(AfterPane.elementCountAtLeast(4));
    assertThat(trigger.getContinuationTrigger(), equalTo((Trigger) AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(AfterSynchronizedProcessingTime.ofFirstElement())
        .withLateFirings(AfterPane.elementCountAtLeast(1))));
  }

  @Test
  void earlyFiringsAloneContinueWithoutLateFirings() {
    Trigger trigger = AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(9));
    assertThat(trigger.getContinuationTrigger(),
        equalTo((Trigger) AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1))));
  }

  @Test
  void watermarkDefaultAndNeverTriggersAreTheirOwnContinuations() {
    assertThat(AfterWatermark.pastEndOfWindow().getContinuationTrigger(),
        equalTo((Trigger) AfterWatermark.pastEndOfWindow()));
    assertThat(DefaultTrigger.of().getContinuationTrigger(), equalTo((Trigger) DefaultTrigger.of()));
    assertThat(Never.ever().getContinuationTrigger(), equalTo((Trigger) Never.ever()));
  }

  @Test
  void afterAllAndAfterFirstContinueAsTheSameCombinationOfContinuations() {
    assertThat(AfterAll.of(AfterPane.elementCountAtLeast(2), TEN_SECONDS_LATER).getContinuationTrigger(),
        equalTo((Trigger) AfterAll.of(AfterPane.elementCountAtLeast(1), AfterSynchronizedProcessingTime.ofFirstElement())));
    assertThat(AfterFirst.of(AfterPane.elementCountAtLeast(2), TEN_SECONDS_LATER).getContinuationTrigger(),
        equalTo((Trigger) AfterFirst.of(AfterPane.elementCountAtLeast(1), AfterSynchronizedProcessingTime.ofFirstElement())));
  }

  @Test
  void watermarkTriggersAreGuaranteedToFireAtTheEndOfTheWindow() {
    assertThat(AfterWatermark.pastEndOfWindow().getWatermarkThatGuaranteesFiring(WINDOW), equalTo(END));
    assertThat(DefaultTrigger.of().getWatermarkThatGuaranteesFiring(WINDOW), equalTo(END));
    assertThat(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1))
        .getWatermarkThatGuaranteesFiring(WINDOW), equalTo(END));
  }

  @Test
  void countAndProcessingTimeTriggersHaveNoWatermarkGuarantee() {
    assertThat(AfterPane.elementCountAtLeast(1).getWatermarkThatGuaranteesFiring(WINDOW),
        equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
    assertThat(TEN_SECONDS_LATER.getWatermarkThatGuaranteesFiring(WINDOW), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
    assertThat(Never.ever().getWatermarkThatGuaranteesFiring(WINDOW), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
  }

  @Test
  void afterFirstIsGuaranteedByItsEarliestPartAndAfterAllByItsLatest() {
    assertThat(AfterFirst.of(AfterPane.elementCountAtLeast(1), AfterWatermark.pastEndOfWindow())
        .getWatermarkThatGuaranteesFiring(WINDOW), equalTo(END));
    assertThat(AfterAll.of(AfterPane.elementCountAtLeast(1), AfterWatermark.pastEndOfWindow())
        .getWatermarkThatGuaranteesFiring(WINDOW), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
  }

  @Test
  void afterEachIsGuaranteedByItsFirstPart() {
    assertThat(AfterEach.inOrder(AfterWatermark.pastEndOfWindow(), AfterPane.elementCountAtLeast(1))
        .getWatermarkThatGuaranteesFiring(WINDOW), equalTo(END));
  }

  @Test
  void orFinallyIsGuaranteedByTheEarlierOfItsParts() {
    assertThat(Repeatedly.forever(AfterPane.elementCountAtLeast(1)).orFinally(AfterWatermark.pastEndOfWindow())
        .getWatermarkThatGuaranteesFiring(WINDOW), equalTo(END));
  }

  @Test
  void onceTriggersMayFinishAndRepeatedOnesMayNot() {
    assertThat(AfterPane.elementCountAtLeast(1).mayFinish(), is(true));
    assertThat(AfterWatermark.pastEndOfWindow().mayFinish(), is(true));
    assertThat(Repeatedly.forever(AfterPane.elementCountAtLeast(1)).mayFinish(), is(false));
    assertThat(DefaultTrigger.of().mayFinish(), is(false));
  }

  @Test
  void orFinallyMayFinish() {
    assertThat(Repeatedly.forever(AfterPane.elementCountAtLeast(1)).orFinally(TEN_SECONDS_LATER).mayFinish(), is(true));
  }

  @Test
  void afterEachMayFinishOnlyIfAllItsPartsMay() {
    assertThat(AfterEach.inOrder(AfterPane.elementCountAtLeast(1), TEN_SECONDS_LATER).mayFinish(), is(true));
    assertThat(AfterEach.inOrder(AfterPane.elementCountAtLeast(1), Repeatedly.forever(TEN_SECONDS_LATER)).mayFinish(),
        is(false));
  }

  @Test
  void earlyAndLateMayFinishOnlyWithoutLateFirings() {
    assertThat(AfterWatermark.pastEndOfWindow().withEarlyFirings(TEN_SECONDS_LATER).mayFinish(), is(true));
    assertThat(AfterWatermark.pastEndOfWindow().withLateFirings(TEN_SECONDS_LATER).mayFinish(), is(false));
  }

  @Test
  void triggersBuiltAlikeAreEqual() {
    assertThat(AfterPane.elementCountAtLeast(2), equalTo(AfterPane.elementCountAtLeast(2)));
    assertThat(AfterPane.elementCountAtLeast(2), not(equalTo(AfterPane.elementCountAtLeast(3))));
    assertThat(TEN_SECONDS_LATER,
        equalTo(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.standardSeconds(10))));
    assertThat(TEN_SECONDS_LATER, not(equalTo(AfterProcessingTime.pastFirstElementInPane())));
    assertThat(Repeatedly.forever(AfterPane.elementCountAtLeast(2)).hashCode(),
        equalTo(Repeatedly.forever(AfterPane.elementCountAtLeast(2)).hashCode()));
  }

  @Test
  void earlyOnlyAndLateOnlyTriggersDiffer() {
    assertThat(AfterWatermark.pastEndOfWindow().withEarlyFirings(Never.ever()),
        not(equalTo(AfterWatermark.pastEndOfWindow().withLateFirings(Never.ever()))));
  }

  @Test
  void toStringReadsLikeTheCodeThatBuiltIt() {
    assertThat(AfterEach.inOrder(AfterPane.elementCountAtLeast(2), AfterWatermark.pastEndOfWindow()).toString(),
        equalTo("AfterEach.inOrder(AfterPane.elementCountAtLeast(2), AfterWatermark.pastEndOfWindow())"));
    assertThat(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)).toString(),
        equalTo("AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1))"));
    assertThat(Repeatedly.forever(AfterPane.elementCountAtLeast(1)).orFinally(AfterWatermark.pastEndOfWindow())
        .toString(), equalTo("Repeatedly.forever(AfterPane.elementCountAtLeast(1))"
            + ".orFinally(AfterWatermark.pastEndOfWindow())"));
    assertThat(TEN_SECONDS_LATER.toString(), containsString(".plusDelayOf(PT10S)"));
  }

  @Test
  void afterPaneNeedsAPositiveCount() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AfterPane.elementCountAtLeast(0));
    assertThat(e.getMessage(), containsString("positive count"));
  }

  @Test
  void compositesNeedAtLeastOnePart() {
    assertThrows(IllegalArgumentException.class, () -> AfterFirst.of());
    assertThrows(IllegalArgumentException.class, () -> AfterAll.of());
    assertThrows(IllegalArgumentException.class, () -> AfterEach.inOrder());
  }
}
