namespace AlertWorker.Alerts;

/// <summary>
/// What one alert tells its receiver. Serialised with <see cref="AlertJson"/> it is exactly the webhook body
/// of the README; it is stored with the alert, so a retry sends the same thing.
/// </summary>
public sealed record AlertContent(
    string Id,
    string Topic,
    AlertFeed Feed,
    AlertItem Item,
    IReadOnlyList<AlertMatch> Matches,
    DateTimeOffset DetectedAt);

public sealed record AlertFeed(string Name, string Url);

public sealed record AlertItem(
    string Id,
    string Title,
    string? Link,
    DateTimeOffset? Published,
    string Summary,
    string? Author,
    IReadOnlyList<string> Categories);

/// <summary>One hit of the topic's query: the field, the query term, and the text around it.</summary>
public sealed record AlertMatch(string Field, string Term, string Snippet);
