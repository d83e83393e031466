package dev.weir.sdk.options;

import com.google.common.base.Joiner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the {@link Validation} constraints of an options interface against options values.
 *
 * <p>Used by {@link PipelineOptionsFactory.Builder#withValidation()}; runners may call it for
 * their own options interface. A violation throws {@link IllegalArgumentException} naming the
 * option, its interface and the flag to pass. Reading options may compute their defaults.
 */
public final class PipelineOptionsValidator {

  private PipelineOptionsValidator() {}

  /**
   * Returns {@code options} viewed as {@code klass}, after checking that every {@code
   * Validation.Required} option of {@code klass} (own and inherited) is non-null, and that every
   * required group has a non-null member.
   */
  public static <T extends PipelineOptions> T validate(Class<T> klass, PipelineOptions options) {
    T view = options.as(klass);
    Map<String, List<PropertySpec>> groups = new TreeMap<>();
    for (PropertySpec property : OptionsSpec.of(klass).properties()) {
      Validation.Required required = property.required().orElse(null);
      if (required == null) {
        continue;
      }
      if (required.groups().length == 0) {
        if (read(view, property) == null) {
          throw new IllegalArgumentException(
              "Missing required option --" + property.name() + " of "
                  + property.declaringInterface().getName()
                  + property.description().map(d -> " (" + d + ")").orElse("") + ". Pass --"
                  + property.name() + "=VALUE.");
        }
        continue;
      }
      for (String group : required.groups()) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(property);
      }
    }
    groups.forEach((group, members) -> checkGroup(klass, view, group, members));
    return view;
  }

  private static void checkGroup(
      Class<?> klass, PipelineOptions view, String group, List<PropertySpec> members) {
    List<String> flags = new ArrayList<>();
    for (PropertySpec member : members) {
      if (read(view, member) != null) {
        return;
      }
      flags.add("--" + member.name() + "=VALUE");
    }
    throw new IllegalArgumentException(
        "Missing required option of group '" + group + "' in " + klass.getName()
            + ": pass one of " + Joiner.on(", ").join(flags) + ".");
  }

  private static Object read(PipelineOptions view, PropertySpec property) {
    return OptionsProxy.of(view).read(property);
  }
}
