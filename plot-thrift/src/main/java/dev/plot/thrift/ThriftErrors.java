package dev.plot.thrift;

import dev.plot.core.PlotError;

/** Turns the core's refusals into the declared Thrift exception. */
public final class ThriftErrors {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ThriftErrors.class);

  private ThriftErrors() {
  }

  /** A failure that is not the client's: logged for the operator, reported as a 503. */
  public static dev.plot.thrift.gen.PlotError unexpected(RuntimeException e) {
    log.warn("thrift call failed reason={}", e.toString());
    return toThrift(PlotError.unavailable("server error: " + e.getMessage()));
  }

  public static dev.plot.thrift.gen.PlotError toThrift(PlotError error) {
    dev.plot.thrift.gen.PlotError thrift =
        new dev.plot.thrift.gen.PlotError(error.code().httpStatus(), error.getMessage());
    if (error.field() != null) {
      thrift.setField(error.field());
    }
    if (error.index() != null) {
      thrift.setIndex(error.index());
    }
    return thrift;
  }
}
