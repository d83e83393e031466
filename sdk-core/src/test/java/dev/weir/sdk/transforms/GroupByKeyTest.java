package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.DoubleCoder;
import dev.weir.sdk.coders.IterableCoder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterSynchronizedProcessingTime;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.InvalidWindows;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.Trigger;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.WindowingStrategy;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link GroupByKey}: construction-time checks and the windowing of its output. */
class GroupByKeyTest {
  private final Pipeline p = Pipeline.create();
  private final PCollection<KV<String, Integer>> pairs = p.apply("Pairs", Create.of(KV.of("a", 1), KV.of("b", 2)));

  /** An unbounded source of pairs in the global window with the default trigger. */
  static final class UnboundedPairs extends PTransform<PBegin, PCollection<KV<String, Integer>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<KV<String, Integer>> expand(PBegin begin) {
      return PCollection.createPrimitiveOutputInternal(begin.getPipeline(), WindowingStrategy.globalDefault(),
          PCollection.IsBounded.UNBOUNDED, KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
    }
  }

  @Test
  void theOutputCoderGroupsTheValueCoderInAnIterable() {
    PCollection<KV<String, Iterable<Integer>>> grouped = pairs.apply(GroupByKey.create());
    assertThat(grouped.getCoder(),
        equalTo((Object) KvCoder.of(StringUtf8Coder.of(), IterableCoder.of(VarIntCoder.of()))));
  }

  @Test
  void theOutputTriggerIsTheInputTriggersContinuation() {
    PCollection<KV<String, Integer>> triggered = pairs.apply(Window.<KV<String, Integer>>into(
            FixedWindows.of(Duration.standardMinutes(1)))
        .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(5))))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());
    assertThat(triggered.apply(GroupByKey.create()).getWindowingStrategy().getTrigger(),
        equalTo((Trigger) Repeatedly.forever(AfterSynchronizedProcessingTime.ofFirstElement())));
  }

  @Test
  void nonMergingWindowsStayValidAfterGrouping() {
    PCollection<KV<String, Integer>> fixed =
        pairs.apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))));
    assertThat(fixed.apply(GroupByKey.create()).getWindowingStrategy().getWindowFn(),
        equalTo((Object) FixedWindows.of(Duration.standardMinutes(1))));
  }

  @Test
  void mergingWindowsBecomeInvalidWindowsAfterGrouping() {
    PCollection<KV<String, Integer>> sessions =
        pairs.apply(Window.into(Sessions.withGapDuration(Duration.standardMinutes(1))));
    Object fn = sessions.apply(GroupByKey.create()).getWindowingStrategy().getWindowFn();
    assertThat(fn, instanceOf(InvalidWindows.class));
    assertThat(((InvalidWindows<?>) fn).getOriginalWindowFn(),
        equalTo((Object) Sessions.withGapDuration(Duration.standardMinutes(1))));
  }

  @Test
  void aSecondGroupingOfMergedWindowsFailsSayingToReWindow() {
    PCollection<KV<String, Iterable<Integer>>> grouped = pairs
        .apply(Window.into(Sessions.withGapDuration(Duration.standardMinutes(1))))
        .apply("First", GroupByKey.create());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> grouped.apply("Second", GroupByKey.create()));
    assertThat(e.getMessage(), allOf(
        containsString("already merged by an earlier GroupByKey"), containsString("Window.into(...) again")));
  }

  @Test
  void reWindowingAfterAMergingGroupAllowsAnotherGroup() {
    PCollection<KV<String, Iterable<Integer>>> grouped = pairs
        .apply(Window.into(Sessions.withGapDuration(Duration.standardMinutes(1))))
        .apply("First", GroupByKey.create());
    PCollection<KV<String, Iterable<Iterable<Integer>>>> regrouped = grouped
        .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))))
        .apply("Second", GroupByKey.create());
    assertThat(regrouped.getWindowingStrategy().getWindowFn(), instanceOf(FixedWindows.class));
  }

  @Test
  void anUnboundedGlobalWindowWithTheDefaultTriggerFailsSayingTheFix() {
    PCollection<KV<String, Integer>> unbounded = p.apply("Stream", new UnboundedPairs());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> unbounded.apply(GroupByKey.create()));
    assertThat(e.getMessage(), allOf(
        containsString("unbounded PCollection 'Stream.out'"), containsString("would never emit"),
        containsString("Window.into(...)")));
  }

  @Test
  void anUnboundedGlobalWindowWithATriggerMayBeGrouped() {
    PCollection<KV<String, Integer>> triggered = p.apply("Stream", new UnboundedPairs())
        .apply(Window.<KV<String, Integer>>configure()
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(10)))
            .discardingFiredPanes());
    assertThat(triggered.apply(GroupByKey.create()).isBounded(), equalTo(PCollection.IsBounded.UNBOUNDED));
  }

  @Test
  void aNonDeterministicKeyCoderFailsNamingTheCoder() {
    PCollection<KV<Double, Integer>> doubles =
        p.apply("Doubles", Create.of(KV.of(1.5, 1)).withCoder(KvCoder.of(DoubleCoder.of(), VarIntCoder.of())));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> doubles.apply(GroupByKey.create()));
    assertThat(e.getMessage(), allOf(
        containsString("deterministic key coder"), containsString("DoubleCoder")));
  }

  @Test
  void anInputWithoutAKvCoderFailsNamingItsCoder() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    PCollection<KV<String, Integer>> notKv = (PCollection) p.apply("Strings", Create.of("a"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> notKv.apply(GroupByKey.create()));
    assertThat(e.getMessage(), allOf(containsString("needs a KvCoder"), containsString("StringUtf8Coder")));
  }
}
