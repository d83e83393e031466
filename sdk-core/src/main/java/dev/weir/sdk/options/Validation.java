package dev.weir.sdk.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Constraints on option values, checked by {@link PipelineOptionsValidator} and by {@link
 * PipelineOptionsFactory.Builder#withValidation()}.
 */
public @interface Validation {

  /**
   * Marks an option (on its getter) that must have a non-null value.
   *
   * <p>Without {@link #groups}, the option itself must be non-null; a {@link Default} that yields
   * a value satisfies it. With groups, each named group needs at least one non-null member:
   * options that share a group name are alternatives (for example an input file or an input
   * topic).
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Required {

    /** Names of the groups this option belongs to; empty means the option is required alone. */
    String[] groups() default {};
  }
}
