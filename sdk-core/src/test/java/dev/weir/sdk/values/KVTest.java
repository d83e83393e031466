package dev.weir.sdk.values;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/** {@link KV}. */
class KVTest {

  @Test
  void pairsWithEqualPartsAreEqual() {
    assertThat(KV.of("a", 1), equalTo(KV.of("a", 1)));
    assertThat(KV.of("a", 1).hashCode(), equalTo(KV.of("a", 1).hashCode()));
    assertThat(KV.of("a", 1), not(equalTo(KV.of("a", 2))));
    assertThat(KV.of("a", 1), not(equalTo(KV.of("b", 1))));
  }

  @Test
  void arraysAreComparedByContent() {
    KV<byte[], int[]> one = KV.of(new byte[] {1, 2}, new int[] {3});
    KV<byte[], int[]> other = KV.of(new byte[] {1, 2}, new int[] {3});
    assertThat(one, equalTo(other));
    assertThat(one.hashCode(), equalTo(other.hashCode()));
    assertThat(one, not(equalTo(KV.of(new byte[] {1, 2}, new int[] {4}))));
  }

  @Test
  void nullPartsAreAllowed() {
    assertThat(KV.of(null, null), equalTo(KV.<String, String>of(null, null)));
    assertThat(KV.of("a", null), not(equalTo(KV.of("a", "b"))));
  }

  @Test
  void toStringShowsKeyAndValue() {
    assertThat(KV.of("a", 1).toString(), equalTo("KV{a, 1}"));
  }

  @Test
  void orderByKeyComparesKeys() {
    assertThat(new KV.OrderByKey<String, Integer>().compare(KV.of("a", 9), KV.of("b", 1)), lessThan(0));
  }

  @Test
  void orderByValueComparesValues() {
    assertThat(new KV.OrderByValue<String, Integer>().compare(KV.of("a", 9), KV.of("b", 1)), greaterThan(0));
  }
}
