package dev.weir.sdk.testing;

import java.util.Arrays;

/**
 * Child programs that misbehave in one way each, for the tests of {@link ChildJvm} and
 * {@link CrashTester}. The first argument picks the behaviour:
 *
 * <ul>
 *   <li>{@code hang}: installs a shutdown hook that prints {@code shutdown hook ran}, prints
 *       {@code hanging pid=<pid>}, and waits forever;
 *   <li>{@code fail}: prints {@code boom: <rest of the arguments>} and exits with status 3;
 *   <li>{@code echo}: prints {@code args=<arguments after the first, comma-separated>} and
 *       {@code maxHeapMb=<the heap limit in MiB>}, and exits normally.
 * </ul>
 */
public final class MisbehavingChild {
  private MisbehavingChild() {}

  public static void main(String[] args) throws InterruptedException {
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "hang" -> {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        System.out.println("hanging pid=" + ProcessHandle.current().pid());
        Object never = new Object();
        synchronized (never) {
          while (true) {
            never.wait();
          }
        }
      }
      case "fail" -> {
        System.out.println("boom: " + String.join(" ", rest));
        System.exit(3);
      }
      case "echo" -> {
        System.out.println("args=" + String.join(",", rest));
        System.out.println("maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
      }
      default -> throw new IllegalArgumentException("unknown behaviour " + args[0]);
    }
  }
}
