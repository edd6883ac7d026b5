package dev.plot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plot.core.PlotError;
import dev.plot.core.chart.ChartSpecJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * JSON as plot writes and reads it: numbers exact (64-bit integers as plain digits, decimals
 * without exponent), never NaN or Infinity, strings as UTF-8 byte for byte.
 */
public final class HttpJson {

  /** Shared with chart specs: BigInteger and BigDecimal numbers, NaN never parses. */
  public static final ObjectMapper MAPPER = ChartSpecJson.MAPPER;

  private HttpJson() {
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** UTF-8 bytes of a tree. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }

  /**
   * Parses a request body.
   *
   * @throws PlotError naming {@code body} when it is not valid JSON
   */
  public static JsonNode parse(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw PlotError.bad("body", "the body is empty; send JSON");
      }
      return node;
    } catch (IOException e) {
      throw PlotError.bad("body", "the body is not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  /**
   * A JSON number that must be a 64-bit integer.
   *
   * @throws PlotError naming the field otherwise (a string, a fraction, a value out of range)
   */
  public static long integer(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      throw PlotError.bad(field, field + " is required");
    }
    if (!value.isNumber()) {
      throw PlotError.bad(field, field + " must be a JSON number");
    }
    BigInteger integer = null;
    if (value.isIntegralNumber()) {
      integer = value.bigIntegerValue();
    } else {
      BigDecimal decimal = value.decimalValue().stripTrailingZeros();
      if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 20) {
        integer = decimal.toBigIntegerExact();
      }
    }
    if (integer == null || integer.bitLength() > 63) {
      throw PlotError.bad(field, field + " must be an integer from -2^63 to 2^63-1"
          + HttpRequests.shown(value));
    }
    return integer.longValue();
  }

  /** A decimal written plainly: no exponent, no trailing zeros, at least the integer part. */
  public static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
