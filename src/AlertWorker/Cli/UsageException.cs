namespace AlertWorker.Cli;

/// <summary>The command line is wrong: the message says how; usage follows it on stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
