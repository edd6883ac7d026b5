package dev.plot.api;

/**
 * A store could not do what was asked: the database is unreachable, a transaction failed, a
 * stored row is out of range. The message is meant for an operator and a client alike.
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
