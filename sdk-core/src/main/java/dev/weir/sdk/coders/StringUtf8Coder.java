package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a {@link String} as a varint byte count followed by its UTF-8 bytes.
 *
 * <p>Deterministic and consistent with equals. Null is rejected (wrap in {@link NullableCoder}).
 * A string holding an unpaired surrogate is not valid Unicode and does not survive the round
 * trip: the surrogate is replaced, as by {@link String#getBytes(java.nio.charset.Charset)}.
 */
public final class StringUtf8Coder extends AtomicCoder<String> {
  private static final long serialVersionUID = 1L;
  private static final StringUtf8Coder INSTANCE = new StringUtf8Coder();
  private static final TypeDescriptor<String> TYPE = TypeDescriptor.of(String.class);

  private StringUtf8Coder() {}

  /** The coder; a singleton. */
  public static StringUtf8Coder of() {
    return INSTANCE;
  }

  @Override
  public void encode(String value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("String");
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    VarInt.encode(bytes.length, out);
    out.write(bytes);
  }

  @Override
  public String decode(InputStream in) throws IOException {
    int length = VarInt.decodeLength(in, "string length");
    return new String(VarInt.readBytes(in, length), StandardCharsets.UTF_8);
  }

  /** Does nothing: UTF-8 gives every string one encoding. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<String> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
