package dev.weir.sdk.testing;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExecutableInvoker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstances;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The context of one test method, as JUnit hands it to an extension's callbacks, for calling
 * {@link TestPipeline}'s callbacks directly. Only what TestPipeline reads is real; the store and
 * the invoker are not available.
 */
final class FakeExtensionContext implements ExtensionContext {
  private final Class<?> testClass;
  private final Method testMethod;
  private final Throwable executionException;

  private FakeExtensionContext(Class<?> testClass, Method testMethod, Throwable executionException) {
    this.testClass = testClass;
    this.testMethod = testMethod;
    this.executionException = executionException;
  }

  /** The context of {@code testMethod}, which has not failed. */
  static FakeExtensionContext of(Method testMethod) {
    return new FakeExtensionContext(testMethod.getDeclaringClass(), testMethod, null);
  }

  /** This context after the test threw {@code failure}. */
  FakeExtensionContext failedWith(Throwable failure) {
    return new FakeExtensionContext(testClass, testMethod, failure);
  }

  @Override
  public Optional<ExtensionContext> getParent() {
    return Optional.empty();
  }

  @Override
  public ExtensionContext getRoot() {
    return this;
  }

  @Override
  public String getUniqueId() {
    return "[class:" + testClass.getName() + "]/[method:" + testMethod.getName() + "()]";
  }

  @Override
  public String getDisplayName() {
    return testMethod.getName() + "()";
  }

  @Override
  public Set<String> getTags() {
    return Set.of();
  }

  @Override
  public Optional<AnnotatedElement> getElement() {
    return Optional.of(testMethod);
  }

  @Override
  public Optional<Class<?>> getTestClass() {
    return Optional.of(testClass);
  }

  @Override
  public Optional<TestInstance.Lifecycle> getTestInstanceLifecycle() {
    return Optional.of(TestInstance.Lifecycle.PER_METHOD);
  }

  @Override
  public Optional<Object> getTestInstance() {
    return Optional.empty();
  }

  @Override
  public Optional<TestInstances> getTestInstances() {
    return Optional.empty();
  }

  @Override
  public Optional<Method> getTestMethod() {
    return Optional.of(testMethod);
  }

  @Override
  public Optional<Throwable> getExecutionException() {
    return Optional.ofNullable(executionException);
  }

  @Override
  public Optional<String> getConfigurationParameter(String key) {
    return Optional.empty();
  }

  @Override
  public <T> Optional<T> getConfigurationParameter(String key, Function<String, T> transformer) {
    return Optional.empty();
  }

  @Override
  public void publishReportEntry(Map<String, String> map) {}

  @Override
  public Store getStore(Namespace namespace) {
    throw new UnsupportedOperationException("FakeExtensionContext has no store");
  }

  @Override
  public ExecutionMode getExecutionMode() {
    return ExecutionMode.SAME_THREAD;
  }

  @Override
  public ExecutableInvoker getExecutableInvoker() {
    throw new UnsupportedOperationException("FakeExtensionContext has no invoker");
  }
}
