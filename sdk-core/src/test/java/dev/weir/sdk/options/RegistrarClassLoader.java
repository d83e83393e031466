package dev.weir.sdk.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader that answers one service lookup with the given provider classes and hides the
 * classpath's own service file, so a test can choose which registrars {@link
 * java.util.ServiceLoader} finds. Classes still load from the test class path.
 */
final class RegistrarClassLoader extends ClassLoader {
  private final String resource;
  private final URL serviceFile;

  /** Lists {@code providers} for {@code service}, writing the service file into {@code dir}. */
  RegistrarClassLoader(Path dir, Class<?> service, List<Class<?>> providers) {
    super(RegistrarClassLoader.class.getClassLoader());
    this.resource = "META-INF/services/" + service.getName();
    try {
      Path file = Files.createTempFile(dir, "services", ".txt");
      Files.write(file, providers.stream().map(Class::getName).toList());
      this.serviceFile = file.toUri().toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return name.equals(resource)
        ? Collections.enumeration(List.of(serviceFile))
        : super.getResources(name);
  }

  /** Runs {@code body} with this loader as the thread's context class loader. */
  void runAsContext(Runnable body) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(this);
    try {
      body.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
