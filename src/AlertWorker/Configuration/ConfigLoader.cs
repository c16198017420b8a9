using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace AlertWorker.Configuration;

/// <summary>
/// Reads the configuration file, then the environment on top of it (<c>AlertWorker__Channels__ops__Smtp__Password</c>),
/// the standard .NET way. Turns a missing file or malformed JSON into one <see cref="ConfigLoadException"/>
/// that names the file and the place.
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

    public static IConfigurationRoot Load(string path, bool reloadOnChange = false)
    {
        if (!File.Exists(path))
        {
            throw new ConfigLoadException($"{path}: configuration file not found");
        }

        var directory = Path.GetDirectoryName(path)!;
        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(new PhysicalFileProvider(directory), Path.GetFileName(path), optional: false, reloadOnChange)
                .AddEnvironmentVariables()
                .Build();
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or JsonException)
        {
            throw new ConfigLoadException($"{path}: {Describe(exception)}", exception);
        }
    }

    /// <summary>The innermost JSON error, which carries the line and position.</summary>
    internal static string Describe(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                var where = json.LineNumber is { } line ? $"line {line + 1}, position {json.BytePositionInLine + 1}: " : "";
                var reason = json.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
                return $"invalid JSON at {where}{reason}";
            }

            if (current is FormatException format)
            {
                return $"invalid configuration: {format.Message}";
            }
        }

        return $"invalid JSON: {exception.Message}";
    }
}
