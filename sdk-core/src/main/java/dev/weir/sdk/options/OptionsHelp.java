package dev.weir.sdk.options;

import com.google.common.base.Joiner;
import dev.weir.sdk.PipelineRunner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prints option help: per interface, each visible option as {@code --name=<Type>}, then its
 * default, whether it is required, and its description.
 *
 * <p>Options are grouped under the interface that declares them and sorted by name; {@link
 * Hidden} options are left out, and so are {@link Hidden} interfaces when all registered ones are
 * printed. Writes only to the given stream. Stateless.
 */
final class OptionsHelp {

  private static final int WIDTH = 88;

  private OptionsHelp() {}

  /** Help for all of {@code interfaces}, each declaring interface printed once. */
  static void printAll(PrintStream out, Collection<Class<? extends PipelineOptions>> interfaces) {
    out.println("Options are passed as --name=value; a boolean alone (--name) means true, and a");
    out.println("list takes repeated flags or comma-separated values.");
    out.println("Use --help=<OptionsInterface> to show a single interface.");
    List<OptionsSpec> specs = new ArrayList<>();
    for (Class<? extends PipelineOptions> iface : interfaces) {
      if (!iface.isAnnotationPresent(Hidden.class)) {
        specs.add(OptionsSpec.of(iface));
      }
    }
    printGrouped(out, specs, null);
  }

  /**
   * Help as {@code --help} asks for it: all {@code interfaces} when {@code wanted} is null (a bare
   * {@code --help}) or {@code true}, else the one interface named {@code wanted} (simple name in
   * any case, or qualified name, even if unregistered). Returns the exit status: 0, or 1 after
   * printing the registered names when {@code wanted} names no interface or several.
   */
  static int printForHelpFlag(
      PrintStream out, String wanted, Collection<Class<? extends PipelineOptions>> interfaces) {
    if (wanted == null || wanted.equalsIgnoreCase("true")) {
      printAll(out, interfaces);
      return 0;
    }
    List<Class<? extends PipelineOptions>> matches = new ArrayList<>();
    for (Class<? extends PipelineOptions> iface : interfaces) {
      if (iface.getName().equals(wanted) || iface.getSimpleName().equalsIgnoreCase(wanted)) {
        matches.add(iface);
      }
    }
    if (matches.isEmpty()) {
      byClassName(wanted).ifPresent(matches::add);
    }
    if (matches.size() == 1) {
      printInterface(out, matches.get(0));
      return 0;
    }
    out.println(
        (matches.isEmpty()
                ? "No registered options interface is called '" + wanted + "'."
                : "The name '" + wanted + "' matches several options interfaces.")
            + " Registered interfaces: "
            + Joiner.on(", ").join(interfaces.stream().map(Class::getName).toList())
            + ". Use --help=<fully qualified name>.");
    return 1;
  }

  /** Help for {@code iface}: its own options first, then those it inherits. */
  static void printInterface(PrintStream out, Class<? extends PipelineOptions> iface) {
    printGrouped(out, List.of(OptionsSpec.of(iface)), iface);
  }

  private static void printGrouped(PrintStream out, List<OptionsSpec> specs, Class<?> first) {
    Comparator<Class<?>> order =
        Comparator.<Class<?>, Boolean>comparing(c -> !c.equals(first))
            .thenComparing(Class::getName);
    Map<Class<?>, Map<String, PropertySpec>> byInterface = new TreeMap<>(order);
    for (OptionsSpec spec : specs) {
      for (PropertySpec property : spec.properties()) {
        if (!property.hidden()) {
          byInterface
              .computeIfAbsent(property.declaringInterface(), c -> new TreeMap<>())
              .putIfAbsent(property.name(), property);
        }
      }
    }
    byInterface.forEach((iface, properties) -> {
      out.println();
      out.println(iface.getName() + ":");
      Description about = iface.getAnnotation(Description.class);
      if (about != null) {
        printWrapped(out, "  ", about.value());
      }
      out.println();
      properties.values().forEach(property -> printProperty(out, property));
    });
  }

  private static void printProperty(PrintStream out, PropertySpec property) {
    out.println("  --" + property.name() + "=<" + typeText(property) + ">");
    property.defaultText().ifPresent(text -> out.println("    Default: " + text));
    property.required().ifPresent(required -> out.println(
        required.groups().length == 0
            ? "    Required"
            : "    Required: one of group " + Joiner.on(", ").join(required.groups())));
    property.description().ifPresent(text -> printWrapped(out, "    ", text));
    if (property.name().equals("runner")
        && property.declaringInterface() == PipelineOptions.class) {
      List<Class<? extends PipelineRunner<?>>> runners = RunnerNames.registered();
      String listed = runners.isEmpty() ? "none" : RunnerNames.describe(runners);
      printWrapped(out, "    ", "Runners on the classpath: " + listed);
    }
  }

  private static String typeText(PropertySpec property) {
    Class<?> raw = property.rawType();
    if (raw.isEnum()) {
      return raw.getSimpleName() + ": " + Joiner.on(" | ").join(PropertySpec.enumNames(raw));
    }
    return PropertySpec.typeName(property.type());
  }

  private static void printWrapped(PrintStream out, String indent, String text) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.trim().split("\\s+")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line);
  }

  private static Optional<Class<? extends PipelineOptions>> byClassName(String name) {
    try {
      Class<?> found = Class.forName(name, false, RunnerNames.classLoader());
      return found.isInterface() && PipelineOptions.class.isAssignableFrom(found)
          ? Optional.of(found.asSubclass(PipelineOptions.class))
          : Optional.empty();
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
