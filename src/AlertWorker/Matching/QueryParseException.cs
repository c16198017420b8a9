namespace AlertWorker.Matching;

/// <summary>
/// A query could not be parsed. The message reads <c>line:column: expected …</c>, prefixed with
/// <c>topic 'name': </c> when the query belongs to a topic.
/// </summary>
public sealed class QueryParseException : Exception
{
    /// <summary>Creates the exception for a problem at a 1-based line and column.</summary>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column (UTF-16 code units).</param>
    /// <param name="reason">What was expected, e.g. <c>expected ')'</c>.</param>
    /// <param name="topic">The topic whose query this is, if any.</param>
    public QueryParseException(int line, int column, string reason, string? topic = null)
        : base(Format(line, column, reason, topic))
    {
        Line = line;
        Column = column;
        Reason = reason;
        Topic = topic;
    }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>What was expected, without the position (e.g. <c>expected ')'</c>).</summary>
    public string Reason { get; }

    /// <summary>The topic whose query failed, when known.</summary>
    public string? Topic { get; }

    /// <summary>The same error attributed to <paramref name="topic"/>.</summary>
    public QueryParseException WithTopic(string topic) => new(Line, Column, Reason, topic);

    private static string Format(int line, int column, string reason, string? topic) =>
        (topic is null ? "" : $"topic '{topic}': ") + $"{line}:{column}: {reason}";
}
