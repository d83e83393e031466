package dev.weir.io.kafka;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.StructuredCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * What the Kafka source reads per log record: the deserialized record or, when deserializing or
 * stamping it failed, a dead letter; exactly one is non-null. {@link SplitOutcomesFn} sends each to
 * its output.
 *
 * @param record the record, or null
 * @param deadLetter the dead letter, or null
 */
record ReadOutcome<K, V>(KafkaRecord<K, V> record, KafkaDeadLetter deadLetter) {
  ReadOutcome {
    checkArgument((record == null) != (deadLetter == null), "exactly one of record and deadLetter is set");
  }

  static <K, V> ReadOutcome<K, V> of(KafkaRecord<K, V> record) {
    return new ReadOutcome<>(record, null);
  }

  static <K, V> ReadOutcome<K, V> failed(KafkaDeadLetter deadLetter) {
    return new ReadOutcome<>(null, deadLetter);
  }

  /** A tag byte (0 record, 1 dead letter) and then the one that is set. */
  static final class OutcomeCoder<K, V> extends StructuredCoder<ReadOutcome<K, V>> {
    private static final long serialVersionUID = 1L;

    private final KafkaRecordCoder<K, V> recordCoder;

    OutcomeCoder(KafkaRecordCoder<K, V> recordCoder) {
      this.recordCoder = recordCoder;
    }

    @Override
    public void encode(ReadOutcome<K, V> outcome, OutputStream out) throws IOException {
      if (outcome.record() != null) {
        out.write(0);
        recordCoder.encode(outcome.record(), out);
      } else {
        out.write(1);
        KafkaDeadLetterCoder.of().encode(outcome.deadLetter(), out);
      }
    }

    @Override
    public ReadOutcome<K, V> decode(InputStream in) throws IOException {
      int tag = in.read();
      return switch (tag) {
        case 0 -> of(recordCoder.decode(in));
        case 1 -> failed(KafkaDeadLetterCoder.of().decode(in));
        default -> throw new CoderException("Unexpected tag " + tag + " in an encoded Kafka read outcome");
      };
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of(recordCoder);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      recordCoder.verifyDeterministic();
    }
  }
}
