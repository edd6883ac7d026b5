package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ExposureCheckTest {

  @Test
  void exposed_onlyNonLoopbackWithoutTls() {
    List<ExposureCheck.Listener> listeners = List.of(
        new ExposureCheck.Listener("thrift", "0.0.0.0", 9090, false),
        new ExposureCheck.Listener("http", "0.0.0.0", 8443, true),
        new ExposureCheck.Listener("local", "127.0.0.1", 1, false),
        new ExposureCheck.Listener("local6", "::1", 2, false),
        new ExposureCheck.Listener("named", "localhost", 3, false));

    assertEquals(List.of("thrift"),
        ExposureCheck.exposed(listeners).stream().map(ExposureCheck.Listener::name).toList());
  }
}
