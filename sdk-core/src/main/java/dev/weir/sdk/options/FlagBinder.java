package dev.weir.sdk.options;

import com.google.common.collect.ListMultimap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives parsed flags their types, using the options declared by a set of interfaces.
 *
 * <p>Each flag that names a declared option is parsed by {@link FlagValueParser}. A flag no
 * interface declares throws {@link IllegalArgumentException} in strict mode, naming the flag and
 * suggesting the closest declared option; otherwise it is kept raw, for an interface that a
 * later {@code as()} brings in. Stateless.
 */
final class FlagBinder {

  private FlagBinder() {}

  /**
   * The outcome of binding: typed values by option name, and the raw values of flags that no
   * interface declared (only in non-strict mode).
   */
  record Bound(Map<String, Object> values, Map<String, List<String>> undeclared) {}

  /** Binds {@code flags} (null value = bare flag) to the options of {@code specs}. */
  static Bound bind(
      ListMultimap<String, String> flags, Collection<OptionsSpec> specs, boolean strict) {
    Map<String, PropertySpec> declared = OptionsSpec.merge(specs);
    Map<String, Object> values = new HashMap<>();
    Map<String, List<String>> undeclared = new LinkedHashMap<>();
    for (String name : flags.keySet()) {
      PropertySpec property = declared.get(name);
      if (property != null) {
        values.put(name, FlagValueParser.parse(name, property.type(), flags.get(name)));
      } else if (strict) {
        throw unknown(name, declared.keySet());
      } else {
        undeclared.put(name, new ArrayList<>(flags.get(name)));
      }
    }
    return new Bound(values, undeclared);
  }

  private static IllegalArgumentException unknown(String name, Collection<String> declared) {
    String advice =
        ClosestMatch.among(declared, name)
            .map(match -> " Did you mean --" + match + "?")
            .orElse(
                " No registered options interface declares it: register the interface that does "
                    + "with PipelineOptionsFactory.register(...), or pass --help to list options.");
    return new IllegalArgumentException("Unknown option --" + name + "." + advice);
  }
}
