package dev.plot.core;

import java.math.BigDecimal;

/** Writes doubles the way plot shows them: plain digits, never an exponent, NaN refused. */
public final class Decimals {

  private Decimals() {
  }

  /**
   * The shortest decimal that reads back as {@code value}, without exponent and with at least
   * one digit after the point: {@code 10.0}, {@code 0.000122}.
   */
  public static String plain(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    String text = new BigDecimal(Double.toString(value)).toPlainString();
    return text.indexOf('.') < 0 ? text + ".0" : text;
  }
}
