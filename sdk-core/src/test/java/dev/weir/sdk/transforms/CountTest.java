package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.weir.sdk.coders.StringUtf8Coder;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
