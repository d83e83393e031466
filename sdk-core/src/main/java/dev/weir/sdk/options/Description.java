package dev.weir.sdk.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes an option (on its getter) or an options interface, for {@code --help} output.
 *
 * <p>Read at run time by {@link PipelineOptionsFactory#printHelp}; it has no effect on values.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Description {

  /** One or two sentences saying what the option controls, shown under the flag in help. */
  String value();
}
