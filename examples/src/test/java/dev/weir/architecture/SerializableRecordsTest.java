package dev.weir.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.reflect.ClassPath;
import dev.weir.sdk.util.SerializedRecord;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every serializable record of the SDK, the connectors and the runners is written as a
 * {@link SerializedRecord}, so that no worker pays Java's record deserialization at a job's start.
 */
class SerializableRecordsTest {
  private static final List<String> PACKAGES = List.of("dev.weir.sdk", "dev.weir.runtime", "dev.weir.io", "dev.weir.runners");

  @Test
  void everySerializableRecordIsWrittenAsASerializedRecord() throws IOException {
    List<String> plain = new ArrayList<>();
    for (ClassPath.ClassInfo info : ClassPath.from(getClass().getClassLoader()).getAllClasses()) {
      if (PACKAGES.stream().noneMatch(p -> info.getPackageName().startsWith(p))) {
        continue;
      }
      Class<?> type = info.load();
      if (type.isRecord() && Serializable.class.isAssignableFrom(type) && !replacesItself(type)) {
        plain.add(type.getName());
      }
    }
    assertEquals(List.of(), plain, "serializable records without writeReplace returning SerializedRecord.of(this)");
  }

  private static boolean replacesItself(Class<?> type) {
    try {
      Method writeReplace = type.getDeclaredMethod("writeReplace");
      return writeReplace.getReturnType() == Object.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
