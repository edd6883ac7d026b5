package dev.plot.server;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import java.net.BindException;
import java.util.Collection;

/**
 * Turns a failed start into the one line a user can act on. Guice reports a provider's failure
 * as a multi-line dump of bindings and class names; the line that matters is its cause's.
 */
final class StartupErrors {

  private StartupErrors() {
  }

  /** The failure Guice wrapped, unwrapped through every layer, or {@code e} itself. */
  static Throwable root(Throwable e) {
    Throwable current = e;
    while (true) {
      Collection<Message> messages = null;
      if (current instanceof ProvisionException provision) {
        messages = provision.getErrorMessages();
      } else if (current instanceof CreationException creation) {
        messages = creation.getErrorMessages();
      } else if (current instanceof ConfigurationException configuration) {
        messages = configuration.getErrorMessages();
      }
      if (messages == null || messages.isEmpty()) {
        return current;
      }
      Message first = messages.iterator().next();
      current = first.getCause() != null
          ? first.getCause() : new IllegalStateException(first.getMessage());
    }
  }

  /** The root failure as an unchecked exception, so callers need not know about Guice. */
  static RuntimeException unwrap(RuntimeException e) {
    Throwable root = root(e);
    if (root == e) {
      return e;
    }
    return root instanceof RuntimeException runtime
        ? runtime : new IllegalStateException(message(root), root);
  }

  static String message(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /**
   * A front end that could not listen, named by the settings that chose its address; any
   * other failure is returned unchanged.
   */
  static RuntimeException listenFailure(Exception e, String host, int port, String hostKey,
      String portKey) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException bind) {
        String reason = bind.getMessage() == null ? "" : bind.getMessage();
        if (reason.contains("in use")) {
          return new IllegalStateException("port " + port + " is in use (" + portKey + ")", e);
        }
        if (reason.contains("assign requested address")) {
          return new IllegalStateException(host + " is not an address of this machine ("
              + hostKey + ")", e);
        }
        return new IllegalStateException("cannot listen on " + host + ":" + port + " ("
            + hostKey + ", " + portKey + "): " + reason, e);
      }
    }
    return e instanceof RuntimeException runtime
        ? runtime : new IllegalStateException(message(e), e);
  }
}
