package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.TypeDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IterableCoderTest {
  private static final IterableCoder<Integer> CODER = IterableCoder.of(VarIntCoder.of());

  @Test
  void roundTripsAnEmptyIterable() throws Exception {
    assertEquals(List.of(), toList(CoderProperties.decodeEncode(CODER, List.of())));
  }

  @Test
  void encodesAVarintCountThenTheElements() throws Exception {
    assertArrayEquals(new byte[] {3, 1, 2, 3}, CoderProperties.encode(CODER, List.of(1, 2, 3)));
  }

  @Test
  void encodesAnIterableThatIsNotACollectionLikeTheEqualList() throws Exception {
    Iterable<Integer> lazy = () -> List.of(1, 2, 3).iterator();
    assertArrayEquals(CoderProperties.encode(CODER, List.of(1, 2, 3)), CoderProperties.encode(CODER, lazy));
  }

  @Test
  void iteratesANonCollectionIterableOnlyOnce() throws Exception {
    AtomicInteger iterations = new AtomicInteger();
    Iterable<Integer> counted = () -> {
      iterations.incrementAndGet();
      return List.of(4, 5).iterator();
    };
    CoderProperties.encode(CODER, counted);
    assertEquals(1, iterations.get());
  }

  @Test
  void roundTripsTenThousandElements() throws Exception {
    List<Integer> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(i * 7919);
    }
    assertEquals(many, toList(CoderUtils.clone(CODER, many)));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, List.of(1), List.of());
  }

  @Test
  void encodesNullElementsWhenTheElementCoderIsNullable() throws Exception {
    IterableCoder<Integer> coder = IterableCoder.of(NullableCoder.of(VarIntCoder.of()));
    assertEquals(Arrays.asList(1, null, 3), toList(CoderProperties.decodeEncode(coder, Arrays.asList(1, null, 3))));
  }

  @Test
  void rejectsANullIterableNamingTheFix() {
    CoderException e = assertThrows(CoderException.class, () -> CoderProperties.encode(CODER, null));
    assertEquals("cannot encode a null Iterable; wrap the coder in NullableCoder", e.getMessage());
  }

  @Test
  void isNotDeterministicBecauseIterationOrderIsNotIdentity() {
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, CODER::verifyDeterministic);
    assertTrue(e.getMessage().contains("iteration order of an Iterable"), e.getMessage());
  }

  @Test
  void givesIterablesWithTheSameElementsEqualStructuralValues() throws Exception {
    Iterable<Integer> lazy = () -> List.of(1, 2).iterator();
    assertEquals(CODER.structuralValue(List.of(1, 2)), CODER.structuralValue(lazy));
    CoderProperties.structuralValueMatchesEncoding(CODER, List.of(1, 2), lazy);
    CoderProperties.structuralValueMatchesEncoding(CODER, List.of(1, 2), List.of(2, 1));
  }

  @Test
  void reportsTheEncodedTypeFromItsElementCoder() {
    assertEquals(new TypeDescriptor<Iterable<Integer>>() {}, CODER.getEncodedTypeDescriptor());
  }

  private static <T> List<T> toList(Iterable<T> iterable) {
    List<T> list = new ArrayList<>();
    iterable.forEach(list::add);
    return list;
  }
}
