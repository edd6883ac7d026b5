package dev.plot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class DecimalsTest {

  @Test
  void plain_neverAnExponentAlwaysAPoint() {
    assertEquals("11.21", Decimals.plain(11.21));
    assertEquals("10.0", Decimals.plain(10.0));
    assertEquals("0.000122", Decimals.plain(0.000122));
    assertEquals("0.0", Decimals.plain(0.0));
    assertEquals("-3.5", Decimals.plain(-3.5));
    assertEquals("70368744177664.0", Decimals.plain(9223372036854775807.0 / 131072));
    assertEquals("10000000000000000000000.0", Decimals.plain(1e22));
  }

  @Test
  void plain_refusesNaNAndInfinity() {
    assertThrows(IllegalArgumentException.class, () -> Decimals.plain(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> Decimals.plain(Double.POSITIVE_INFINITY));
  }
}
