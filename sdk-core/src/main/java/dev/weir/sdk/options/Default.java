package dev.weir.sdk.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default of an option, put on its getter: the getter returns it while no value is set.
 *
 * <p>One of the nested annotations is used, matching the option's type ({@code @Default.Integer}
 * on an {@code int} or {@code Integer} getter, {@code @Default.Enum("NAME")} on an enum getter,
 * and so on); a mismatch, or more than one default on a getter, is rejected when the interface
 * is first used. {@link InstanceFactory} computes a default of any type. An option without a
 * default reads as null, or as zero/false for a primitive.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Default {

  /** A default for a {@code Class} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Class {
    java.lang.Class<?> value();
  }

  /** A default for a {@code String} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface String {
    java.lang.String value();
  }

  /** A default for a {@code boolean} or {@code Boolean} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Boolean {
    boolean value();
  }

  /** A default for a {@code char} or {@code Character} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Character {
    char value();
  }

  /** A default for a {@code byte} or {@code Byte} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Byte {
    byte value();
  }

  /** A default for a {@code short} or {@code Short} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Short {
    short value();
  }

  /** A default for an {@code int} or {@code Integer} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Integer {
    int value();
  }

  /** A default for a {@code long} or {@code Long} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Long {
    long value();
  }

  /** A default for a {@code float} or {@code Float} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Float {
    float value();
  }

  /** A default for a {@code double} or {@code Double} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Double {
    double value();
  }

  /** A default for an enum option: the exact name of one of its constants. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Enum {
    java.lang.String value();
  }

  /**
   * A default computed by a {@link DefaultValueFactory} the first time it is needed; see that
   * interface for when it runs and how its result is kept.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface InstanceFactory {
    java.lang.Class<? extends DefaultValueFactory<?>> value();
  }
}
