package dev.plot.core;

/**
 * A refusal a client can act on: bad input, an unknown thing, a limit reached, a store that is
 * unavailable. Transports map {@link #code()} to an HTTP status or a Thrift error code and
 * never show a stack trace for it.
 */
public final class PlotError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of refusal this is; each maps to one HTTP status. */
  public enum Code {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    TOO_LARGE(413),
    TOO_MANY_REQUESTS(429),
    UNAVAILABLE(503);

    private final int httpStatus;

    Code(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Code code;
  private final String field;
  private final Integer index;
  private final Integer line;

  private PlotError(Code code, String message, String field, Integer index, Integer line) {
    super(message, null, false, false);
    this.code = code;
    this.field = field;
    this.index = index;
    this.line = line;
  }

  /** A client mistake in one field. */
  public static PlotError bad(String field, String message) {
    return new PlotError(Code.BAD_REQUEST, message, field, null, null);
  }

  public static PlotError of(Code code, String field, String message) {
    return new PlotError(code, message, field, null, null);
  }

  public static PlotError notFound(String field, String message) {
    return new PlotError(Code.NOT_FOUND, message, field, null, null);
  }

  public static PlotError unavailable(String message) {
    return new PlotError(Code.UNAVAILABLE, message, null, null, null);
  }

  /** The same error, pinned to the 0-based index of a sample in a batch. */
  public PlotError atIndex(int index) {
    return new PlotError(code, "sample " + index + ": " + getMessage(), field, index, line);
  }

  /** The same error, pinned to a 1-based line of a text body or file. */
  public PlotError atLine(int line) {
    return new PlotError(code, "line " + line + ": " + getMessage(), field, index, line);
  }

  public Code code() {
    return code;
  }

  /** The field at fault, or null. */
  public String field() {
    return field;
  }

  /** The 0-based index of the sample at fault in a batch, or null. */
  public Integer index() {
    return index;
  }

  /** The 1-based line at fault in a text body, or null. */
  public Integer line() {
    return line;
  }
}
