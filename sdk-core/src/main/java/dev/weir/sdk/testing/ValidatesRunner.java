package dev.weir.sdk.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class or method as part of the runner-validation suite: a test that needs a runner
 * and checks the model's semantics with {@link TestPipeline} and {@link PAssert}.
 *
 * <p>It is the JUnit 5 tag {@value #TAG}. Modules without a runner (sdk-core) exclude the tag from
 * their test runs; every runner module runs the tagged tests of sdk-core's test jar against itself,
 * with the system property {@code weir.runner} naming the runner (see {@link
 * TestPipeline#testingPipelineOptions()}). Put it on a class to tag all its tests; it is inherited
 * by subclasses.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(ValidatesRunner.TAG)
public @interface ValidatesRunner {
  /** The JUnit tag this annotation stands for, for {@code <groups>} in surefire's configuration. */
  String TAG = "ValidatesRunner";
}
