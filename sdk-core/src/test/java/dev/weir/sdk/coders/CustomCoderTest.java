package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomCoderTest {
  /** Encodes a string reversed, to show a user's coder composing with the standard ones. */
  static class ReversedStringCoder extends CustomCoder<String> {
    @Override
    public void encode(String value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(new StringBuilder(value).reverse().toString(), out);
    }

    @Override
    public String decode(InputStream in) throws IOException {
      return new StringBuilder(StringUtf8Coder.of().decode(in)).reverse().toString();
    }
  }

  static final class DeterministicReversedStringCoder extends ReversedStringCoder {
    @Override
    public void verifyDeterministic() {}
  }

  @Test
  void roundTripsThroughTheUsersEncoding() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(new ReversedStringCoder(), "abc");
    assertEquals("cba", CoderUtils.decodeFromByteArray(StringUtf8Coder.of(),
        CoderUtils.encodeToByteArray(new ReversedStringCoder(), "abc")));
  }

  @Test
  void composesWithStandardCoders() throws Exception {
    CoderProperties.coderDecodesBackToBack(ListCoder.of(new ReversedStringCoder()),
        List.of("one", "two"), List.of());
  }

  @Test
  void isPresumedNonDeterministicUntilOverridden() {
    Coder.NonDeterministicException e =
        assertThrows(Coder.NonDeterministicException.class, new ReversedStringCoder()::verifyDeterministic);
    assertTrue(e.getMessage().contains("override"), e.getMessage());
    assertDoesNotThrow(() -> new DeterministicReversedStringCoder().verifyDeterministic());
  }

  @Test
  void hasNoCoderArguments() {
    assertTrue(new ReversedStringCoder().getCoderArguments().isEmpty());
  }
}
