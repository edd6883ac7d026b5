package dev.plot.http;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * Sends each request to the handler of the first route its path matches: an exact path, or a
 * prefix ending in {@code *}, or a path ending in {@code .*} for a name with any extension.
 * Unlike Jetty's path mappings it leaves the request's path as it is, so every handler sees
 * the full path. A request no route takes goes to the fallback handler.
 */
public final class RoutesHandler extends Handler.Abstract {

  private final List<Route> routes = new ArrayList<>();
  private final Handler fallback;

  public RoutesHandler(Handler fallback) {
    this.fallback = fallback;
    addBean(fallback);
  }

  /** Adds a route; earlier routes win. */
  public RoutesHandler route(String pattern, Handler handler) {
    routes.add(new Route(pattern, handler));
    addBean(handler);
    return this;
  }

  /** Every route's handler belongs to the same server, as Jetty expects of a handler tree. */
  @Override
  public void setServer(Server server) {
    super.setServer(server);
    fallback.setServer(server);
    routes.forEach(route -> route.handler().setServer(server));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    for (Route route : routes) {
      if (route.matches(path)) {
        return route.handler().handle(request, response, callback);
      }
    }
    return fallback.handle(request, response, callback);
  }

  private record Route(String pattern, Handler handler) {

    boolean matches(String path) {
      if (pattern.endsWith(".*")) {
        String stem = pattern.substring(0, pattern.length() - 2);
        return path.equals(stem) || (path.startsWith(stem + ".")
            && path.indexOf('/', stem.length()) < 0);
      }
      if (pattern.endsWith("*")) {
        return path.startsWith(pattern.substring(0, pattern.length() - 1));
      }
      return path.equals(pattern);
    }
  }
}
