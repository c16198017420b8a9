using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AlertWorker.Configuration;

/// <summary>
/// Reads typed values from raw configuration, collecting a <see cref="ConfigProblem"/> for each value that does not
/// convert instead of stopping at the first, as the binder would. Values are never echoed: one might be a secret.
/// </summary>
internal sealed class ConfigReader
{
    private readonly List<ConfigProblem> _problems = [];

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    public bool HasErrors => _problems.Any(problem => !problem.IsWarning);

    public void Add(ConfigProblem problem) => _problems.Add(problem);

    public void Error(string path, string message) => _problems.Add(new ConfigProblem(path, message));

    public void Warning(string path, string message) => _problems.Add(new ConfigProblem(path, message, IsWarning: true));

    /// <summary>The longest duration any setting takes: a year. Longer ones are typing mistakes, and overflow dates.</summary>
    public static readonly TimeSpan MaxDuration = System.TimeSpan.FromDays(365);

    public TimeSpan? TimeSpan(IConfigurationSection section, string key, bool positive = true)
    {
        var child = section.GetSection(key);
        if (child.Value is not { } text)
        {
            return null;
        }

        // A bare number would parse as days ("300" is 300 days, not seconds): insist on the hh:mm:ss form.
        if (!text.Contains(':', StringComparison.Ordinal) || !System.TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            Error(child.Path, "expected a duration as hh:mm:ss (or d.hh:mm:ss)");
            return null;
        }

        if (positive && value <= System.TimeSpan.Zero)
        {
            Error(child.Path, "must be longer than zero");
            return null;
        }

        if (value > MaxDuration)
        {
            Error(child.Path, $"must not be longer than {MaxDuration.Days} days");
            return null;
        }

        return value;
    }

    public long? Integer(IConfigurationSection section, string key, long min, long max)
    {
        var child = section.GetSection(key);
        if (child.Value is not { } text)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(child.Path, $"expected a whole number from {min} to {max}");
            return null;
        }

        return value;
    }

    public bool? Boolean(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        if (child.Value is not { } text)
        {
            return null;
        }

        if (!bool.TryParse(text, out var value))
        {
            Error(child.Path, "expected true or false");
            return null;
        }

        return value;
    }

    public TEnum? Choice<TEnum>(IConfigurationSection section, string key)
        where TEnum : struct, Enum
    {
        var child = section.GetSection(key);
        if (child.Value is not { } text)
        {
            return null;
        }

        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse<TEnum>(name);
            }
        }

        Error(child.Path, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        return null;
    }

    /// <summary>A list written as a JSON array, or as one string; each entry with its index.</summary>
    public static IReadOnlyList<(string Path, string Value)> List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        if (child.Value is { } single)
        {
            return string.IsNullOrWhiteSpace(single) ? [] : [(child.Path, single.Trim())];
        }

        return child.GetChildren()
            .Where(entry => entry.Value is not null)
            .Select(entry => (entry.Path, entry.Value!.Trim()))
            .ToList();
    }
}
