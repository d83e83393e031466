package dev.weir.io.kafka;

import java.io.IOException;
import java.io.InputStream;

/**
 * The main class of the child JVM that {@link KafkaBroker} starts: formats the KRaft storage
 * directory, then runs Kafka's own broker ({@code kafka.Kafka}) with the given properties file.
 *
 * <p>Arguments: the cluster id and the path of the properties file. The broker stops when its
 * standard input closes, which happens when the test JVM that started it ends for any reason
 * (SIGKILL included), so no broker outlives its tests.
 */
public final class BrokerMain {
  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    String clusterId = args[0];
    String config = args[1];
    int formatted = kafka.tools.StorageTool.execute(
        new String[] {"format", "--cluster-id", clusterId, "--config", config, "--ignore-formatted"}, System.out);
    if (formatted != 0) {
      System.err.println("Formatting the KRaft storage failed with exit code " + formatted);
      Runtime.getRuntime().halt(2);
    }
    Thread watchdog = new Thread(BrokerMain::haltWhenParentGone, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    kafka.Kafka.main(new String[] {config});
  }

  private static void haltWhenParentGone() {
    InputStream in = System.in;
    try {
      while (in.read() >= 0) {
        // The parent writes nothing; reading only waits for the end of the stream.
      }
    } catch (IOException e) {
      // A broken pipe means the parent is gone, as an end of stream does.
    }
    Runtime.getRuntime().halt(0);
  }
}
