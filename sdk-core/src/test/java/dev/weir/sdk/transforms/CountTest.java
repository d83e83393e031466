package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Count}. */
class CountTest {

  @Test
  void countFnCountsAcrossShards() throws Exception {
    CombineFnTester.testCombineFn(
        Count.<String>combineFn(), List.of("a", "b", "a", "c", "d"), StringUtf8Coder.of(), equalTo(5L));
  }

  @Test
  void theCountOfNothingIsZero() {
    assertThat(Count.<String>combineFn().defaultValue(), equalTo(0L));
  }

  /** Count on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void globallyCountsAllElements() {
      PAssert.that(p.apply(Create.of("a", "b", "a")).apply(Count.globally())).containsInAnyOrder(3L);
      p.run();
    }

    @Test
    void globallyCountsNothingAsZero() {
      PAssert.that(p.apply(Create.empty(StringUtf8Coder.of())).apply(Count.globally())).containsInAnyOrder(0L);
      p.run();
    }

    @Test
    void perKeyCountsTheValuesOfEachKey() {
      PAssert.that(p.apply(Create.of(KV.of("a", 9), KV.of("b", 9), KV.of("a", 8))).apply(Count.perKey()))
          .containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L));
      p.run();
    }

    @Test
    void perElementCountsEachDistinctElement() {
      PAssert.that(p.apply(Create.of("x", "y", "x", "x")).apply(Count.perElement()))
          .containsInAnyOrder(KV.of("x", 3L), KV.of("y", 1L));
      p.run();
    }
  }
}
