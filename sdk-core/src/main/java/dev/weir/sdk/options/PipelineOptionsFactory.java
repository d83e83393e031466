package dev.weir.sdk.options;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** INTERIM (replaced by the options branch): creates options with defaults, no flag parsing. */
public final class PipelineOptionsFactory {
  private static final AtomicLong IDS = new AtomicLong();

  private PipelineOptionsFactory() {}

  public static PipelineOptions create() {
    return as(PipelineOptions.class);
  }

  public static <T extends PipelineOptions> T as(Class<T> kind) {
    Map<String, Object> values = new ConcurrentHashMap<>();
    values.put("optionsId", IDS.incrementAndGet());
    return view(kind, values);
  }

  @SuppressWarnings("unchecked")
  private static <T extends PipelineOptions> T view(Class<T> kind, Map<String, Object> values) {
    InvocationHandler handler = new InvocationHandler() {
      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("as")) {
          return view((Class<PipelineOptions>) args[0], values);
        }
        if (name.equals("toString")) {
          return values.toString();
        }
        if (name.equals("hashCode")) {
          return System.identityHashCode(values);
        }
        if (name.equals("equals")) {
          return proxy == args[0];
        }
        if (name.startsWith("set")) {
          values.put(decap(name.substring(3)), args[0]);
          return null;
        }
        String prop = decap(name.startsWith("is") ? name.substring(2) : name.substring(3));
        Object v = values.get(prop);
        if (v == null) {
          Default.InstanceFactory f = method.getAnnotation(Default.InstanceFactory.class);
          if (f != null) {
            v = f.value().getDeclaredConstructor().newInstance().create((PipelineOptions) proxy);
            values.put(prop, v);
          }
        }
        if (v == null && method.getReturnType().isPrimitive()) {
          return method.getReturnType() == boolean.class ? false : 0;
        }
        return v;
      }
    };
    return (T) Proxy.newProxyInstance(kind.getClassLoader(), new Class<?>[] {kind}, handler);
  }

  private static String decap(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
