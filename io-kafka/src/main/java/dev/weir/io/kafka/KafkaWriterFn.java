package dev.weir.io.kafka;

import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.values.KV;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.joda.time.Instant;

/**
 * Writes each element to Kafka with an idempotent producer (the write without exactly-once): at
 * least once across retries of a bundle, with no duplicates from the producer's own retries. A
 * bundle finishes only once every record it sent is acknowledged; the first send failure fails the
 * bundle. One instance per thread; the producer lives from {@code @Setup} to {@code @Teardown}.
 */
final class KafkaWriterFn<K, V> extends DoFn<KV<K, V>, Void> {
  private static final long serialVersionUID = 1L;

  private final WriteSpec<K, V> spec;
  private transient Producer<byte[], byte[]> producer;
  private transient RecordEncoder<K, V> encoder;
  private transient AtomicReference<Exception> failure;

  KafkaWriterFn(WriteSpec<K, V> spec) {
    this.spec = spec;
  }

  @Setup
  public void setup() {
    producer = new KafkaProducer<>(spec.producerProperties());
    encoder = new RecordEncoder<>(spec);
    failure = new AtomicReference<>();
  }

  @ProcessElement
  public void process(@Element KV<K, V> element, @Timestamp Instant timestamp) throws IOException {
    checkFailure();
    Long time = spec.inputTimestamp() ? timestamp.getMillis() : null;
    producer.send(new ProducerRecord<>(spec.topic(), null, time, encoder.key(element.getKey()),
        encoder.value(element.getValue())), (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
  }

  @FinishBundle
  public void finishBundle() throws IOException {
    producer.flush();
    checkFailure();
  }

  private void checkFailure() throws IOException {
    Exception error = failure.get();
    if (error != null) {
      throw new IOException("KafkaIO.write(): sending to topic '" + spec.topic() + "' at " + spec.bootstrapServers()
          + " failed: " + error, error);
    }
  }

  @Teardown
  public void teardown() {
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(10));
    }
    if (encoder != null) {
      encoder.close();
    }
  }
}
