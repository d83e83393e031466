package dev.weir.io.kafka;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.NullableCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link KafkaDeadLetter} field by field, in declaration order (the timestamp plus one,
 * so that -1 fits a var-long); deterministic.
 */
public final class KafkaDeadLetterCoder extends AtomicCoder<KafkaDeadLetter> {
  private static final long serialVersionUID = 1L;
  private static final KafkaDeadLetterCoder INSTANCE = new KafkaDeadLetterCoder();
  private static final Coder<byte[]> BYTES = NullableCoder.of(ByteArrayCoder.of());

  private KafkaDeadLetterCoder() {}

  public static KafkaDeadLetterCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(KafkaDeadLetter letter, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(letter.topic(), out);
    VarIntCoder.of().encode(letter.partition(), out);
    VarLongCoder.of().encode(letter.offset(), out);
    VarLongCoder.of().encode(letter.timestamp() + 1, out);
    BYTES.encode(letter.key(), out);
    BYTES.encode(letter.value(), out);
    StringUtf8Coder.of().encode(letter.error(), out);
  }

  @Override
  public KafkaDeadLetter decode(InputStream in) throws IOException {
    return new KafkaDeadLetter(StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in),
        VarLongCoder.of().decode(in), VarLongCoder.of().decode(in) - 1, BYTES.decode(in), BYTES.decode(in),
        StringUtf8Coder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
