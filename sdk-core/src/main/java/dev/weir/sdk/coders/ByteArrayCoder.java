package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@code byte[]} as a varint length followed by the bytes.
 *
 * <p>Deterministic. Not consistent with equals, since arrays compare by identity; the {@link
 * #structuralValue structural value} is a {@link StructuralByteArray} that compares by content, so
 * byte-array keys group correctly. It wraps the array without copying: do not mutate an array
 * while its structural value is in use. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class ByteArrayCoder extends AtomicCoder<byte[]> {
  private static final long serialVersionUID = 1L;
  private static final ByteArrayCoder INSTANCE = new ByteArrayCoder();
  private static final TypeDescriptor<byte[]> TYPE = TypeDescriptor.of(byte[].class);

  private ByteArrayCoder() {}

  /** The coder; a singleton. */
  public static ByteArrayCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(byte[] value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("byte[]");
    }
    VarInt.encode(value.length, out);
    out.write(value);
  }

  @Override
  public byte[] decode(InputStream in) throws IOException {
    return VarInt.readBytes(in, VarInt.decodeLength(in, "byte array length"));
  }

  /** Does nothing: the encoding is the content. */
  @Override
  public void verifyDeterministic() {}

  /** Wraps {@code value} so that it compares by content. */
  @Override
  public Object structuralValue(byte[] value) {
    return new StructuralByteArray(value);
  }

  @Override
  public TypeDescriptor<byte[]> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
