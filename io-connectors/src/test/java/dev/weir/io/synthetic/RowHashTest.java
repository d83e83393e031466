package dev.weir.io.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The row hash and checksum of the spec; the expected literals were computed in Python. */
class RowHashTest {
  @Test
  void fnv1a64OfTheEmptyStringIsTheOffsetBasis() {
    assertEquals(0xcbf29ce484222325L, RowHash.fnv1a64(""));
  }

  @Test
  void fnv1a64HashesUtf8Bytes() {
    assertEquals(617416494031829132L, RowHash.fnv1a64("d7"));
    assertEquals(775193114114000874L, RowHash.fnv1a64("ü"));
  }

  @Test
  void foldsEachFollowingFieldWithMix() {
    assertEquals(-2813663401561356811L, RowHash.of("d7", 17, 1234));
    assertEquals(-6905282411495024192L, RowHash.of("d1", -5));
    assertEquals(RowHash.fnv1a64("d7"), RowHash.of("d7"));
  }

  @Test
  void checksumIsTheWrappingSumOfRowHashesInAnyOrder() {
    Checksum forward = new Checksum().add(Long.MAX_VALUE).add(2).add(-7);
    Checksum backward = new Checksum().add(-7).add(2).add(Long.MAX_VALUE);
    assertEquals(Long.MIN_VALUE - 6, forward.value());
    assertEquals(forward.value(), backward.value());
    assertEquals(3, forward.rows());
  }

  @Test
  void checksumsOfPartsAddUpToTheWhole() {
    Checksum whole = new Checksum().add(5).add(-9).add(11);
    Checksum parts = new Checksum().add(5).addAll(new Checksum().add(-9).add(11));
    assertEquals(whole.value(), parts.value());
    assertEquals(whole.rows(), parts.rows());
    assertEquals("rows=3 checksum=7", parts.toString());
  }
}
