package dev.weir.runtime.timers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class PendingTimersTest {
  private static final BoundedWindow W = GlobalWindow.INSTANCE;
  private final PendingTimers<String> timers = new PendingTimers<>();

  private static Instant t(long millis) {
    return new Instant(millis);
  }

  private void setEvent(String key, String id, long at) {
    timers.set(key, W, id, TimeDomain.EVENT_TIME, t(at), t(at));
  }

  private List<String> pollAll(TimeDomain domain, long now) {
    List<String> fired = new ArrayList<>();
    for (TimerData<String> timer = timers.pollDue(domain, t(now)); timer != null; timer = timers.pollDue(domain, t(now))) {
      fired.add(timer.key() + "/" + timer.timerId() + "@" + timer.timestamp().getMillis());
    }
    return fired;
  }

  @Test
  void aTimerIsDueOnlyOnceTheTimeIsAfterIt() {
    setEvent("a", "t", 5);
    assertEquals(List.of(), pollAll(TimeDomain.EVENT_TIME, 5));
    assertEquals(List.of("a/t@5"), pollAll(TimeDomain.EVENT_TIME, 6));
  }

  @Test
  void dueTimersComeInTimestampOrderThenInTheOrderSet() {
    setEvent("a", "late", 9);
    setEvent("b", "second", 3);
    setEvent("a", "first", 3);
    setEvent("c", "early", 1);
    assertEquals(List.of("c/early@1", "b/second@3", "a/first@3", "a/late@9"), pollAll(TimeDomain.EVENT_TIME, 100));
  }

  @Test
  void settingATimerAgainReplacesIt() {
    setEvent("a", "t", 5);
    setEvent("a", "t", 8);
    assertEquals(1, timers.size());
    assertEquals(List.of("a/t@8"), pollAll(TimeDomain.EVENT_TIME, 100));
  }

  @Test
  void settingATimerToTheSameTimesKeepsItsPlace() {
    setEvent("a", "t", 5);
    setEvent("b", "t", 5);
    setEvent("a", "t", 5);
    assertEquals(List.of("a/t@5", "b/t@5"), pollAll(TimeDomain.EVENT_TIME, 100));
  }

  @Test
  void changingOnlyTheOutputTimestampMovesATimerBehindTimersSetMeanwhile() {
    setEvent("a", "t", 5);
    setEvent("b", "t", 5);
    timers.set("a", W, "t", TimeDomain.EVENT_TIME, t(5), t(4));
    assertEquals(List.of("b/t@5", "a/t@5"), pollAll(TimeDomain.EVENT_TIME, 100));
  }

  @Test
  void timersAreIdentifiedByKeyWindowAndId() {
    IntervalWindow other = new IntervalWindow(t(0), t(10));
    timers.set("a", W, "t", TimeDomain.EVENT_TIME, t(1), t(1));
    timers.set("a", other, "t", TimeDomain.EVENT_TIME, t(2), t(2));
    timers.set("b", W, "t", TimeDomain.EVENT_TIME, t(3), t(3));
    assertEquals(3, timers.size());
    timers.delete("a", other, "t");
    assertEquals(List.of("a/t@1", "b/t@3"), pollAll(TimeDomain.EVENT_TIME, 100));
  }

  @Test
  void deleteWindowCancelsEveryTimerOfTheKeyInTheWindow() {
    timers.set("a", W, "x", TimeDomain.EVENT_TIME, t(1), t(1));
    timers.set("a", W, "y", TimeDomain.PROCESSING_TIME, t(1), t(0));
    timers.set("b", W, "x", TimeDomain.EVENT_TIME, t(2), t(2));
    timers.deleteWindow("a", W);
    assertEquals(1, timers.size());
    assertNull(timers.get("a", W, "x"));
    assertEquals(List.of(), pollAll(TimeDomain.PROCESSING_TIME, 100));
  }

  @Test
  void domainsAreIndependent() {
    timers.set("a", W, "p", TimeDomain.PROCESSING_TIME, t(1), t(0));
    timers.set("a", W, "s", TimeDomain.SYNCHRONIZED_PROCESSING_TIME, t(1), t(0));
    assertEquals(List.of(), pollAll(TimeDomain.EVENT_TIME, 100));
    assertEquals(List.of("a/p@1"), pollAll(TimeDomain.PROCESSING_TIME, 100));
    assertEquals(List.of("a/s@1"), pollAll(TimeDomain.SYNCHRONIZED_PROCESSING_TIME, 100));
  }

  @Test
  void theHoldIsTheSmallestPendingOutputTimestampOfTheDomain() {
    assertNull(timers.minOutputTimestamp(TimeDomain.EVENT_TIME));
    timers.set("a", W, "x", TimeDomain.EVENT_TIME, t(10), t(4));
    timers.set("b", W, "x", TimeDomain.EVENT_TIME, t(5), t(5));
    timers.set("a", W, "p", TimeDomain.PROCESSING_TIME, t(1), t(0));
    assertEquals(t(4), timers.minOutputTimestamp(TimeDomain.EVENT_TIME));
    assertEquals(t(5), timers.nextTimestamp(TimeDomain.EVENT_TIME));
    timers.delete("a", W, "x");
    assertEquals(t(5), timers.minOutputTimestamp(TimeDomain.EVENT_TIME));
    assertEquals(t(0), timers.minOutputTimestamp(TimeDomain.PROCESSING_TIME));
  }

  @Test
  void equalOutputTimestampsAreCountedSeparately() {
    timers.set("a", W, "x", TimeDomain.EVENT_TIME, t(10), t(4));
    timers.set("b", W, "x", TimeDomain.EVENT_TIME, t(10), t(4));
    timers.delete("a", W, "x");
    assertEquals(t(4), timers.minOutputTimestamp(TimeDomain.EVENT_TIME));
  }

  @Test
  void rejectsSettingAPendingTimerInAnotherDomain() {
    timers.set("a", W, "x", TimeDomain.EVENT_TIME, t(10), t(4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> timers.set("a", W, "x", TimeDomain.PROCESSING_TIME, t(1), t(1)));
    assertThat(e.getMessage(), containsString("Timer 'x' is pending in EVENT_TIME and cannot be set in PROCESSING_TIME"));
  }

  @Test
  void restorePutsBackTimersWithTheirOrderAndSequence() {
    setEvent("a", "t", 3);
    setEvent("b", "t", 3);
    timers.set("a", W, "p", TimeDomain.PROCESSING_TIME, t(2), t(1));
    PendingTimers<String> restored = new PendingTimers<>();
    restored.restore(timers.all(), timers.nextSequence());
    assertEquals(timers.all(), restored.all());
    assertEquals(timers.nextSequence(), restored.nextSequence());
    restored.set("c", W, "t", TimeDomain.EVENT_TIME, t(3), t(3));
    List<String> fired = new ArrayList<>();
    for (TimerData<String> timer = restored.pollDue(TimeDomain.EVENT_TIME, t(9)); timer != null;
        timer = restored.pollDue(TimeDomain.EVENT_TIME, t(9))) {
      fired.add(timer.key());
    }
    assertEquals(List.of("a", "b", "c"), fired);
  }

  @Test
  void restoreRejectsASequenceThatIsNotBelowTheNextOne() {
    setEvent("a", "t", 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PendingTimers<String>().restore(timers.all(), 0));
    assertThat(e.getMessage(), containsString("not below the saved next sequence 0"));
  }

  @Test
  void restoreNeedsAnEmptyTable() {
    setEvent("a", "t", 3);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> timers.restore(List.of(), 5));
    assertThat(e.getMessage(), containsString("not one holding 1"));
  }
}
