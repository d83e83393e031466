package dev.weir.io.kafka;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.NullableCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.StructuredCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.kafka.common.record.TimestampType;

/**
 * Encodes a {@link KafkaRecord}: topic, partition, offset, timestamp (+1, so that -1 fits a
 * var-long), timestamp type id, then key and value with their nullable coders. Deterministic when
 * the key and value coders are.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KafkaRecordCoder<K, V> extends StructuredCoder<KafkaRecord<K, V>> {
  private static final long serialVersionUID = 1L;

  private final Coder<K> keyCoder;
  private final Coder<V> valueCoder;

  private KafkaRecordCoder(Coder<K> keyCoder, Coder<V> valueCoder) {
    this.keyCoder = NullableCoder.of(keyCoder);
    this.valueCoder = NullableCoder.of(valueCoder);
  }

  /** The coder of records with keys and values encoded by the given coders (nulls allowed). */
  public static <K, V> KafkaRecordCoder<K, V> of(Coder<K> keyCoder, Coder<V> valueCoder) {
    return new KafkaRecordCoder<>(keyCoder, valueCoder);
  }

  @Override
  public void encode(KafkaRecord<K, V> record, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(record.topic(), out);
    VarIntCoder.of().encode(record.partition(), out);
    VarLongCoder.of().encode(record.offset(), out);
    VarLongCoder.of().encode(record.timestamp() + 1, out);
    VarIntCoder.of().encode(record.timestampType().id, out);
    keyCoder.encode(record.key(), out);
    valueCoder.encode(record.value(), out);
  }

  @Override
  public KafkaRecord<K, V> decode(InputStream in) throws IOException {
    String topic = StringUtf8Coder.of().decode(in);
    int partition = VarIntCoder.of().decode(in);
    long offset = VarLongCoder.of().decode(in);
    long timestamp = VarLongCoder.of().decode(in) - 1;
    int typeId = VarIntCoder.of().decode(in);
    TimestampType type = timestampType(typeId);
    return new KafkaRecord<>(topic, partition, offset, timestamp, type, keyCoder.decode(in), valueCoder.decode(in));
  }

  private static TimestampType timestampType(int id) throws CoderException {
    for (TimestampType type : TimestampType.values()) {
      if (type.id == id) {
        return type;
      }
    }
    throw new CoderException("Unknown Kafka timestamp type id " + id + " in an encoded KafkaRecord");
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(keyCoder, valueCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    keyCoder.verifyDeterministic();
    valueCoder.verifyDeterministic();
  }
}
