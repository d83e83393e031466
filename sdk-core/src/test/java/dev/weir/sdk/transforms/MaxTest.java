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

/** {@link Max}. */
class MaxTest {

  @Test
  void findsTheLargestNumberAcrossShards() throws Exception {
    CombineFnTester.testCombineFn(Max.ofIntegers(), List.of(4, -7, 12, 12, 0), VarIntCoder.of(), equalTo(12));
    CombineFnTester.testCombineFn(Max.ofLongs(), List.of(-4L, -3L, -12L), VarLongCoder.of(), equalTo(-3L));
    CombineFnTester.testCombineFn(Max.ofDoubles(), List.of(2.5, -0.5, 1.0), DoubleCoder.of(), equalTo(2.5));
  }

  @Test
  void theMaximumOfNoNumbersIsTheSmallestValue() {
    assertThat(Max.ofIntegers().defaultValue(), equalTo(Integer.MIN_VALUE));
    assertThat(Max.ofLongs().defaultValue(), equalTo(Long.MIN_VALUE));
    assertThat(Max.ofDoubles().defaultValue(), equalTo(Double.NEGATIVE_INFINITY));
  }

  @Test
  void findsTheLargestByNaturalOrder() throws Exception {
    CombineFnTester.testCombineFn(
        Max.<String>naturalOrder(), List.of("pear", "apple", "fig"), StringUtf8Coder.of(), equalTo("pear"));
    assertThat(Max.<String>naturalOrder().defaultValue(), nullValue());
  }

  @Test
  void findsTheLargestByAComparator() throws Exception {
    CombineFnTester.testCombineFn(
        Max.of(new ByLength()), List.of("pear", "fig", "banana"), StringUtf8Coder.of(), equalTo("banana"));
    assertThat(Max.of("", new ByLength()).defaultValue(), equalTo(""));
  }

  static final class ByLength implements Comparator<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(String a, String b) {
      return Integer.compare(a.length(), b.length());
    }
  }
}
