package dev.weir.io;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link DeadLetter} as its line, file, line number and error, each with a deterministic
 * coder ({@link StringUtf8Coder}, {@link VarLongCoder}).
 *
 * <p>Deterministic and consistent with equals, so dead letters may be keys. A singleton;
 * thread-safe. Null is rejected.
 */
public final class DeadLetterCoder extends AtomicCoder<DeadLetter> {
  private static final long serialVersionUID = 1L;
  private static final DeadLetterCoder INSTANCE = new DeadLetterCoder();

  private DeadLetterCoder() {}

  /** The coder; a singleton. */
  public static DeadLetterCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(DeadLetter value, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(value.line(), out);
    StringUtf8Coder.of().encode(value.file(), out);
    VarLongCoder.of().encode(value.lineNumber(), out);
    StringUtf8Coder.of().encode(value.error(), out);
  }

  @Override
  public DeadLetter decode(InputStream in) throws IOException {
    String line = StringUtf8Coder.of().decode(in);
    String file = StringUtf8Coder.of().decode(in);
    long lineNumber = VarLongCoder.of().decode(in);
    return new DeadLetter(line, file, lineNumber, StringUtf8Coder.of().decode(in));
  }

  /** Does nothing: each component's encoding is deterministic. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<DeadLetter> getEncodedTypeDescriptor() {
    return TypeDescriptor.of(DeadLetter.class);
  }
}
