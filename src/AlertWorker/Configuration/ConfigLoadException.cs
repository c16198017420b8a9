namespace AlertWorker.Configuration;

/// <summary>The configuration could not be read at all: the file is missing or is not valid JSON.</summary>
public sealed class ConfigLoadException(string message, Exception? inner = null) : Exception(message, inner);
