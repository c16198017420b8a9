using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace AlertWorker.Configuration;

/// <summary>The configuration file as a configuration source; <see cref="ConfigLoader"/> puts the environment on top.</summary>
internal sealed class JsonFileSource(string path, bool watch) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new JsonFileProvider(path, watch);
}

/// <summary>
/// Reads the JSON file once, with <see cref="JsonDocument"/>, into configuration keys the way the standard JSON
/// provider does (comments and trailing commas allowed). Unlike that provider it reports what it finds wrong as
/// <see cref="ConfigProblem"/>s instead of throwing or merging silently: two keys of one object that differ only by
/// case (configuration keys are case-insensitive, so they would be one) keep the first and name both. A file that
/// is missing, unreadable or not JSON throws <see cref="ConfigLoadException"/> naming the file and the place.
/// </summary>
internal sealed class JsonFileProvider(string path, bool watch) : ConfigurationProvider
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly List<ConfigProblem> _problems = [];

    public string Path { get; } = path;

    /// <summary>Whether the daemon should follow changes of this file (<c>run</c>); the provider itself never reloads.</summary>
    public bool Watch { get; } = watch;

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    public override void Load()
    {
        using var document = Parse(Read(Path), Path);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigLoadException($"{Path}: invalid configuration: the file must hold one JSON object ({{ \"AlertWorker\": {{ ... }} }})");
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        _problems.Clear();
        Visit(document.RootElement, null, data);
        Data = data;
    }

    internal static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigLoadException($"{path}: configuration file not found", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigLoadException($"{path}: configuration file cannot be read: {exception.Message}", exception);
        }
    }

    private static JsonDocument Parse(byte[] bytes, string path)
    {
        try
        {
            var text = bytes.AsMemory();
            var bom = Encoding.UTF8.Preamble;
            return JsonDocument.Parse(bytes.AsSpan().StartsWith(bom) ? text[bom.Length..] : text, Options);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $"line {line + 1}, position {exception.BytePositionInLine + 1}: " : "";
            var reason = exception.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new ConfigLoadException($"{path}: invalid JSON at {where}{reason}", exception);
        }
    }

    private void Visit(JsonElement element, string? prefix, Dictionary<string, string?> data)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in element.EnumerateObject())
                {
                    var key = Combine(prefix, property.Name);
                    if (seen.TryGetValue(property.Name, out var first))
                    {
                        _problems.Add(new ConfigProblem(
                            Combine(prefix, first),
                            first == property.Name ? $"'{first}' is given twice" : $"'{first}' and '{property.Name}' differ only by case"));
                        continue;
                    }

                    seen[property.Name] = property.Name;
                    Visit(property.Value, key, data);
                }

                if (seen.Count == 0 && prefix is not null)
                {
                    data[prefix] = null;
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, Combine(prefix, index++.ToString(System.Globalization.CultureInfo.InvariantCulture)), data);
                }

                if (index == 0 && prefix is not null)
                {
                    data[prefix] = null;
                }

                break;
            case JsonValueKind.String:
                data[prefix!] = element.GetString();
                break;
            case JsonValueKind.Null:
                data[prefix!] = null;
                break;
            default:
                data[prefix!] = element.GetRawText();
                break;
        }
    }

    private static string Combine(string? prefix, string key) => prefix is null ? key : prefix + ConfigurationPath.KeyDelimiter + key;
}
