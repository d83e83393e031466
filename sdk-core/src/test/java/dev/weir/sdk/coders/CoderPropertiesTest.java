package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** The checks in {@link CoderProperties} catch the mistakes they exist for. */
class CoderPropertiesTest {
  /** Writes one byte per value but reads two: not self-delimiting. */
  static final class OverReadingCoder extends CustomCoder<Integer> {
    @Override
    public void encode(Integer value, OutputStream out) throws IOException {
      out.write(value);
    }

    @Override
    public Integer decode(InputStream in) throws IOException {
      int value = in.read();
      in.read();
      return value;
    }
  }

  /** Assumes one read fills its whole buffer, which a slow stream does not promise. */
  static class OneReadCoder extends CustomCoder<byte[]> {
    @Override
    public void encode(byte[] value, OutputStream out) throws IOException {
      out.write(value.length);
      out.write(value);
    }

    @Override
    public byte[] decode(InputStream in) throws IOException {
      byte[] bytes = new byte[in.read()];
      int read = in.read(bytes);
      if (read != bytes.length) {
        throw new CoderException("short read");
      }
      return bytes;
    }
  }

  @Test
  void roundTripCatchesACoderThatReadsPastItsEncoding() {
    assertThrows(AssertionError.class, () -> CoderProperties.coderDecodeEncodeEqual(new OverReadingCoder(), 5));
  }

  @Test
  void backToBackCatchesACoderThatReadsPastItsEncoding() {
    assertThrows(AssertionError.class, () -> CoderProperties.coderDecodesBackToBack(new OverReadingCoder(), 1, 2));
  }

  @Test
  void roundTripCatchesACoderThatAssumesFullReads() {
    assertThrows(CoderException.class,
        () -> CoderProperties.coderDecodeEncodeEqual(new OneReadCoder(), new byte[] {1, 2, 3}));
  }

  @Test
  void structuralCheckCatchesStructuralValuesThatIgnoreTheEncoding() {
    Coder<byte[]> identityStructural = new OneReadCoder() {
      @Override
      public Object structuralValue(byte[] value) {
        return value;
      }
    };
    assertThrows(AssertionError.class,
        () -> CoderProperties.structuralValueMatchesEncoding(identityStructural, new byte[] {1}, new byte[] {1}));
  }
}
