package dev.weir.io.kafka;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.values.KV;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A single-node Kafka cluster in KRaft mode (one process acting as broker and controller, no
 * ZooKeeper) for the tests of this module, started from Kafka's own Maven artifacts in a child
 * JVM on free local ports, with its data in a fresh temporary directory.
 *
 * <p>Use it as a JUnit extension ({@code @ExtendWith(KafkaBroker.class)}) and reach it with
 * {@link #get()}: the first test class that needs it starts it, every later class in the same test
 * JVM shares it, and JUnit stops it (and deletes its directory) when the test run ends. A child JVM
 * keeps the broker's threads, Scala runtime and logging out of the test JVM and starts in a few
 * seconds; the child also stops when the test JVM dies, since it watches its standard input.
 * Tests keep apart by using topics of their own ({@link #createTopic}).
 *
 * <p>Records stay whatever their timestamps: time-based retention is off (a topic may still set
 * its own {@code retention.ms}), so that the old timestamps tests use do not get records deleted
 * while they are being read.
 *
 * <p>Thread-safe.
 */
public final class KafkaBroker implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
  private static final long START_TIMEOUT_SECONDS = 120;
  /** How often the broker deletes what its retention settings let it. */
  static final long RETENTION_CHECK_MILLIS = 500;
  private static KafkaBroker running;

  private final Path dir;
  private final Process process;
  private final String bootstrapServers;
  private final Admin admin;

  /** For JUnit's {@code @ExtendWith}; the broker itself starts in {@link #beforeAll}. */
  public KafkaBroker() {
    this.dir = null;
    this.process = null;
    this.bootstrapServers = null;
    this.admin = null;
  }

  private KafkaBroker(Path dir, Process process, String bootstrapServers, Admin admin) {
    this.dir = dir;
    this.process = process;
    this.bootstrapServers = bootstrapServers;
    this.admin = admin;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (KafkaBroker.class) {
      if (running == null) {
        KafkaBroker started = start();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(KafkaBroker.class, started);
        running = started;
      }
    }
  }

  /** The running broker. */
  public static synchronized KafkaBroker get() {
    checkState(running != null, "No Kafka broker runs. Fix: annotate the test class with @ExtendWith(KafkaBroker.class)");
    return running;
  }

  /** {@code host:port} of the broker's client listener. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** An admin client of the broker, shared; do not close it. */
  public Admin admin() {
    return admin;
  }

  /** Creates {@code topic} with {@code partitions} partitions, waiting until it exists. */
  public void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
  }

  /** Raises the partition count of {@code topic} to {@code partitions}. */
  public void addPartitions(String topic, int partitions) throws ExecutionException, InterruptedException {
    admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get();
  }

  /** Sends {@code value} with {@code key} to {@code partition} of {@code topic}, stamped {@code timestamp}. */
  public void send(String topic, int partition, String key, byte[] value, long timestamp)
      throws ExecutionException, InterruptedException {
    try (Producer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      producer.send(new ProducerRecord<>(topic, partition, timestamp, key, value)).get();
    }
  }

  /**
   * Sends {@code count} records with values {@code "0"}, {@code "1"}, ... spread round-robin over
   * {@code partitions} partitions of {@code topic}, all stamped {@code timestamp}, through one
   * producer.
   */
  public void sendMany(String topic, int partitions, int count, long timestamp)
      throws ExecutionException, InterruptedException {
    try (Producer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        sent.add(producer.send(new ProducerRecord<>(topic, i % partitions, timestamp, null,
            Integer.toString(i).getBytes(StandardCharsets.UTF_8))));
      }
      for (java.util.concurrent.Future<?> future : sent) {
        future.get();
      }
    }
  }

  /** Sends {@code value} as UTF-8 text; see {@link #send(String, int, String, byte[], long)}. */
  public void send(String topic, int partition, String key, String value, long timestamp)
      throws ExecutionException, InterruptedException {
    send(topic, partition, key, value.getBytes(StandardCharsets.UTF_8), timestamp);
  }

  /**
   * Every record of {@code topic} that a {@code read_committed} consumer sees, as key and value
   * text, partition by partition in offset order; reads up to the last stable offsets.
   */
  public List<KV<String, String>> readCommitted(String topic) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<KV<String, String>> records = new ArrayList<>();
    try (Consumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      partitions.sort(Comparator.comparingInt(TopicPartition::partition));
      for (TopicPartition partition : partitions) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        while (consumer.position(partition) < end) {
          consumer.poll(java.time.Duration.ofMillis(100)).forEach(r -> records.add(KV.of(r.key(), r.value())));
        }
      }
    }
    return records;
  }

  private static KafkaBroker start() throws IOException, InterruptedException, ExecutionException {
    Path dir = Files.createTempDirectory("weir-kafka-");
    int brokerPort = freePort();
    int controllerPort = freePort();
    Path config = dir.resolve("server.properties");
    Files.writeString(config, properties(dir.resolve("data"), brokerPort, controllerPort), StandardCharsets.UTF_8);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(),
        Uuid.randomUuid().toString(), config.toString()));
    File log = dir.resolve("broker.log").toFile();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    String bootstrap = "localhost:" + brokerPort;
    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(START_TIMEOUT_SECONDS)));
    KafkaBroker broker = new KafkaBroker(dir, process, bootstrap, admin);
    try {
      // The admin client retries until the broker answers; the child's exit ends the wait too.
      admin.describeCluster().nodes().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
      broker.close();
      throw new IllegalStateException("The test Kafka broker did not start; its output:\n" + output, e);
    }
    return broker;
  }

  private static String properties(Path data, int brokerPort, int controllerPort) {
    return String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@localhost:" + controllerPort,
        "listeners=PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort,
        "advertised.listeners=PLAINTEXT://localhost:" + brokerPort,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + data,
        "num.partitions=1",
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "num.network.threads=1",
        "num.io.threads=2",
        "background.threads=2",
        "log.flush.interval.messages=9223372036854775807",
        // Tests stamp records long ago (1970): time retention would delete them all at its first
        // pass, and a read running then would silently end early.
        "log.retention.ms=-1",
        // Retention passes start at once and come often, so that one shows in a test right away
        // (by default the first comes 30 s after start, then one every 5 minutes).
        "log.initial.task.delay.ms=0",
        "log.retention.check.interval.ms=" + RETENTION_CHECK_MILLIS,
        "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /** Stops the broker and deletes its directory; called by JUnit when the test run ends. */
  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(5));
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete the test broker's directory " + dir, e);
    }
  }
}
