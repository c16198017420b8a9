namespace AlertWorker.Cli;

/// <summary>The command line, parsed: a verb, <c>--name value</c> options and <c>--flag</c>s, and positional words.</summary>
public sealed class CliArguments
{
    private static readonly Dictionary<string, string[]> VerbOptions = new(StringComparer.Ordinal)
    {
        ["run"] = [],
        ["once"] = [],
        ["validate"] = [],
        ["match"] = ["--query", "--topic", "--text", "--feed"],
        ["alerts"] = ["--state", "--limit", "--dead"],
        ["feeds"] = [],
    };

    private static readonly HashSet<string> Flags = ["--dead", "--help", "--version"];

    /// <summary>The verbs that take words of their own (<c>alerts retry &lt;id&gt;</c>); any other stray word is an error.</summary>
    private static readonly HashSet<string> VerbsWithWords = ["alerts"];

    private static readonly Dictionary<string, string> ShortFlags = new(StringComparer.Ordinal) { ["-h"] = "--help", ["-?"] = "--help" };

    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public string Verb { get; private set; } = "run";

    public List<string> Positionals { get; } = [];

    public static IReadOnlyCollection<string> Verbs => VerbOptions.Keys;

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Get(string option) => _options.GetValueOrDefault(option);

    /// <summary>Parses <paramref name="args"/>; throws <see cref="UsageException"/> naming what is wrong.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new CliArguments();
        var index = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            parsed.Verb = args[0];
            index = 1;
            if (!VerbOptions.ContainsKey(parsed.Verb))
            {
                throw new UsageException($"unknown verb '{parsed.Verb}'");
            }
        }

        for (; index < args.Count; index++)
        {
            var arg = ShortFlags.GetValueOrDefault(args[index], args[index]);
            if (!arg.StartsWith('-'))
            {
                if (!VerbsWithWords.Contains(parsed.Verb))
                {
                    throw new UsageException($"unexpected '{arg}' for '{parsed.Verb}'");
                }

                parsed.Positionals.Add(arg);
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unknown option '{arg}'");
            }

            var (name, inline) = arg.IndexOf('=') is var equals and > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
            if (name != "--config" && !Flags.Contains(name) && !VerbOptions[parsed.Verb].Contains(name))
            {
                throw new UsageException($"unknown option '{name}' for '{parsed.Verb}'");
            }

            if (Flags.Contains(name))
            {
                parsed._options[name] = null;
            }
            else if (inline is not null)
            {
                parsed._options[name] = inline;
            }
            else if (index + 1 < args.Count)
            {
                parsed._options[name] = args[++index];
            }
            else
            {
                throw new UsageException($"option '{name}' needs a value");
            }
        }

        return parsed;
    }
}
