package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.weir.sdk.coders.DoubleCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Min}. */
class MinTest {

  @Test
  void findsTheSmallestNumberAcrossShards() throws Exception {
    CombineFnTester.testCombineFn(Min.ofIntegers(), List.of(4, -7, 12, -7, 0), VarIntCoder.of(), equalTo(-7));
    CombineFnTester.testCombineFn(Min.ofLongs(), List.of(4L, 3L, 12L), VarLongCoder.of(), equalTo(3L));
    CombineFnTester.testCombineFn(Min.ofDoubles(), List.of(2.5, -0.5, 1.0), DoubleCoder.of(), equalTo(-0.5));
  }

  @Test
  void theMinimumOfNoNumbersIsTheLargestValue() {
    assertThat(Min.ofIntegers().defaultValue(), equalTo(Integer.MAX_VALUE));
    assertThat(Min.ofLongs().defaultValue(), equalTo(Long.MAX_VALUE));
    assertThat(Min.ofDoubles().defaultValue(), equalTo(Double.POSITIVE_INFINITY));
  }

  @Test
  void findsTheSmallestByNaturalOrder() throws Exception {
    CombineFnTester.testCombineFn(
        Min.<String>naturalOrder(), List.of("pear", "apple", "fig"), StringUtf8Coder.of(), equalTo("apple"));
  }

  @Test
  void naturalOrderOfNothingIsNullOrTheIdentity() {
    assertThat(Min.<String>naturalOrder().defaultValue(), nullValue());
    assertThat(Min.naturalOrder("zzz").defaultValue(), equalTo("zzz"));
  }

  @Test
  void findsTheSmallestByAComparator() throws Exception {
    CombineFnTester.testCombineFn(
        Min.of(new ByLength()), List.of("pear", "fig", "banana"), StringUtf8Coder.of(), equalTo("fig"));
    assertThat(Min.of("none", new ByLength()).defaultValue(), equalTo("none"));
  }

  static final class ByLength implements Comparator<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(String a, String b) {
      return Integer.compare(a.length(), b.length());
    }
  }
}
