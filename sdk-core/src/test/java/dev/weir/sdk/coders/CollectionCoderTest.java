package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.TypeDescriptor;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionCoderTest {
  private static final CollectionCoder<Long> CODER = CollectionCoder.of(VarLongCoder.of());

  @Test
  void roundTripsACollectionAsAListInIterationOrder() throws Exception {
    Collection<Long> deque = new ArrayDeque<>(List.of(3L, 1L, 2L));
    assertEquals(List.of(3L, 1L, 2L), CoderProperties.decodeEncode(CODER, deque));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, List.of(), List.of(Long.MAX_VALUE));
  }

  @Test
  void isNotDeterministicBecauseIterationOrderIsNotIdentity() {
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, CODER::verifyDeterministic);
    assertTrue(e.getMessage().contains("iteration order of a Collection"), e.getMessage());
  }

  @Test
  void reportsTheEncodedTypeFromItsElementCoder() {
    assertEquals(new TypeDescriptor<Collection<Long>>() {}, CODER.getEncodedTypeDescriptor());
  }
}
