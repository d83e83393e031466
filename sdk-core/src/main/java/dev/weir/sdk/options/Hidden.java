package dev.weir.sdk.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves an option (on its getter) or a whole options interface out of {@code --help} output.
 *
 * <p>A hidden option still parses from flags and behaves like any other; a hidden interface is
 * still printed when asked for by name with {@code --help=Name}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Hidden {}
