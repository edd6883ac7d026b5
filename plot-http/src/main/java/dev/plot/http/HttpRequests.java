package dev.plot.http;

import dev.plot.core.PlotError;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** Reads what a request carries: its body within a limit, and checked query parameters. */
public final class HttpRequests {

  private HttpRequests() {
  }

  /**
   * The body, at most {@code maxBytes} long.
   *
   * @throws PlotError TOO_LARGE naming {@value HttpConfig#MAX_BODY} beyond the limit
   */
  public static byte[] body(Request request, long maxBytes) throws IOException {
    long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > maxBytes) {
      throw bodyTooLarge(declared + " bytes", maxBytes);
    }
    int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes(cap + 1);
      if (bytes.length > cap) {
        throw bodyTooLarge("more than " + cap + " bytes", maxBytes);
      }
      return bytes;
    }
  }

  /**
   * The 413 for a body over the limit, however the body was framed.
   *
   * @param size what is known of the body's size, such as {@code 5000 bytes}
   */
  public static PlotError bodyTooLarge(String size, long maxBytes) {
    return PlotError.of(PlotError.Code.TOO_LARGE, HttpConfig.MAX_BODY, "request body of "
        + size + " is larger than " + HttpConfig.MAX_BODY + "=" + maxBytes + " bytes");
  }

  public static Fields query(Request request) {
    try {
      return Request.extractQueryParameters(request);
    } catch (IllegalArgumentException e) {
      // Jetty's refusal of a bad %-escape; the client's mistake, not the server's.
      throw PlotError.bad("query", "the query string is not valid: a % must be followed by"
          + " two hex digits of UTF-8");
    }
  }

  /** A query parameter, or null when absent or empty. */
  public static String param(Fields query, String name) {
    String value = query.getValue(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * A {@code limit} parameter: an integer of 1 or more; huge ones come back as
   * {@link Long#MAX_VALUE} so the core clamps them to its maximum.
   */
  public static Long limit(String text) {
    if (text == null) {
      return null;
    }
    BigInteger value = integerOrNull(text);
    if (value == null || value.signum() < 1) {
      throw PlotError.bad("limit", "limit must be an integer of 1 or more" + shown(text));
    }
    return value.bitLength() > 63 ? Long.MAX_VALUE : value.longValue();
  }

  /** An integer parameter within 64 bits, or null when absent. */
  public static Long integer(String field, String text) {
    if (text == null) {
      return null;
    }
    BigInteger value = integerOrNull(text);
    if (value == null || value.bitLength() > 63) {
      throw PlotError.bad(field, field + " must be a 64-bit integer" + shown(text));
    }
    return value.longValue();
  }

  /** A decimal parameter (a base), or null when absent. */
  public static BigDecimal decimal(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text.trim());
      if (value.signum() == 0) {
        throw PlotError.bad(field, field + " must be a number other than 0");
      }
      return value;
    } catch (NumberFormatException | ArithmeticException e) {
      throw PlotError.bad(field, field + " must be a decimal number" + shown(text));
    }
  }

  /** A boolean parameter, or the default when absent. */
  public static boolean bool(String field, String text, boolean defaultValue) {
    if (text == null) {
      return defaultValue;
    }
    if (text.equals("true") || text.equals("1")) {
      return true;
    }
    if (text.equals("false") || text.equals("0")) {
      return false;
    }
    throw PlotError.bad(field, field + " must be true or false" + shown(text));
  }

  /**
   * {@code ", not TEXT"} for a message about a refused value, or nothing when the text could
   * carry markup or a token such as NaN that no plot response may contain.
   */
  public static String shown(Object value) {
    String text = String.valueOf(value);
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (text.length() > 40 || !text.matches("[0-9A-Za-z:+._-]*") || lower.contains("nan")
        || lower.contains("inf")) {
      return "";
    }
    return ", not " + text;
  }

  private static BigInteger integerOrNull(String text) {
    String trimmed = text.trim();
    if (!trimmed.matches("[+-]?[0-9]{1,400}")) {
      return null;
    }
    return new BigInteger(trimmed);
  }
}
