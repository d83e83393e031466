package dev.weir.sdk.options;

import com.google.common.collect.LinkedListMultimap;
import com.google.common.collect.ListMultimap;

/**
 * Splits command-line arguments into option names and raw values, without knowing any option.
 *
 * <p>Each argument is {@code --name=value} (the value may be empty or contain further {@code =})
 * or a bare {@code --name}, which is recorded with a null value and later means {@code true} for
 * a boolean option. A flag may repeat; values keep their order. Null and empty arguments are
 * skipped. {@code --name value} is not supported, as in Beam: the value must follow an {@code =}.
 * A malformed argument (no leading {@code --}, or an empty name) throws {@link
 * IllegalArgumentException} in strict mode and is dropped with a warning otherwise. Stateless.
 */
final class FlagParser {

  private static final System.Logger LOG = System.getLogger(FlagParser.class.getName());

  private FlagParser() {}

  /** The flags in {@code args} by name, in order; a null value marks a bare {@code --name}. */
  static ListMultimap<String, String> parse(String[] args, boolean strict) {
    ListMultimap<String, String> flags = LinkedListMultimap.create();
    String previousBareFlag = null;
    for (String arg : args) {
      if (arg == null || arg.isEmpty()) {
        continue;
      }
      String problem = problemWith(arg, previousBareFlag);
      if (problem != null) {
        if (strict) {
          throw new IllegalArgumentException(problem);
        }
        LOG.log(System.Logger.Level.WARNING, "Ignoring argument: {0}", problem);
        previousBareFlag = null;
        continue;
      }
      int equals = arg.indexOf('=');
      if (equals < 0) {
        flags.put(arg.substring(2), null);
        previousBareFlag = arg.substring(2);
      } else {
        flags.put(arg.substring(2, equals), arg.substring(equals + 1));
        previousBareFlag = null;
      }
    }
    return flags;
  }

  private static String problemWith(String arg, String previousBareFlag) {
    if (!arg.startsWith("--")) {
      String hint =
          previousBareFlag == null
              ? "pass options as --name=value."
              : "to give --" + previousBareFlag + " a value, write --" + previousBareFlag + "="
                  + arg + ".";
      return "Argument '" + arg + "' does not begin with '--'; " + hint;
    }
    int equals = arg.indexOf('=');
    String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
    if (name.isEmpty()) {
      return "Argument '" + arg + "' has an empty option name; pass options as --name=value.";
    }
    return null;
  }
}
