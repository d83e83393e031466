package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes {@link Void}, whose only value is null, as zero bytes.
 *
 * <p>Deterministic and consistent with equals: there is one value and one (empty) encoding.
 */
public final class VoidCoder extends AtomicCoder<Void> {
  private static final long serialVersionUID = 1L;
  private static final VoidCoder INSTANCE = new VoidCoder();
  private static final TypeDescriptor<Void> TYPE = TypeDescriptor.of(Void.class);
  private static final Object STRUCTURAL_NULL = new StructuralByteArray(new byte[0]);

  private VoidCoder() {}

  /** The coder; a singleton. */
  public static VoidCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Void value, OutputStream out) {}

  @Override
  public Void decode(InputStream in) {
    return null;
  }

  /** Does nothing: the encoding is always empty. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  /** The same object for every value, since there is only one. */
  @Override
  public Object structuralValue(Void value) {
    return STRUCTURAL_NULL;
  }

  @Override
  public TypeDescriptor<Void> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
