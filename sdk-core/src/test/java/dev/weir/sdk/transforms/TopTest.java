package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Top}. */
class TopTest {

  @Test
  void keepsTheLargestLargestFirst() throws Exception {
    CombineFnTester.testCombineFn(
        Top.<Integer>largestFn(3), List.of(5, 1, 9, 7, 3, 8), VarIntCoder.of(), equalTo(List.of(9, 8, 7)));
  }

  @Test
  void keepsTheSmallestSmallestFirst() throws Exception {
    CombineFnTester.testCombineFn(
        Top.<String>smallestFn(2), List.of("d", "b", "a", "c"), StringUtf8Coder.of(), equalTo(List.of("a", "b")));
  }

  @Test
  void keepsDuplicatesThatAreAmongTheLargest() throws Exception {
    CombineFnTester.testCombineFn(
        Top.<Integer>largestFn(3), List.of(4, 9, 1, 9), VarIntCoder.of(), equalTo(List.of(9, 9, 4)));
  }

  @Test
  void keepsEverythingWhenThereAreFewerInputsThanTheCount() throws Exception {
    CombineFnTester.testCombineFn(Top.<Integer>largestFn(10), List.of(2, 1), VarIntCoder.of(), equalTo(List.of(2, 1)));
  }

  @Test
  void aCountOfZeroKeepsNothing() throws Exception {
    CombineFnTester.testCombineFn(Top.<Integer>largestFn(0), List.of(2, 1), VarIntCoder.of(), empty());
  }

  @Test
  void theTopOfNothingIsAnEmptyList() {
    assertThat(Top.<Integer>largestFn(3).defaultValue(), empty());
  }

  @Test
  void aNegativeCountFailsNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Top.<Integer>largest(-1));
    assertThat(e.getMessage(), containsString("count must be >= 0, was -1"));
  }
}
