package dev.weir.sdk.options;

import com.google.common.base.Splitter;
import com.google.common.base.Strings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.joda.time.DateTimeUtils;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;

/**
 * The default of {@link PipelineOptions#getJobName()}: {@code <mainclass>-<user>-<MMddHHmmss>},
 * lower-cased, the time in UTC, for example {@code wordcount-alice-0314093055}.
 *
 * <p>The main class is the class whose {@code main} method is at the bottom of the calling
 * thread's stack, else the first word of the {@code sun.java.command} system property (a jar's
 * file name without {@code .jar}), else {@code weir}; only its simple name is used. The user is
 * the {@code user.name} system property, left out when empty. Characters other than {@code a-z}
 * and {@code 0-9} become {@code 0}, as in Beam. The name is computed once per options object (see
 * {@link DefaultValueFactory}), so every view and every worker sees the same one.
 */
public final class JobNameFactory implements DefaultValueFactory<String> {

  private static final DateTimeFormatter TIME =
      DateTimeFormat.forPattern("MMddHHmmss").withZoneUTC();

  /** Used through {@link Default.InstanceFactory}. */
  public JobNameFactory() {}

  @Override
  public String create(PipelineOptions options) {
    return jobName(
        mainClassName(), System.getProperty("user.name", ""), DateTimeUtils.currentTimeMillis());
  }

  /** The job name for the given parts; {@code mainClass} may be fully qualified. */
  static String jobName(String mainClass, String user, long epochMillis) {
    List<String> parts = new ArrayList<>();
    parts.add(normalize(mainClass.substring(mainClass.lastIndexOf('.') + 1)));
    if (!Strings.isNullOrEmpty(user)) {
      parts.add(normalize(user));
    }
    parts.add(TIME.print(epochMillis));
    return String.join("-", parts);
  }

  /** The main class (or jar base name) named by a {@code sun.java.command} value, else null. */
  static String mainClassFromCommand(String command) {
    if (Strings.isNullOrEmpty(command) || command.isBlank()) {
      return null;
    }
    String first = Splitter.on(' ').omitEmptyStrings().split(command.trim()).iterator().next();
    if (first.endsWith(".jar")) {
      String file = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
      return file.substring(0, file.length() - ".jar".length());
    }
    return first;
  }

  private static String mainClassName() {
    StackTraceElement[] stack = Thread.currentThread().getStackTrace();
    if (stack.length > 0 && stack[stack.length - 1].getMethodName().equals("main")) {
      return stack[stack.length - 1].getClassName();
    }
    String fromCommand = mainClassFromCommand(System.getProperty("sun.java.command"));
    return fromCommand != null ? fromCommand : "weir";
  }

  private static String normalize(String part) {
    return part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "0");
  }
}
