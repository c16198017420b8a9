using Microsoft.Extensions.Configuration;

namespace AlertWorker.Configuration;

/// <summary>
/// Reads the configuration file, then the environment on top of it (<c>AlertWorker__Channels__ops__Smtp__Password</c>),
/// the standard .NET way. A missing file or malformed JSON is one <see cref="ConfigLoadException"/> that names the
/// file and the place; what is odd about the file's shape (names that differ only by case) is reported by
/// <see cref="ConfigValidator"/> with the rest.
/// </summary>
public static class ConfigLoader
{
    public const string DefaultPath = "config/appsettings.json";
    public const string PathVariable = "ALERTWORKER_CONFIG";

    /// <summary>The file to read: <c>--config</c>, else <c>ALERTWORKER_CONFIG</c>, else <see cref="DefaultPath"/>.</summary>
    public static string ResolvePath(string? optionPath)
    {
        var path = optionPath ?? Environment.GetEnvironmentVariable(PathVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultPath : path);
    }

    /// <summary>
    /// Loads the file and the environment. With <paramref name="watch"/>, <see cref="ActiveConfiguration"/> follows
    /// later changes of the file (the configuration returned never changes by itself).
    /// </summary>
    /// <exception cref="ConfigLoadException">The file is missing, unreadable or not valid JSON.</exception>
    public static IConfigurationRoot Load(string path, bool watch = false)
    {
        if (!File.Exists(path))
        {
            throw new ConfigLoadException($"{path}: configuration file not found");
        }

        return new ConfigurationBuilder()
            .Add(new JsonFileSource(path, watch))
            .AddEnvironmentVariables()
            .Build();
    }

    /// <summary>The file a configuration was loaded from, and whether it is to be watched; null for one built in code.</summary>
    internal static JsonFileProvider? FileOf(IConfiguration configuration) =>
        (configuration as IConfigurationRoot)?.Providers.OfType<JsonFileProvider>().FirstOrDefault();
}
