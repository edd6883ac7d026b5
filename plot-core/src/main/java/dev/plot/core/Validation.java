package dev.plot.core;

import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Rollup;
import dev.plot.api.Sample;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of client input; every refusal names the field and the limit. */
public final class Validation {

  /** Latest accepted point time: the last second of year 9999. */
  public static final long MAX_TIME = 253_402_300_799L;
  /** Longest category name, in characters (code points). */
  public static final int MAX_NAME = 200;
  /** Longest unit, in characters (code points). */
  public static final int MAX_UNIT = 50;

  private Validation() {
  }

  public static void checkCid(long cid) {
    if (cid < 1) {
      throw PlotError.bad("cid", "cid must be a positive 64-bit integer, not " + cid);
    }
  }

  public static void checkRid(long rid) {
    if (rid < 1) {
      throw PlotError.bad("rid", "rid must be a positive 64-bit integer, not " + rid);
    }
  }

  /** Each rid positive, and none twice: a repeated rid would count twice in a combine. */
  public static void checkRids(List<Long> rids, String field) {
    Set<Long> seen = new HashSet<>();
    for (long rid : rids) {
      checkRid(rid);
      if (!seen.add(rid)) {
        throw PlotError.bad(field, "rid " + rid + " appears more than once");
      }
    }
  }

  public static void checkTime(long time) {
    if (time < 0 || time > MAX_TIME) {
      throw PlotError.bad("time", "time must be unix seconds from 0 to " + MAX_TIME + ", not "
          + time);
    }
  }

  /** Checks the limit asked for, and clamps it to the configured maximum. */
  public static int clampLimit(long limit, int maxLimit) {
    if (limit < 1) {
      throw PlotError.bad("limit", "limit must be 1 or more, not " + limit);
    }
    return (int) Math.min(limit, maxLimit);
  }

  /** Checks a base given by a client: finite and not zero. */
  public static double checkBase(double base) {
    if (!Double.isFinite(base) || base == 0) {
      throw PlotError.bad("base", "base must be a finite number other than 0, not " + base);
    }
    return base;
  }

  /** Checks one sample against its category, before anything is written. */
  public static void checkSample(Sample sample, Category category) {
    checkCid(sample.cid());
    checkRid(sample.rid());
    if (sample.hasTime()) {
      checkTime(sample.time());
    }
    if (category.kind() == Kind.COUNTER) {
      if (sample.value() < 0) {
        throw PlotError.bad("value", "a counter reads 0 or more, not " + sample.value());
      }
      if (category.wrap() != null && sample.value() >= category.wrap()) {
        throw PlotError.bad("value", "value " + sample.value()
            + " is not below the wrap value " + category.wrap() + " of cid " + category.cid());
      }
    }
  }

  /** Checks every field of a category definition. */
  public static void checkCategory(Category category) {
    checkCid(category.cid());
    String name = category.name();
    checkUnicode("name", name);
    if (name.isBlank() || characters(name) > MAX_NAME) {
      throw PlotError.bad("name", "name must have 1 to " + MAX_NAME + " characters, not "
          + characters(name));
    }
    checkText("unit", category.unit(), MAX_UNIT);
    if (category.base() != null) {
      checkBase(category.base());
    }
    if (category.step() < 1) {
      throw PlotError.bad("step", "step must be 1 second or more, not " + category.step());
    }
    if (category.wrap() != null) {
      if (category.kind() != Kind.COUNTER) {
        throw PlotError.bad("wrap", "only a counter can have a wrap value");
      }
      if (category.wrap() < 2) {
        throw PlotError.bad("wrap", "wrap must be 2 or more, not " + category.wrap());
      }
    }
    if (category.maxGap() != null && category.maxGap() < 1) {
      throw PlotError.bad("maxGap", "maxGap must be 1 second or more, not "
          + category.maxGap());
    }
    checkZone("zone", category.zone());
    if (category.retention() < 0) {
      throw PlotError.bad("retention", "retention must be 0 (forever) or more seconds");
    }
    Rollup rollup = category.rollup();
    if (rollup != null) {
      checkCid(rollup.targetCid());
      if (rollup.targetCid() == category.cid()) {
        throw PlotError.bad("rollup", "a rollup must target another cid than its source");
      }
      if (rollup.step() < 1) {
        throw PlotError.bad("rollup", "rollup step must be 1 second or more");
      }
      checkZone("rollup", rollup.zone());
    }
  }

  /**
   * Checks text a client stores: valid Unicode, and at most {@code max} characters.
   *
   * @throws PlotError naming {@code field}
   */
  public static void checkText(String field, String text, int max) {
    checkUnicode(field, text);
    int characters = characters(text);
    if (characters > max) {
      throw PlotError.bad(field, field + " must have at most " + max + " characters, not "
          + characters);
    }
  }

  /**
   * Refuses text with an unpaired UTF-16 surrogate. Such text has no UTF-8 form, so each store
   * and writer would mangle it its own way (one joins it with the next character); the index
   * counts characters (code points) from 0, as the length limits do.
   *
   * @throws PlotError naming {@code field}
   */
  public static void checkUnicode(String field, String text) {
    if (text == null) {
      return;
    }
    int index = 0;
    for (int i = 0; i < text.length(); index++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i += 2;
      } else if (Character.isSurrogate(c)) {
        throw PlotError.bad(field, field + ": not valid Unicode (an unpaired surrogate at index "
            + index + ")");
      } else {
        i++;
      }
    }
  }

  /** The length a user sees: code points, so an emoji counts once, not as two UTF-16 units. */
  public static int characters(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Parses an IANA zone name, refusing unknown ones with the field named. */
  public static ZoneId checkZone(String field, String zone) {
    // The refusal below repeats the zone; text that is not Unicode cannot be repeated.
    checkUnicode(field, zone);
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw PlotError.bad(field, "unknown time zone " + zone + "; use an IANA name such as "
          + "Europe/Berlin or UTC");
    }
  }
}
