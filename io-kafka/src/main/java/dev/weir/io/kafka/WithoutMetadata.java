package dev.weir.io.kafka;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionTuple;
import dev.weir.sdk.values.TupleTag;
import java.util.List;

/** {@link KafkaIO.Read#withoutMetadata()}: the read, then each record's key and value. */
final class WithoutMetadata<K, V> extends PTransform<PBegin, KafkaIO.ReadResult<KV<K, V>>> {
  private static final long serialVersionUID = 1L;

  private final KafkaIO.Read<K, V> read;

  WithoutMetadata(KafkaIO.Read<K, V> read) {
    this.read = read;
  }

  @Override
  public KafkaIO.ReadResult<KV<K, V>> expand(PBegin input) {
    KafkaIO.ReadResult<KafkaRecord<K, V>> records = input.apply("Read", read);
    // The record coder's arguments are the nullable key and value coders.
    List<? extends Coder<?>> coders = records.output().getCoder().getCoderArguments();
    TupleTag<KV<K, V>> kvTag = new TupleTag<>() {};
    PCollection<KV<K, V>> kvs = records.output().apply("DropMetadata", ParDo.of(new DropMetadataFn<K, V>()));
    @SuppressWarnings("unchecked")
    Coder<K> keyCoder = (Coder<K>) coders.get(0);
    @SuppressWarnings("unchecked")
    Coder<V> valueCoder = (Coder<V>) coders.get(1);
    kvs.setCoder(KvCoder.of(keyCoder, valueCoder));
    return KafkaIO.ReadResult.of(PCollectionTuple.of(kvTag, kvs).and(records.deadLetterTag(), records.deadLetters()),
        kvTag, records.deadLetterTag());
  }

  /** A record's key and value. */
  private static final class DropMetadataFn<K, V> extends DoFn<KafkaRecord<K, V>, KV<K, V>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KafkaRecord<K, V> record, OutputReceiver<KV<K, V>> out) {
      out.output(record.getKV());
    }
  }
}
