package dev.plot.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code plot settings}: lists every setting, its environment variable and default. */
@Command(name = "settings", mixinStandardHelpOptions = true,
    description = "List every setting with its environment variable and default.")
final class SettingsCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.out.println("| setting | environment | default | meaning |");
    System.out.println("|---|---|---|---|");
    for (SettingsCatalog.Entry entry : SettingsCatalog.ENTRIES) {
      System.out.println("| `" + entry.key() + "` | `" + ConfigLoader.envName(entry.key())
          + "` | " + (entry.defaultValue().isEmpty() ? "" : "`" + entry.defaultValue() + "`")
          + " | " + entry.meaning() + " |");
    }
    return 0;
  }
}
