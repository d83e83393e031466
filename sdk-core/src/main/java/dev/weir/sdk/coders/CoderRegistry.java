package dev.weir.sdk.coders;

import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/** INTERIM (replaced by the coders branch). */
public final class CoderRegistry {
  private final Map<Class<?>, Coder<?>> byClass = new HashMap<>();

  public static CoderRegistry createDefault() {
    CoderRegistry r = new CoderRegistry();
    r.byClass.put(String.class, StringUtf8Coder.of());
    r.byClass.put(Long.class, VarLongCoder.of());
    r.byClass.put(Integer.class, VarIntCoder.of());
    return r;
  }

  public <T> void registerCoderForClass(Class<T> clazz, Coder<T> coder) {
    byClass.put(clazz, coder);
  }

  @SuppressWarnings("unchecked")
  public <T> Coder<T> getCoder(Class<T> clazz) throws CannotProvideCoderException {
    Coder<?> c = byClass.get(clazz);
    if (c == null) {
      throw new CannotProvideCoderException("no coder for " + clazz);
    }
    return (Coder<T>) c;
  }

  @SuppressWarnings("unchecked")
  public <T> Coder<T> getCoder(TypeDescriptor<T> type) throws CannotProvideCoderException {
    Type t = type.getType();
    if (t instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) t;
      Type[] args = p.getActualTypeArguments();
      if (p.getRawType() == KV.class) {
        return (Coder<T>) KvCoder.of(getCoder(TypeDescriptor.of(args[0])), getCoder(TypeDescriptor.of(args[1])));
      }
      if (p.getRawType() == Iterable.class) {
        return (Coder<T>) IterableCoder.of(getCoder(TypeDescriptor.of(args[0])));
      }
    }
    return (Coder<T>) getCoder(type.getRawType());
  }

  public <InputT, OutputT> Coder<OutputT> getCoder(
      TypeDescriptor<OutputT> outputType, TypeDescriptor<InputT> inputType, Coder<InputT> inputCoder)
      throws CannotProvideCoderException {
    if (outputType.equals(inputType)) {
      @SuppressWarnings("unchecked")
      Coder<OutputT> same = (Coder<OutputT>) inputCoder;
      return same;
    }
    return getCoder(outputType);
  }
}
