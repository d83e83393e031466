package dev.weir.sdk.options;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ListMultimap;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Creates {@link PipelineOptions}, from defaults or from command-line flags.
 *
 * <p>Options objects are dynamic proxies over one thread-safe value map: {@code as(X.class)} on
 * any of them returns a view through interface {@code X} over the same values. An options
 * interface extends {@link PipelineOptions} and holds only getter/setter pairs of matching types
 * (a malformed interface is rejected with an {@link IllegalArgumentException} naming it and the
 * method). Proxies are {@link java.io.Serializable}, print their set values in {@code toString}
 * and are equal when they view the same values.
 *
 * <p>Flags are {@code --name=value} ({@code --name value} is not supported; a boolean alone,
 * {@code --name}, means true); they are parsed when {@link Builder#create()} or {@link
 * Builder#as} runs, against every registered interface (see {@link #register}, {@link
 * PipelineOptionsRegistrar}) plus the one asked for. {@code --runner} takes a runner's name as
 * described in {@link dev.weir.sdk.runners.PipelineRunnerRegistrar}. {@code --help} prints the
 * options of every registered interface to standard output and exits the JVM with status 0;
 * {@code --help=Name} prints one interface, found by simple name (any case) or qualified name,
 * and exits with status 1 if no interface, or more than one, has that name.
 *
 * <p>All methods are thread-safe. Errors a user can fix (unknown or malformed flag, bad value,
 * missing required option) are {@link IllegalArgumentException}s that name the flag and the fix.
 */
public final class PipelineOptionsFactory {

  private static volatile PrintStream helpOutput;
  private static volatile IntConsumer exitHook;

  private PipelineOptionsFactory() {}

  /** New options with every option at its default. */
  public static PipelineOptions create() {
    return new Builder(new String[0], false, true).create();
  }

  /** New options with every option at its default, viewed as {@code klass}. */
  public static <T extends PipelineOptions> T as(Class<T> klass) {
    return new Builder(new String[0], false, true).as(klass);
  }

  /** A builder of options from command-line {@code args}; nothing is parsed until it builds. */
  public static Builder fromArgs(String... args) {
    checkNotNull(args, "args");
    return new Builder(args.clone(), false, true);
  }

  /**
   * Makes {@code iface}'s options parse from flags and appear in {@code --help}. Throws {@link
   * IllegalArgumentException} if {@code iface} is malformed or contradicts a registered interface
   * on an option's type.
   */
  public static void register(Class<? extends PipelineOptions> iface) {
    OptionsRegistry.register(checkNotNull(iface, "iface"));
  }

  /** The registered options interfaces, sorted by name; always includes {@link PipelineOptions}. */
  public static Set<Class<? extends PipelineOptions>> getRegisteredOptions() {
    return OptionsRegistry.registered();
  }

  /** Prints the options of every registered (non-{@link Hidden}) interface to {@code out}. */
  public static void printHelp(PrintStream out) {
    OptionsHelp.printAll(checkNotNull(out, "out"), OptionsRegistry.registered());
  }

  /** Prints the options of {@code iface}, own and inherited, to {@code out}. */
  public static void printHelp(PrintStream out, Class<? extends PipelineOptions> iface) {
    OptionsHelp.printInterface(checkNotNull(out, "out"), checkNotNull(iface, "iface"));
  }

  /**
   * Replaces where {@code --help} prints and how it exits the JVM; nulls restore standard output
   * and {@link System#exit}. For tests of {@code --help}.
   */
  static void setHelpHooks(PrintStream output, IntConsumer exit) {
    helpOutput = output;
    exitHook = exit;
  }

  /**
   * Builds options from command-line arguments. Immutable: {@code with...} methods return a new
   * builder. Building parses the flags and, with validation, checks required options; failures
   * throw {@link IllegalArgumentException}.
   */
  public static final class Builder {
    private final String[] args;
    private final boolean validation;
    private final boolean strictParsing;

    private Builder(String[] args, boolean validation, boolean strictParsing) {
      this.args = args;
      this.validation = validation;
      this.strictParsing = strictParsing;
    }

    /** Also checks {@link Validation.Required} options of the interface built. */
    public Builder withValidation() {
      return new Builder(args, true, strictParsing);
    }

    /**
     * Ignores malformed arguments (with a warning) and keeps flags that no known interface
     * declares, instead of failing; a later {@code as()} of an interface that declares such a flag
     * parses it then.
     */
    public Builder withoutStrictParsing() {
      return new Builder(args, validation, false);
    }

    /** The options, viewed as {@link PipelineOptions}. */
    public PipelineOptions create() {
      return as(PipelineOptions.class);
    }

    /** The options, viewed as {@code klass}. */
    public <T extends PipelineOptions> T as(Class<T> klass) {
      checkNotNull(klass, "klass");
      OptionsSpec.of(klass);
      ListMultimap<String, String> flags = FlagParser.parse(args, strictParsing);
      Set<Class<? extends PipelineOptions>> interfaces =
          new LinkedHashSet<>(OptionsRegistry.registered());
      interfaces.add(klass);
      if (flags.containsKey("help")) {
        printHelpAndExit(flags.get("help"), interfaces);
      }
      List<OptionsSpec> specs = new ArrayList<>();
      interfaces.forEach(iface -> specs.add(OptionsSpec.of(iface)));
      FlagBinder.Bound bound = FlagBinder.bind(flags, specs, strictParsing);
      T options = new OptionsProxy(bound.values(), interfaces, bound.undeclared()).as(klass);
      // Reading the id pins it now, so it identifies this object from its creation on.
      options.getOptionsId();
      return validation ? PipelineOptionsValidator.validate(klass, options) : options;
    }

    @Override
    public String toString() {
      return "PipelineOptionsFactory.Builder" + Arrays.toString(args)
          + (validation ? " withValidation" : "")
          + (strictParsing ? "" : " withoutStrictParsing");
    }
  }

  private static void printHelpAndExit(
      List<String> values, Set<Class<? extends PipelineOptions>> interfaces) {
    PrintStream out = Objects.requireNonNullElse(helpOutput, System.out);
    int status = OptionsHelp.printForHelpFlag(out, values.get(values.size() - 1), interfaces);
    out.flush();
    Objects.requireNonNullElse(exitHook, System::exit).accept(status);
    throw new IllegalStateException("--help was printed and the exit hook returned");
  }
}
