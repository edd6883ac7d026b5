package dev.plot.thrift;

import dev.plot.core.PlotError;

/** Turns the core's refusals into the declared Thrift exception. */
public final class ThriftErrors {

  private ThriftErrors() {
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
