package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.base.Throwables;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.runners.TransformHierarchy;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Combine.BinaryCombineIntegerFn;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Combine}: globally, per key and of grouped values. */
class CombineTest {
  private final Pipeline pipeline = Pipeline.create();

  private static PCollection<Integer> inTenSecondWindows(PCollection<Integer> input) {
    return input.apply(Window.into(FixedWindows.of(Duration.standardSeconds(10))));
  }

  @Test
  void globallyWithDefaultsRejectsNonGlobalWindowsNamingTheFix() {
    PCollection<Integer> windowed = inTenSecondWindows(pipeline.apply(Create.of(1, 2)));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> windowed.apply(Sum.integersGlobally()));
    assertThat(e.getMessage(), allOf(containsString(windowed.getName()), containsString("FixedWindows"),
        containsString("Combine.globally().withoutDefaults()"), containsString("asSingletonView()")));
  }

  @Test
  void globallyWithoutDefaultsAcceptsNonGlobalWindows() {
    PCollection<Integer> sums =
        inTenSecondWindows(pipeline.apply(Create.of(1, 2))).apply(Sum.integersGlobally().withoutDefaults());
    assertThat(sums.getCoder(), equalTo(VarIntCoder.of()));
  }

  @Test
  void perKeyIsAGroupByKeyThenGroupedValuesThatKeepsItsFn() {
    BinaryCombineIntegerFn fn = Sum.ofIntegers();
    Combine.PerKey<String, Integer, Integer> perKey = Combine.perKey(fn);
    assertThat(perKey.getFn(), sameInstance(fn));
    pipeline.apply(Create.of(KV.of("a", 1))).apply("SumPerKey", perKey);
    List<String> parts = new ArrayList<>();
    pipeline.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
        if (node.getFullName().equals("SumPerKey")) {
          node.getParts().forEach(part -> parts.add(part.getTransform().getClass().getSimpleName()));
        }
        return CompositeBehavior.ENTER_TRANSFORM;
      }
    });
    assertThat(parts, equalTo(List.of("GroupByKey", "GroupedValues")));
  }

  @Test
  void perKeyOutputCoderComesFromTheKeyAndTheFn() {
    PCollection<KV<String, Long>> counts = pipeline.apply(Create.of(KV.of("a", "x"))).apply(Count.perKey());
    assertThat(counts.getCoder(), equalTo(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
  }

  /** Appends the value of an integer side input to each string. */
  static final class AppendSideInputFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<Integer> view;

    AppendSideInputFn(PCollectionView<Integer> view) {
      this.view = view;
    }

    @ProcessElement
    public void processElement(ProcessContext c) {
      c.output(c.element() + c.sideInput(view));
    }
  }

  /** Combine on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void globallyCombinesAllElementsWithACombineFn() {
      PAssert.that(p.apply(Create.of("ab", "c", "")).apply(Combine.globally(new CombineFnTest.CountChars())))
          .containsInAnyOrder(3L);
      p.run();
    }

    @Test
    void globallyCombinesWithAnIterableFunction() {
      PCollection<Integer> max = p.apply(Create.of(3, 8, 1))
          .apply(Combine.globally((Iterable<Integer> values) -> {
            int result = Integer.MIN_VALUE;
            for (int value : values) {
              result = Math.max(result, value);
            }
            return result;
          }));
      PAssert.that(max).containsInAnyOrder(8);
      p.run();
    }

    @Test
    void globallyCombinesWithABinaryFunction() {
      PAssert.that(p.apply(Create.of(1, 2, 3, 4)).apply(Combine.globally((Integer a, Integer b) -> a * b)))
          .containsInAnyOrder(24);
      p.run();
    }

    @Test
    void globallyOfNothingOutputsTheFnsDefault() {
      PAssert.that(p.apply(Create.empty(StringUtf8Coder.of())).apply(Combine.globally(new CombineFnTest.CountChars())))
          .containsInAnyOrder(0L);
      p.run();
    }

    @Test
    void globallyOfNothingWithoutDefaultsOutputsNothing() {
      PAssert.that(p.apply(Create.empty(VarIntCoder.of())).apply(Sum.integersGlobally().withoutDefaults())).empty();
      p.run();
    }

    @Test
    void globallyInWindowsCombinesEachWindow() {
      PCollection<Integer> sums = inTenSecondWindows(
          p.apply(Create.timestamped(List.of(1, 2, 10, 20, 100), List.of(0L, 9_999L, 10_000L, 19_000L, 55_000L))))
          .apply(Sum.integersGlobally().withoutDefaults());
      PAssert.that(sums).containsInAnyOrder(3, 30, 100);
      p.run();
    }

    @Test
    void perKeyCombinesTheValuesOfEachKey() {
      PCollection<KV<String, Integer>> sums =
          p.apply(Create.of(KV.of("a", 1), KV.of("b", 10), KV.of("a", 2), KV.of("c", 0))).apply(Sum.integersPerKey());
      PAssert.that(sums).containsInAnyOrder(KV.of("a", 3), KV.of("b", 10), KV.of("c", 0));
      p.run();
    }

    @Test
    void perKeyCombinesWithABinaryFunction() {
      PCollection<KV<String, String>> joined = p.apply(Create.of(KV.of("k", "b"), KV.of("k", "a"), KV.of("j", "z")))
          .apply(Combine.<String, String>perKey((String x, String y) -> x.compareTo(y) <= 0 ? x : y));
      PAssert.that(joined).containsInAnyOrder(KV.of("k", "a"), KV.of("j", "z"));
      p.run();
    }

    @Test
    void perKeyCombinesEachKeyInEachWindow() {
      PCollection<KV<String, Integer>> keyed = p
          .apply(Create.timestamped(List.of(KV.of("a", 1), KV.of("a", 2), KV.of("a", 4)), List.of(0L, 20_000L, 25_000L)))
          .apply(Window.into(FixedWindows.of(Duration.standardSeconds(10))));
      PAssert.that(keyed.apply(Sum.integersPerKey())).containsInAnyOrder(KV.of("a", 1), KV.of("a", 6));
      p.run();
    }

    @Test
    void groupedValuesCombinesEachGroup() {
      PCollection<KV<String, Integer>> sums = p.apply(Create.of(KV.of("a", 1), KV.of("a", 5), KV.of("b", 2)))
          .apply(GroupByKey.create())
          .apply(Combine.groupedValues(Sum.ofIntegers()));
      PAssert.that(sums).containsInAnyOrder(KV.of("a", 6), KV.of("b", 2));
      p.run();
    }

    @Test
    void asSingletonViewReadsTheCombinedValue() {
      PCollectionView<Integer> total = p.apply("Numbers", Create.of(1, 2, 3)).apply(Sum.integersGlobally().asSingletonView());
      PCollection<String> out = p.apply("Main", Create.of("x", "y"))
          .apply(ParDo.of(new AppendSideInputFn(total)).withSideInputs(total));
      PAssert.that(out).containsInAnyOrder("x6", "y6");
      p.run();
    }

    @Test
    void asSingletonViewOfNothingReadsTheFnsDefault() {
      PCollectionView<Integer> total =
          p.apply("Numbers", Create.empty(VarIntCoder.of())).apply(Sum.integersGlobally().asSingletonView());
      PCollection<String> out = p.apply("Main", Create.of("x"))
          .apply(ParDo.of(new AppendSideInputFn(total)).withSideInputs(total));
      PAssert.that(out).containsInAnyOrder("x0");
      p.run();
    }

    @Test
    void aSingletonSideInputOfTwoElementsFailsNamingTheFix() {
      PCollectionView<Integer> notSingle = p.apply("Numbers", Create.of(1, 2)).apply(View.asSingleton());
      p.apply("Main", Create.of("x")).apply(ParDo.of(new AppendSideInputFn(notSingle)).withSideInputs(notSingle));
      PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);
      assertThat(Throwables.getRootCause(e), instanceOf(IllegalArgumentException.class));
      assertThat(Throwables.getRootCause(e).getMessage(),
          allOf(containsString("more than one element"), containsString("Combine.globally")));
    }
  }
}
