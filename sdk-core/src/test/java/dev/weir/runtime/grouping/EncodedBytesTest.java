package dev.weir.runtime.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedBytesTest {
  private static final List<byte[]> ENCODINGS = List.of(
      new byte[] {}, new byte[] {0}, new byte[] {1}, new byte[] {1, 0}, new byte[] {1, 0, 0},
      new byte[] {(byte) 0xff}, new byte[] {1, (byte) 0xff}, new byte[] {0, 5},
      new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 10},
      new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) 0x80});

  @Test
  void ordersAsTheUnsignedBytesDoIncludingPrefixesAndZeros() {
    for (byte[] left : ENCODINGS) {
      for (byte[] right : ENCODINGS) {
        assertEquals(Integer.signum(Arrays.compareUnsigned(left, right)),
            Integer.signum(new EncodedBytes(left).compareTo(new EncodedBytes(right))),
            Arrays.toString(left) + " vs " + Arrays.toString(right));
      }
    }
  }

  @Test
  void equalsExactlyWhenTheBytesAreEqual() {
    for (byte[] left : ENCODINGS) {
      for (byte[] right : ENCODINGS) {
        assertEquals(Arrays.equals(left, right), new EncodedBytes(left).equals(new EncodedBytes(right.clone())),
            Arrays.toString(left) + " vs " + Arrays.toString(right));
      }
    }
  }
}
