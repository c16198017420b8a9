namespace AlertWorker.Configuration;

/// <summary>One thing wrong with the configuration, at its configuration path (<c>AlertWorker:Topics:x:Query</c>).</summary>
public sealed record ConfigProblem(string Path, string Message, bool IsWarning = false)
{
    public override string ToString() => IsWarning ? $"{Path}: warning: {Message}" : $"{Path}: {Message}";
}
