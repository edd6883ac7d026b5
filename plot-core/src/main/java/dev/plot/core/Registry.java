package dev.plot.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.plot.api.Category;
import dev.plot.api.PointStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The category (cid) registry, persisted in the store and cached here. Entries expire after a
 * few seconds so a category redefined through another server is picked up.
 */
public final class Registry {

  private static final Logger log = LoggerFactory.getLogger(Registry.class);

  private final PointStore store;
  private final boolean autoDefine;
  private final Cache<Long, Category> cache = Caffeine.newBuilder()
      .maximumSize(100_000)
      .expireAfterWrite(Duration.ofSeconds(5))
      .build();

  public Registry(PointStore store, boolean autoDefine) {
    this.store = store;
    this.autoDefine = autoDefine;
  }

  /** The category of a cid, if defined. */
  public Optional<Category> find(long cid) {
    Category cached = cache.getIfPresent(cid);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Category> stored = store.category(cid);
    stored.ifPresent(category -> cache.put(cid, category));
    return stored;
  }

  /** The category of a cid that must exist; a 404 naming the cid otherwise. */
  public Category require(long cid) {
    return find(cid).orElseThrow(
        () -> PlotError.notFound("cid", "category " + cid + " is not defined"));
  }

  /**
   * The category a write to this cid goes to, defining it with defaults on first use when
   * {@value CoreConfig#AUTO_DEFINE} is on.
   */
  public Category forWrite(long cid) {
    Optional<Category> known = find(cid);
    if (known.isPresent()) {
      return known.get();
    }
    Category defaults = defaultsForWrite(cid);
    if (store.insertCategory(defaults)) {
      log.info("category defined by first write cid={}", cid);
    }
    Category stored = store.category(cid).orElse(defaults);
    cache.put(cid, stored);
    return stored;
  }

  /**
   * The defaults a first write to this unknown cid would define, without defining it.
   *
   * @throws PlotError naming cid when {@value CoreConfig#AUTO_DEFINE} is off
   */
  public Category defaultsForWrite(long cid) {
    if (!autoDefine) {
      throw PlotError.bad("cid", "category " + cid + " is not defined and "
          + CoreConfig.AUTO_DEFINE + " is off; define it first");
    }
    return Category.defaults(cid);
  }

  /** Defines or redefines a category after checking every field. */
  public Category define(Category category) {
    Validation.checkCategory(category);
    store.putCategory(category);
    cache.put(category.cid(), category);
    log.info("category defined cid={} kind={} step={}", category.cid(), category.kind().label(),
        category.step());
    return category;
  }

  public List<Category> all() {
    return store.categories();
  }
}
