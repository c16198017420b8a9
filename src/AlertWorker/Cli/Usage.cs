using System.Reflection;

namespace AlertWorker.Cli;

public static class Usage
{
    public static string Version =>
        typeof(Usage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public const string Text = """
        Usage: AlertWorker [verb] [options]

        Verbs:
          run        poll feeds on their schedules, match, deliver, until SIGTERM/SIGINT (the default)
          once       poll every enabled feed once, queue alerts, attempt every due alert, exit
          validate   check the configuration and print every problem with its configuration path
          match      dry run of the matcher: --query Q | --topic NAME, against --text T | --feed URL-or-path
          alerts     list alerts: --state pending|sent|dead [--limit N]; 'alerts retry <id>' or 'alerts retry --dead'
          feeds      list each feed's health: last success, last error, failures, next poll

        Options:
          --config PATH   configuration file (default config/appsettings.json, or $ALERTWORKER_CONFIG)
          --help          this text
          --version       the version

        Exit codes: 0 ok (match: something matched), 1 failure (match: nothing matched), 2 invalid usage, configuration or input.
        """;
}
